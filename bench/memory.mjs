// Memory of a browser's processes, read from /proc (Linux): of the processes that run pages
// (each engine's driver says which), and of the whole browser (every process under it),
// sampled while a flow runs so that its peak is seen.
import {processTree, readProc} from '../scripts/drivers/processes.mjs';

/** Proportional set size in bytes (shared pages split between their users), from smaps_rollup. */
export function pss(pid) {
  const m = /^Pss:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/smaps_rollup`));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Resident set size in bytes. */
export function rss(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readProc(`/proc/${pid}/status`));
  return m ? Number(m[1]) * 1024 : 0;
}

export const total = (pids, of = rss) => pids.reduce((sum, pid) => sum + of(pid), 0);

/**
 * Samples the resident memory of every process under `root` every `everyMs` (processes that
 * start meanwhile, such as a new renderer, are picked up) until stop(): the peak of the sum
 * above what it was at start.
 */
export function sampleTree(root, everyMs = 25) {
  let pids = processTree(root);
  const before = total(pids);
  let peak = before;
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 20 === 0) pids = processTree(root);
    peak = Math.max(peak, total(pids));
  }, everyMs);
  return {
    before,
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, total(processTree(root)));
      return {before, peak, growth: peak - before};
    },
  };
}
