// Stops the helper processes a run started (Xvfb, WebKitWebDriver) however the run ends: normal
// exit, an error, or a signal (Ctrl-C, a CI timeout's SIGTERM). Node skips 'exit' handlers on a
// signal it has no listener for, which left displays and drivers running.
const stops = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function stopAll() {
  for (const stop of stops) {
    try {
      stop();
    } catch {
      // the process is gone already
    }
  }
  stops.clear();
}

function onSignal(signal) {
  stopAll();
  for (const s of SIGNALS) process.off(s, onSignal);
  // With our listener gone, the signal does what it would have done without us (unless the
  // runner listens too, and then it ends the run itself).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let listening = false;

/** Runs `stop` when the process ends, whichever way; returns a function that forgets it. */
export function stopOnExit(stop) {
  if (!listening) {
    listening = true;
    process.on('exit', stopAll);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  stops.add(stop);
  return () => stops.delete(stop);
}
