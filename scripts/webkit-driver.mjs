// WebKitGTK's WebDriver server on a free port, on its own X display, with the environment
// MiniBrowser needs to read video frames back; and the capabilities that start MiniBrowser.
import {spawn} from 'node:child_process';
import {createServer} from 'node:net';
import {engines} from './engines.mjs';
import {stopOnExit} from './stop-on-exit.mjs';
import {startXvfb} from './xvfb.mjs';

/** A TCP port free on 127.0.0.1 now (for a server started next). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });

async function listening(port, child) {
  for (let waited = 0; waited < 10000; waited += 100) {
    if (child.exitCode !== null) return false;
    const up = await fetch(`http://127.0.0.1:${port}/status`).then(r => r.ok, () => false);
    if (up) return true;
    await new Promise(r => setTimeout(r, 100));
  }
  return false;
}

/**
 * Starts Xvfb and WebKitWebDriver (one session at a time each). Resolves with the port, the
 * driver's pid (MiniBrowser runs under it) and a stop() that ends both; MiniBrowser ends with its
 * display.
 */
export async function startWebKitDriver() {
  const found = engines.webkit.find();
  if (!found) throw new Error('WebKit needs WebKitWebDriver, MiniBrowser and Xvfb: apt-get install webkit2gtk-driver xvfb');
  const xvfb = await startXvfb(found.xvfb);
  const env = {
    ...process.env,
    DISPLAY: xvfb.display,
    // Without it, video frames drawn to a canvas come back transparent (every capture black),
    // and the mock camera's first frame takes 6–9 s instead of ~1.5 s.
    WEBKIT_DISABLE_COMPOSITING_MODE: '1',
  };
  // Another run may take the port between our probe and the driver's bind: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    // --replace-on-new-session: a new session ends one whose browser stopped answering.
    const child = spawn(found.driver, [`--port=${port}`, '--host=127.0.0.1', '--replace-on-new-session'], {env, stdio: 'ignore'});
    const stopDriver = () => {
      forget();
      if (child.exitCode === null) child.kill();
    };
    const forget = stopOnExit(stopDriver);
    if (await listening(port, child)) {
      return {
        port,
        pid: child.pid,
        miniBrowser: found.miniBrowser,
        /** False once WebKitWebDriver has exited (it crashes on some races; see launchers.mjs). */
        alive: () => child.exitCode === null && child.signalCode === null,
        stop() {
          stopDriver();
          xvfb.stop();
        },
      };
    }
    stopDriver();
  }
  xvfb.stop();
  throw new Error('WebKitWebDriver did not start');
}

/** webdriverio capabilities for MiniBrowser under automation, with `args` added. */
export function miniBrowserCapabilities(miniBrowser, args = []) {
  return {
    browserName: 'MiniBrowser',
    // WebKitWebDriver speaks classic WebDriver only; without this: "Failed to match capabilities".
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {binary: miniBrowser, args: ['--automation', ...args]},
  };
}
