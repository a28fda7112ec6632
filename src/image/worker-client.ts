// Runs pipeline jobs in module Workers, one job per worker at a time, never more than two
// workers (the scheduler runs at most two jobs at once), or on the main thread where no worker
// can start (no OffscreenCanvas, or a CSP that forbids it). Workers start on first use (or
// warm()) and end when idle. A job whose signal aborts while it runs is given up at once; its
// worker ends when the job is over, and counts as one of the two until then.
//
// Workers start from the worker file (kit-files.ts). Where it cannot load (an app bundled by
// esbuild or plain Rollup, which emit no file named by `new URL`), they start from a blob: made
// of the same worker built into the package as a string (image-worker-source.js, a chunk the
// bundler does emit); where that cannot start either (a CSP without `worker-src blob:`), the main
// thread runs the jobs.
import type {Job, JobResult} from './jobs.js';
import {kitFiles} from './kit-files.js';

/** The jobs on the main thread: a chunk of its own, fetched only where no worker runs them. */
const runHere = async <J extends Job>(job: J) => (await import('./jobs.js')).runJob(job, kitFiles());

const IDLE_MS = 15_000;
/** As many as the scheduler runs jobs at once. */
const WORKERS = 2;

interface Slot {
  worker: Worker;
  from: 'file' | 'built-in';
  /** The job it runs, if any. */
  job?: {resolve: (value: unknown) => void; reject: (e: unknown) => void; retry: () => void};
}

const slots: Slot[] = [];
/** Workers still running a job that was given up: each settles when its worker has ended. */
const draining = new Set<Promise<void>>();
/** A given-up job's worker ends after this even if the job has not answered: nothing waits for ever. */
const DRAIN_LIMIT_MS = 10_000;
class WorkerUnavailable extends Error {}
/** Where workers start from now: each step down is for good. */
let from: 'file' | 'built-in' | 'nowhere' = 'file';
/** The built-in worker's string being imported (settled: builtInScript is set, or `from` is 'nowhere'). */
let builtIn: Promise<void> | undefined;
/** The built-in worker's blob: URL. */
let builtInScript: string | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Ends every worker (a job running in one starts again, see run()); with `on`, the main thread
 * runs every job from now on, and without, workers start from the worker file again. For tests.
 */
export function useMainThread(on: boolean) {
  endWorkers();
  from = on ? 'nowhere' : 'file';
}

/** Whether jobs run in workers (as far as is known now), not on the main thread. */
export const inWorkers = () => from !== 'nowhere';

function endWorkers() {
  for (const slot of slots.splice(0)) {
    slot.worker.terminate();
    slot.job?.reject(new WorkerUnavailable()); // run() runs it again, where workers start now
  }
}

/** A worker could not load (file missing, blocked by CSP): the next way down, for good. */
function cannotLoad(slot: Slot) {
  if (slot.from !== from) return; // an earlier failure already moved on
  endWorkers();
  if (from === 'built-in') from = 'nowhere';
  else {
    from = 'built-in';
    builtIn = import('./image-worker-source.js').then(
      ({default: source}) => void (builtInScript = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}))),
      () => void (from = 'nowhere')
    );
  }
}

/** libheif.wasm for the built-in worker, which asks for it (heic/libheif-built-in.ts) and cannot import it itself. */
function sendLibheifWasm(worker: Worker) {
  import('./libheif-wasm.js')
    .then(({default: libheifWasm}) => libheifWasm())
    .then(
      wasm => worker.postMessage({libheifWasm: wasm}),
      () => worker.postMessage({libheifWasm: null})
    );
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: {createScriptURL: (url: string) => string}): {createScriptURL(url: string): string};
}

/** The kit's worker file (its URL) and the script URL that starts it. */
let ownWorker: {file: string; script: string} | undefined;
let policy: {createScriptURL(url: string): string} | null | undefined;

/**
 * The worker's script URL, through a Trusted Types policy where the page requires them
 * (`require-trusted-types-for 'script'` makes `new Worker` a sink). The policy vouches for the
 * kit's own worker only. A page that also lists allowed policies must name `choose-image-sheet`.
 * A worker from another origin (setAssetPath() to a CDN) starts from a same-origin blob: that
 * imports it, as browsers start workers from the page's origin only; a policy then needs
 * `worker-src blob:`, as the built-in worker does.
 */
function workerScript(): string {
  const file = kitFiles().worker;
  if (ownWorker?.file !== file) {
    const here = new URL(file).origin === location.origin;
    ownWorker = {file, script: here ? file : URL.createObjectURL(new Blob([`import ${JSON.stringify(file)};`], {type: 'text/javascript'}))};
  }
  const script = from === 'built-in' ? builtInScript! : ownWorker.script;
  policy ??= (globalThis as {trustedTypes?: TrustedTypesLike}).trustedTypes?.createPolicy('choose-image-sheet', {
    createScriptURL: url => {
      if (url !== ownWorker?.script && url !== builtInScript) throw new TypeError(`choose-image-sheet only loads its own worker, not ${url}`);
      return url;
    },
  }) ?? null;
  return policy ? policy.createScriptURL(script) : script;
}

function startWorker(): Slot | undefined {
  if (from === 'nowhere' || (from === 'built-in' && !builtInScript)) return undefined;
  try {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('no OffscreenCanvas');
    const slot: Slot = {worker: new Worker(workerScript(), {type: 'module'}), from};
    slot.worker.onmessage = ({data}: MessageEvent<{result?: unknown; error?: {name: string; message: string}; retry?: boolean; need?: string}>) => {
      if (data.need) return sendLibheifWasm(slot.worker);
      const job = slot.job;
      slot.job = undefined;
      if (!job) return;
      if (!data.error) job.resolve(data.result);
      else if (data.retry) job.retry();
      else job.reject(new DOMException(data.error.message, data.error.name));
      idle();
    };
    // A worker that cannot load (file missing, blocked by CSP) errors here.
    slot.worker.onerror = event => {
      event.preventDefault();
      cannotLoad(slot);
    };
    slots.push(slot);
    return slot;
  } catch {
    from = 'nowhere';
    return undefined;
  }
}

/** Starts the workers ahead of the first jobs (module fetch, decoder probe). */
export function warm() {
  resting = false;
  while (slots.length < WORKERS && startWorker());
  idle();
}

/** The call is over: each worker ends as soon as it has no job, with the memory it holds. */
export function rest() {
  resting = true;
  idle();
}

let resting = false;

function idle() {
  clearTimeout(idleTimer);
  const end = () => {
    for (const slot of slots.filter(s => !s.job)) {
      slot.worker.terminate();
      slots.splice(slots.indexOf(slot), 1);
    }
  };
  if (resting) end();
  else idleTimer = setTimeout(end, IDLE_MS);
}

function inWorker<J extends Job>(slot: Slot, job: J, signal?: AbortSignal): Promise<JobResult<J>> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      // The worker leaves the pool at once (what comes next goes to a new one) but ends only when
      // its job is over: Chromium kept memory of a worker ended mid-job for good (renderer memory
      // before each gallery closed while compressions ran: 171, 203, 223, 229 MB; ended after the
      // job: 170, 180, 182, 175, 180 MB). No engine bug found yet to link.
      slots.splice(slots.indexOf(slot), 1);
      const ended = new Promise<void>(settle => {
        const end = () => {
          clearTimeout(limit);
          slot.worker.terminate();
          draining.delete(ended);
          settle();
        };
        const limit = setTimeout(end, DRAIN_LIMIT_MS);
        slot.job = {resolve: end, reject: end, retry: end};
      });
      draining.add(ended);
      reject(signal!.reason);
    };
    const done = () => signal?.removeEventListener('abort', onAbort);
    slot.job = {
      resolve: value => (done(), resolve(value as JobResult<J>)),
      reject: e => (done(), reject(e)),
      retry: () => (done(), resolve(runHere(job))),
    };
    signal?.addEventListener('abort', onAbort, {once: true});
    const {heicGlue, heicWasm} = kitFiles();
    slot.worker.postMessage({job, heic: {heicGlue, heicWasm}});
  });
}

/**
 * Runs `job` in an idle worker (started if needed), else on the main thread. A failed decode
 * is tried again on the main thread where its <img> may succeed (see decode.ts).
 */
export async function run<J extends Job>(job: J, signal?: AbortSignal): Promise<JobResult<J>> {
  clearTimeout(idleTimer);
  resting = false;
  if (from === 'built-in') {
    await builtIn; // its string is still being imported
    if (signal?.aborted) throw signal.reason;
  }
  // A given-up job still decodes in its worker: wait for it to end rather than start a third
  // (never more than two large images decoded at once).
  while (!slots.some(s => !s.job) && slots.length + draining.size >= WORKERS && draining.size) {
    let up!: () => void;
    const given = new Promise<void>(resolve => signal?.addEventListener('abort', (up = () => resolve()), {once: true}));
    await Promise.race([...draining, given]);
    signal?.removeEventListener('abort', up);
    if (signal?.aborted) throw signal.reason;
  }
  const slot = slots.find(s => !s.job) ?? startWorker();
  if (!slot) return runHere(job);
  try {
    return await inWorker(slot, job, signal);
  } catch (e) {
    // Its worker could not load: again, where workers start now (each step down is for good).
    if (e instanceof WorkerUnavailable) return run(job, signal);
    throw e;
  }
}
