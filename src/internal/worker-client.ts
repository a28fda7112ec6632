// Runs compress() in a module Worker when the browser can, else on the main thread. At most
// two images are in flight at once (across every call), so nine 48 MP photos never sit
// decoded in memory together. The worker is started on first use and ended when idle.
import {compress, type Compressed, type CompressTarget} from './compress.js';

const MAX_IN_FLIGHT = 2;
const IDLE_MS = 15_000;

let worker: Worker | null | undefined; // null: could not start, use the main thread
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 0;
const pending = new Map<number, {resolve: (c: Compressed) => void; reject: (e: Error) => void}>();
let inFlight = 0;
const waiting: Array<() => void> = [];

/** Testing hook: force the main-thread path (true) or go back to trying the worker (false). */
export function useMainThread(on: boolean) {
  stopWorker();
  worker = on ? null : undefined;
}

function stopWorker() {
  worker?.terminate();
  worker = undefined;
  for (const p of pending.values()) p.reject(new Error('compression worker stopped'));
  pending.clear();
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: {createScriptURL: (url: string) => string}): {createScriptURL(url: string): string};
}

/**
 * The worker's URL, through a Trusted Types policy where the page requires them
 * (`require-trusted-types-for 'script'` makes `new Worker` a sink). The policy vouches for
 * this one URL only. A page that also lists allowed policies must name `choose-image-sheet`.
 */
function workerUrl(): string {
  const url = new URL('./compress-worker.js', import.meta.url).href;
  const trustedTypes = (globalThis as {trustedTypes?: TrustedTypesLike}).trustedTypes;
  if (!trustedTypes) return url;
  const policy = trustedTypes.createPolicy('choose-image-sheet', {
    createScriptURL: u => {
      if (u !== url) throw new TypeError(`choose-image-sheet only loads its own worker, not ${u}`);
      return u;
    },
  });
  return policy.createScriptURL(url);
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('no OffscreenCanvas');
    worker = new Worker(workerUrl(), {type: 'module'});
    worker.onmessage = ({data}: MessageEvent<{id: number; result?: Compressed; error?: string}>) => {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (data.result) p?.resolve(data.result);
      else p?.reject(new Error(data.error));
    };
    // A worker that cannot load (blocked by CSP, file missing) errors here: fall back for good.
    worker.onerror = event => {
      event.preventDefault();
      const failed = [...pending.values()];
      pending.clear();
      worker?.terminate();
      worker = null;
      failed.forEach(p => p.reject(new WorkerUnavailable()));
    };
  } catch {
    worker = null;
  }
  return worker;
}

class WorkerUnavailable extends Error {}

function inWorker(w: Worker, blob: Blob, target: CompressTarget): Promise<Compressed> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, {resolve, reject});
    w.postMessage({id, blob, target});
  });
}

async function run(blob: Blob, target: CompressTarget): Promise<Compressed> {
  const w = startWorker();
  if (!w) return compress(blob, target);
  try {
    return await inWorker(w, blob, target);
  } catch (e) {
    if (e instanceof WorkerUnavailable) return compress(blob, target);
    throw e;
  }
}

/** compress() with the worker and the in-flight limit; a job still waiting when `signal` aborts is dropped. */
export async function compressLimited(blob: Blob, target: CompressTarget, signal?: AbortSignal): Promise<Compressed> {
  clearTimeout(idleTimer);
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>(r => waiting.push(r));
  if (signal?.aborted) {
    waiting.shift()?.(); // pass the free place on
    throw signal.reason;
  }
  inFlight++;
  try {
    return await run(blob, target);
  } finally {
    inFlight--;
    waiting.shift()?.();
    if (inFlight === 0 && pending.size === 0) idleTimer = setTimeout(stopWorker, IDLE_MS);
  }
}
