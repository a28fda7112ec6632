// Small helpers shared by the in-page bench modules.

export const frame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
export const frames = async n => {
  for (let i = 0; i < n; i++) await frame();
};
/** A full GC where the engine lets a page ask for one (Chromium with --expose-gc). */
export const gc = () => window.gc?.();

/** JS heap after a full GC (Chromium: performance.memory), or undefined where not measurable. */
export async function heapAfterGc() {
  gc();
  await frame();
  gc();
  return performance.memory?.usedJSHeapSize;
}

/** How watchMainThread measures here: Long Tasks where the engine reports them, else a timer's lateness. */
export const mainThreadMethod = PerformanceObserver.supportedEntryTypes?.includes('longtask') ? 'longtask' : 'timer lag';

/**
 * Longest main-thread task and longest gap between frames, from now until the returned stop().
 * With `frames: false` no frame is asked for (a frame callback each frame makes the page draw
 * frames it would not have drawn: work the page under test did not cause).
 * Where the engine has no Long Tasks API (Firefox, WebKit), a task is seen by how late a 10 ms
 * timer fires: a timer due while a task runs fires when it ends, so the longest lateness is the
 * longest task (or run of back-to-back tasks with rendering), within 10 ms. Like Long Tasks, only
 * lateness over 50 ms counts (0 = none).
 */
export function watchMainThread({frames = true} = {}) {
  let longestTask = 0, longTasks = 0, maxFrameGap = 0, last = performance.now(), on = true;
  /** The longest ones, [start, duration] (start: performance.now()), to tell what they were. */
  const stalls = [];
  const seen = (ms, start) => {
    if (ms <= 50) return;
    longTasks++;
    longestTask = Math.max(longestTask, ms);
    stalls.push([Math.round(start), Math.round(ms)]);
    stalls.sort((a, b) => b[1] - a[1]).splice(5);
  };
  let stopWatching;
  if (mainThreadMethod === 'longtask') {
    const observer = new PerformanceObserver(l => l.getEntries().forEach(e => seen(e.duration, e.startTime)));
    observer.observe({type: 'longtask'});
    stopWatching = () => {
      observer.takeRecords().forEach(e => seen(e.duration, e.startTime));
      observer.disconnect();
    };
  } else {
    const every = 10;
    let due, timer;
    const next = () => {
      due = performance.now() + every;
      timer = setTimeout(() => {
        const now = performance.now();
        seen(now - due + every, due - every);
        next();
      }, every);
    };
    next();
    stopWatching = () => clearTimeout(timer);
  }
  const tick = () => {
    const now = performance.now();
    maxFrameGap = Math.max(maxFrameGap, now - last);
    last = now;
    if (on) requestAnimationFrame(tick);
  };
  if (frames) requestAnimationFrame(tick);
  return () => {
    on = false;
    stopWatching();
    return {longestTask, longTasks, stalls, maxFrameGap: frames ? Math.max(maxFrameGap, performance.now() - last) : undefined, method: mainThreadMethod};
  };
}

// --- the pick ------------------------------------------------------------------------------

/** When the files were about to be set on the picker's input (bench.markPick, from run.mjs). */
let pickAt;
export const markPick = () => {
  pickAt = performance.now();
  performance.mark('bench:pick'); // for --trace: where each flow starts
};
/** The last pick's mark; each probe reads it once its flow has started. */
export const pickedAt = () => pickAt;

/** The bare baseline pages' <input type=file>, at the bottom of the page. */
let bare;

/** Puts a visible <input type=file> at the bottom of the page; returns its centre for a real click. */
export function bareInput({multiple = false} = {}) {
  bare?.remove();
  bare = Object.assign(document.createElement('input'), {type: 'file', multiple, accept: 'image/*', className: 'bare'});
  document.body.append(bare);
  const r = bare.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}
export const bareInputElement = () => bare;

/** The bare input, once its `change` comes: {input, changed (time of change)}. */
export function nextBarePick() {
  const input = bare;
  return new Promise(resolve =>
    input.addEventListener('change', () => resolve({input, files: [...input.files], changed: performance.now()}), {once: true})
  );
}

/** Removes the bare input once its probe is done. */
export function removeBareInput(input) {
  input.remove();
  if (bare === input) bare = undefined;
}
