// Tells a deadlocked WebKit web process from a busy or waiting one, from Linux's /proc. WebKitGTK's
// media code has deadlocked its web process (main thread and a GStreamer thread each waiting
// for the other; see README, Browsers): the page then never runs again, every WebDriver command
// times out, and the runner waited 6 minutes before failing the file. A page that waits for an
// event sleeps in poll, and one that runs spends CPU; a main thread that sits in a lock, with no
// CPU time at all, for `limit` ms is dead.
import {contentProcesses, readProc} from './drivers/processes.mjs';

/** The main thread's user + system CPU ticks, or undefined once the process has ended. */
function mainThreadCpu(pid) {
  const stat = readProc(`/proc/${pid}/task/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3, state
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * A watch over the web processes under `root` (WebKitWebDriver, which starts MiniBrowser): each
 * call of the function it returns looks once, and gives the pid of one whose main thread has
 * been in a lock with no CPU time for `limit` ms.
 */
export function deadlockWatch(root, limit = 30_000) {
  /** pid → its main thread's CPU ticks when first seen in a lock, and when */
  const blocked = new Map();
  return () => {
    const now = Date.now();
    for (const pid of contentProcesses(root, cmdline => cmdline.includes('WebKitWebProcess'))) {
      const cpu = mainThreadCpu(pid);
      if (cpu === undefined || !readProc(`/proc/${pid}/wchan`).startsWith('futex')) {
        blocked.delete(pid);
        continue;
      }
      const before = blocked.get(pid);
      if (!before || before.cpu !== cpu) blocked.set(pid, {cpu, since: now});
      else if (now - before.since >= limit) return pid;
    }
    return undefined;
  };
}
