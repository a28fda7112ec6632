// A browser's processes, read from /proc (Linux): the tree under its own process, and which of
// them run pages. Each engine's driver says how to tell its content processes by command line.
import {readdirSync, readFileSync} from 'node:fs';

/** A /proc file's text, or '' once the process has ended. */
export const readProc = path => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Every process under `root` (itself included). */
export function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
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

/** The processes under `root` whose command line (arguments joined by spaces) passes `test`. */
export const contentProcesses = (root, test) =>
  processTree(root).filter(pid => test(readProc(`/proc/${pid}/cmdline`).split('\0').join(' ')));
