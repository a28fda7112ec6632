// WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver, webdriverio) on a
// private X display: the arguments each camera group launches with, the window sizing (the test
// rig's launchers and the bench both use these), and a Browser for scripts (see index.mjs).
import {remote} from 'webdriverio';
import {miniBrowserCapabilities, startWebKitDriver} from '../webkit-driver.mjs';
import {contentProcesses} from './processes.mjs';

/** W3C WebDriver's key for an element reference in a script's result. */
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

// Two mock cameras, auto-granted under --automation. No way to refuse or block the camera
// was found (no permission command, Permissions-Policy ignored): no refused/blocked groups.
/** MiniBrowser arguments per camera group; `port`: the test server's (a proxy for insecure.test). */
export const webkitArgs = {
  granted: () => ['--enable-mock-capture-devices=true'],
  // No mock devices: no camera. Plain-http requests go through the test server acting as a
  // proxy, so http://insecure.test reaches it as a real insecure context.
  none: port => [`--proxy=http://127.0.0.1:${port}`, '--ignore-host=localhost', '--ignore-host=127.0.0.1'],
};

/**
 * Sizes MiniBrowser's window so that its viewport is width×height (the toolbar takes some
 * height). Returns the viewport it got: the window is at least 447 px wide.
 */
export async function setWebKitViewport(driver, width, height) {
  const read = () => driver.execute(() => [innerWidth, innerHeight]);
  let viewport = await read();
  let [w, h] = [width, height];
  for (let i = 0; i < 4 && (viewport[0] !== width || viewport[1] !== height); i++) {
    const before = viewport;
    await driver.setWindowSize(w, h);
    viewport = await settledViewport(read, before);
    [w, h] = [w + width - viewport[0], h + height - viewport[1]];
  }
  return {width: viewport[0], height: viewport[1]};
}

/**
 * The viewport once the window has taken the size it was just given. GTK resizes it after the
 * driver has answered: read at once, a busy machine's viewport was still the old one, and the
 * correction made from it overshot (1280×838 for 1280×800). So: wait for it to leave `before`
 * (up to 2 s: the new size may give the same viewport), then until two reads agree.
 */
async function settledViewport(read, before) {
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  const pause = ms => new Promise(r => setTimeout(r, ms));
  let now = await read();
  for (const end = Date.now() + 2000; same(now, before) && Date.now() < end; now = await read()) await pause(50);
  for (let i = 0; i < 20; i++) {
    await pause(100);
    const again = await read();
    if (same(again, now)) break;
    now = again;
  }
  return now;
}

/** A real click at a viewport point, through WebDriver actions. */
export async function clickAt(driver, {x, y}) {
  await driver.performActions([
    {
      type: 'pointer',
      id: 'mouse',
      parameters: {pointerType: 'mouse'},
      actions: [
        {type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0},
        {type: 'pointerDown', button: 0},
        {type: 'pointerUp', button: 0},
      ],
    },
  ]);
  await driver.releaseActions();
}

/** The content processes of WebKitGTK: its web processes. */
const webProcesses = cmdline => cmdline.includes('WebKitWebProcess');

/** Launches MiniBrowser for scripts: `{camera, viewport}`. One window, so one page at a time. */
export async function launchWebKit({camera = 'granted', viewport} = {}) {
  const services = await startWebKitDriver();
  try {
    const driver = await remote({
      hostname: '127.0.0.1',
      port: services.port,
      logLevel: 'error',
      connectionRetryTimeout: 900_000,
      connectionRetryCount: 0,
      capabilities: miniBrowserCapabilities(services.miniBrowser, webkitArgs[camera]()),
    });
    // Scripts that wait for a flow (a gallery under load) take minutes, not WebDriver's 30 s.
    await driver.setTimeouts(0, 300_000, 900_000);
    return new WebKitBrowser(driver, services, viewport);
  } catch (e) {
    services.stop();
    throw e;
  }
}

class WebKitBrowser {
  engine = 'webkit';

  constructor(driver, services, viewport) {
    this.driver = driver;
    this.services = services;
    this.viewport = viewport;
    /** WebKitWebDriver's process: MiniBrowser and its web processes run under it. */
    this.pid = services.pid;
  }

  async version() {
    const caps = this.driver.capabilities;
    return `WebKitGTK ${caps.browserVersion ?? ''}`.trim();
  }

  /** The one window, at `url` (a fresh document; what the last page started is gone). */
  async newPage(url) {
    await this.driver.navigateTo('about:blank');
    if (this.viewport) this.viewportGot = await setWebKitViewport(this.driver, this.viewport.width, this.viewport.height);
    await this.driver.navigateTo(url);
    return new WebKitPage(this.driver, this);
  }

  contentProcesses() {
    return contentProcesses(this.pid, webProcesses);
  }

  async close() {
    await this.driver.deleteSession().catch(() => {});
    this.services.stop();
  }
}

class WebKitPage {
  engine = 'webkit';

  constructor(driver, browser) {
    this.driver = driver;
    this.browser = browser;
  }

  /** Runs `fn(...args)` in the page; resolves with its (awaited) result. */
  evaluate(fn, ...args) {
    // WebDriver runs a function body: call the function's source with the arguments given.
    return this.driver.execute(`return (${fn})(...arguments)`, ...args);
  }

  click(point) {
    return clickAt(this.driver, point);
  }

  /**
   * Clicks `point` for real, which opens a file picker from the input `input()` returns; WebKit's
   * automation dismisses the picker, and the files go to that input (element send-keys, paths
   * joined by "\n"), as the picker would give them.
   */
  async openPicker(point, input) {
    await this.click(point);
    const element = await this.evaluate(input);
    return {answer: paths => this.driver.elementSendKeys(element[ELEMENT], paths.join('\n'))};
  }

  async setViewport({width, height}) {
    return setWebKitViewport(this.driver, width, height);
  }

  cdp() {
    throw new Error('webkit has no CDP');
  }

  close() {
    return this.driver.navigateTo('about:blank');
  }
}
