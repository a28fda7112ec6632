// Small helpers shared by the in-page bench modules.

export const frame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
export const frames = async n => {
  for (let i = 0; i < n; i++) await frame();
};
export const gc = () => window.gc?.();

/** JS heap after a full GC. */
export async function heapAfterGc() {
  gc();
  await frame();
  gc();
  return performance.memory.usedJSHeapSize;
}

/** Longest long task and longest gap between frames, from now until the returned stop(). */
export function watchMainThread() {
  let longestTask = 0, longTasks = 0, maxFrameGap = 0, last = performance.now(), on = true;
  const take = list => list.forEach(e => { longTasks++; longestTask = Math.max(longestTask, e.duration); });
  const observer = new PerformanceObserver(l => take(l.getEntries()));
  observer.observe({type: 'longtask'});
  const tick = () => {
    const now = performance.now();
    maxFrameGap = Math.max(maxFrameGap, now - last);
    last = now;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    take(observer.takeRecords());
    observer.disconnect();
    return {longestTask, longTasks, maxFrameGap: Math.max(maxFrameGap, performance.now() - last)};
  };
}

/** A visible <input type=file> at the bottom of the page, for a bare baseline's real chooser. */
export function fileInput({multiple = false} = {}) {
  const input = Object.assign(document.createElement('input'), {type: 'file', multiple, accept: 'image/*', className: 'bare'});
  document.body.append(input);
  const r = input.getBoundingClientRect();
  return {input, center: {x: r.x + r.width / 2, y: r.y + r.height / 2}};
}

/** Resolves at the next `change` of `input`, with its time. */
export const changeOf = input => new Promise(r => input.addEventListener('change', () => r(performance.now()), {once: true}));
