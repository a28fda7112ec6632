// CPU time per thread of a browser's content processes, from /proc/<pid>/task/<tid>/schedstat
// (nanoseconds on a CPU, and waiting for one): what a flow cost in work, apart from how long the
// machine's other load made it wait. Threads are grouped by name ("main" for a process's own
// thread), e.g. Chromium's "DedicatedWorker", Firefox's "DOM Worker", WebKit's worker threads.
import {readdirSync} from 'node:fs';
import {readProc} from '../scripts/drivers/processes.mjs';

/** A process's CPU time in ms from /proc/<pid>/stat (utime + stime, clock ticks of 10 ms): threads that have ended count too. */
function processCpu(pid) {
  const stat = readProc(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Every thread of `pids`: {name, cpu, wait} in ns, by "pid/tid"; and each process's total in
 * `processes` (by pid, ms), which still counts a thread that ends before the next snapshot
 * (a worker the kit ends once its job is done).
 */
export function cpuSnapshot(pids) {
  const byThread = new Map();
  byThread.processes = new Map(pids.map(pid => [pid, processCpu(pid)]));
  for (const pid of pids) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // ended
    }
    for (const tid of tids) {
      const [cpu, wait] = readProc(`/proc/${pid}/task/${tid}/schedstat`).split(' ').map(Number);
      if (!(cpu >= 0)) continue;
      byThread.set(`${pid}/${tid}`, {name: Number(tid) === pid ? 'main' : readProc(`/proc/${pid}/task/${tid}/comm`).trim(), cpu, wait});
    }
  }
  return byThread;
}

/**
 * What the threads did between two snapshots, in ms per thread name (threads that started
 * meanwhile count from 0). What threads that ended meanwhile did is "ended threads": their
 * process's total less what its threads still alive did (to 10 ms).
 */
export function cpuSince(before, after) {
  const out = {};
  const live = new Map();
  for (const [key, t] of after) {
    const b = before.get(key) ?? {cpu: 0, wait: 0};
    const name = t.name.replace(/\s*#?\d+$/, ''); // "ImgDecoder #3" → "ImgDecoder"
    const o = (out[name] ??= {cpu: 0, wait: 0});
    o.cpu += (t.cpu - b.cpu) / 1e6;
    o.wait += (t.wait - b.wait) / 1e6;
    const pid = Number(key.split('/')[0]);
    live.set(pid, (live.get(pid) ?? 0) + (t.cpu - b.cpu) / 1e6);
  }
  for (const [pid, total] of after.processes) {
    const ended = total - (before.processes.get(pid) ?? total) - (live.get(pid) ?? 0);
    if (ended > 10) (out['ended threads'] ??= {cpu: 0, wait: 0}).cpu += ended;
  }
  for (const [name, o] of Object.entries(out)) if (o.cpu < 0.5 && o.wait < 0.5) delete out[name];
  return out;
}

const isWorker = name => /worker|ended threads/i.test(name);

/**
 * Medians over samples (each with a `cpu` from cpuSince) of CPU ms: main thread, workers (and
 * threads that ended meanwhile: workers the kit ended), other threads, all; and waiting.
 */
export function cpuSummary(samples) {
  const med = xs => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const parts = samples.filter(r => r.cpu).map(({cpu}) => {
    const sum = test => Object.entries(cpu).filter(([n]) => test(n)).reduce((s, [, t]) => s + t.cpu, 0);
    return {
      main: sum(n => n === 'main'),
      workers: sum(isWorker),
      other: sum(n => n !== 'main' && !isWorker(n)),
      all: sum(() => true),
      wait: Object.values(cpu).reduce((s, t) => s + t.wait, 0),
    };
  });
  if (!parts.length) return undefined;
  return Object.fromEntries(['main', 'workers', 'other', 'all', 'wait'].map(k => [k, med(parts.map(p => p[k]))]));
}
