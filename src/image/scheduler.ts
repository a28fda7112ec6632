// Decides what decodes next, for thumbnails and compression alike: at most two at once (two
// cores; and a phone never holds more than two large decodes in memory). Visible thumbnails
// go first, then the compression of chosen images, then thumbnails off screen; once the
// person confirms, what the chosen images still need runs alone until it is done (the person
// now waits for nothing else, and a thumbnail would take a core from it). Work whose signal
// aborts while it waits is dropped; work already running gets the signal to stop.

export const Priority = {URGENT: 0, VISIBLE: 1, CHOSEN: 2, LATER: 3} as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

const LIMIT = 2;

/** Narrowings not yet settled (see narrowWhile): while any is, one job runs at a time. */
let narrowings = 0;

/**
 * One job at a time until `until` settles: the page's main thread has work that a person sees
 * sooner than any decode (a screen's EXIF thumbnails read and shown), and on two cores two
 * decodes leave it none. Jobs already running go on; none more starts meanwhile.
 */
export function narrowWhile(until: Promise<unknown>) {
  narrowings++;
  const widen = () => {
    narrowings--;
    pump();
  };
  until.then(widen, widen);
}

export interface ScheduleOptions {
  /** Names the job in recordJobs(). */
  label: string;
  priority: Priority;
  /** The image the work is for: hurry(subject) moves all of it up. */
  subject?: Blob;
  signal?: AbortSignal;
}

/** One scheduled piece of work; `setPriority` moves it while it waits. */
export interface Ticket<T> {
  readonly promise: Promise<T>;
  setPriority(priority: Priority): void;
}

interface Task {
  priority: Priority;
  order: number;
  subject?: Blob;
  record?: JobRecord;
  start(): void;
}

/** What a test or the bench sees of one job (see recordJobs). */
export interface JobRecord {
  label: string;
  priority: Priority;
  queued: number;
  started?: number;
  ended?: number;
  ok?: boolean;
  /** Dropped before it started (its signal aborted). */
  dropped?: boolean;
  /** Decoder calls the job reported. */
  decodes?: number;
}

const waiting: Task[] = [];
const running: Task[] = [];
let order = 0;
let records: JobRecord[] | undefined;

/** Runs `work` when its turn comes. */
export function schedule<T>(work: (signal?: AbortSignal) => Promise<T>, {label, priority, subject, signal}: ScheduleOptions): Ticket<T> {
  if (subject && hurried.has(subject)) priority = Priority.URGENT;
  const record: JobRecord | undefined = records ? {label, priority, queued: performance.now()} : undefined;
  if (record) records!.push(record);
  const setPriority = (p: Priority) => {
    task.priority = p;
    if (record) record.priority = p;
  };
  let task!: Task;
  const promise = new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const i = waiting.indexOf(task);
      if (i < 0) return; // running: `work` has the signal
      waiting.splice(i, 1);
      if (record) record.dropped = true;
      reject(signal!.reason);
    };
    task = {
      priority,
      order: ++order,
      subject,
      record,
      start: () => {
        running.push(task);
        if (record) record.started = performance.now();
        Promise.resolve()
          .then(() => work(signal))
          .then(
            value => {
              if (record) Object.assign(record, {ok: true, decodes: (value as {decodes?: number} | undefined)?.decodes});
              resolve(value);
            },
            error => {
              if (record) record.ok = false;
              reject(error);
            }
          )
          .finally(() => {
            signal?.removeEventListener('abort', onAbort);
            if (record) record.ended = performance.now();
            running.splice(running.indexOf(task), 1);
            pump();
          });
      },
    };
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', onAbort, {once: true});
    waiting.push(task);
    if (priority <= Priority.VISIBLE) {
      pump(priority);
      queueMicrotask(pump);
    } else pumpSoon();
  });
  return {promise, setPriority};
}

/** Images the person confirmed: their jobs go first, those already waiting and those to come. */
const hurried = new WeakSet<Blob>();

/** The person confirmed: every job for `subject`, waiting or still to be scheduled, goes first. */
export function hurry(subject: Blob) {
  hurried.add(subject);
  for (const task of waiting) {
    if (task.subject === subject) {
      task.priority = Priority.URGENT;
      if (task.record) task.record.priority = Priority.URGENT;
    }
  }
}

// Work that is not urgent nor on screen starts in a task of its own, not at once: the
// thumbnails of the tiles that render in the same task as a pick (in its microtasks) then go
// ahead of the compression the pick started. An on-screen thumbnail starting at once starts
// nothing less urgent with it, only in a microtask after it: the other tiles of the screen, asked
// for in the microtasks queued before that one, would find both slots taken (measured: a 12 MP
// compression took the second slot for 150 ms of the first screen); and a lone tile's image still
// starts compressing in the same task as its thumbnail.
const wake = new MessageChannel();
let pumping = false;
wake.port1.onmessage = () => {
  pumping = false;
  pump();
};
function pumpSoon() {
  if (!pumping) wake.port2.postMessage(null);
  pumping = true;
}

/** Starts waiting work while there is room, the most urgent first; none less urgent than `upTo`. */
function pump(upTo: Priority = Priority.LATER) {
  while (running.length < (narrowings ? 1 : LIMIT) && waiting.length) {
    let next = 0;
    waiting.forEach((t, i) => {
      const n = waiting[next];
      if (t.priority < n.priority || (t.priority === n.priority && t.order < n.order)) next = i;
    });
    if (waiting[next].priority > upTo) return;
    const urgent = [...running, ...waiting].some(t => t.priority === Priority.URGENT);
    if (urgent && waiting[next].priority !== Priority.URGENT) return;
    waiting.splice(next, 1)[0].start();
  }
}

/** Testing and benchmarking: records every job scheduled until stop(). */
export function recordJobs() {
  const jobs: JobRecord[] = [];
  records = jobs;
  return {
    jobs,
    stop: () => {
      if (records === jobs) records = undefined;
    },
  };
}
