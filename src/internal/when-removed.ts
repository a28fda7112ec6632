// A move (removed and inserted again in the same task, which the README allows for an open
// sheet) is not a removal: what a removal ends waits until the task's microtasks have run.

/** Runs `removed` unless `host` (an element) is back in a document by then. */
export function whenRemoved(host: object, removed: () => void) {
  queueMicrotask(() => {
    if (!(host as Partial<Node>).isConnected) removed();
  });
}
