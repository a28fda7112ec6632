// A private X display for WebKitGTK's MiniBrowser, which has no headless mode. Xvfb picks a
// free display number itself (-displayfd), so runs started at the same time never share one.
import {spawn} from 'node:child_process';

/** Starts Xvfb; resolves with its DISPLAY (e.g. ':3') and a stop() that ends it. */
export function startXvfb(xvfb = 'Xvfb') {
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    process.off('exit', stop);
    if (child.exitCode === null) child.kill();
  };
  process.on('exit', stop); // never leave a display behind, whatever ends the run
  let stderr = '';
  child.stderr.on('data', d => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdio[3].on('data', d => {
      out += d;
      if (out.includes('\n')) resolve({display: `:${out.trim()}`, stop});
    });
    child.on('error', reject);
    child.on('exit', code => reject(new Error(`Xvfb exited (${code}) before it gave a display: ${stderr.trim()}`)));
  });
}
