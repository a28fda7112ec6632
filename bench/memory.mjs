// Memory of the browser's processes, read from /proc (Linux): the renderer of the page alone,
// and the whole browser (every process under the one puppeteer launched), sampled while a flow
// runs so that its peak is seen.
import {readdirSync, readFileSync} from 'node:fs';

const read = path => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended
  }
};

/** Every process under `root` (itself included). */
export function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The renderer processes under `root`. */
export const renderers = root => processTree(root).filter(pid => read(`/proc/${pid}/cmdline`).includes('--type=renderer'));

/** Proportional set size in bytes (shared pages split between their users), from smaps_rollup. */
export function pss(pid) {
  const m = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Resident set size in bytes. */
export function rss(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`));
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
