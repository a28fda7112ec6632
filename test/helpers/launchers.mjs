// The browsers the tests run in: one launcher per engine and camera group, each launched once
// for its whole group. The groups differ only in the camera the browser has:
//   granted  a fake camera, permission granted (most tests)
//   refused  a fake camera whose permission prompt is refused
//   blocked  a fake camera blocked for the site before the call
//   none     no camera at all
// An engine that cannot express a group has no launcher for it (see README, Browsers).
import {chromeLauncher} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {baseChromeArgs} from '../../scripts/chrome-path.mjs';
import {engines} from '../../scripts/engines.mjs';
import {miniBrowserCapabilities, startWebKitDriver} from '../../scripts/webkit-driver.mjs';
import {firefoxDownloadPrefs} from './downloads.mjs';

/** Tags a launcher with what the reporter and the server commands need to know. */
const tag = (launcher, engine, camera, name) => Object.assign(launcher, {engine, camera, name});

// --- Chromium: command-line flags ---------------------------------------------------------

// Two fake cameras (a moving test pattern), so switching between them is tested for real.
const fakeCamera = '--use-fake-device-for-media-stream=device-count=2';
const autoGrant = '--use-fake-ui-for-media-stream';
const chromiumArgs = {
  // gc() and exact heap sizes for the leak test.
  granted: [fakeCamera, autoGrant, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  // Prompts refused; the site is then blocked, as after a person's "Block".
  refused: [fakeCamera, '--deny-permission-prompts'],
  // Blocked before the call: the test sets the site's permission to denied (CDP) first.
  blocked: [fakeCamera, '--deny-permission-prompts'],
  // insecure.test → the test server over http: a real insecure context.
  // A laptop without a webcam: the fake audio inputs are listed, no camera among them.
  none: ['--use-fake-device-for-media-stream=device-count=0', autoGrant, '--host-resolver-rules=MAP insecure.test 127.0.0.1'],
};

function chromium(camera) {
  const launcher = chromeLauncher({
    launchOptions: {executablePath: engines.chromium.find(), headless: true, args: [...baseChromeArgs, ...chromiumArgs[camera]]},
  });
  return tag(launcher, 'chromium', camera, 'Chromium');
}

// --- Firefox: preferences, over WebDriver BiDi (puppeteer-core; no geckodriver) ----------

// One fake camera (640×480, reports facingMode). BiDi cannot set the camera permission, so
// each group is a browser launched with the preferences that give its state.
const fakeStream = {'media.navigator.streams.fake': true};
const firefoxPrefs = {
  granted: {...fakeStream, 'media.navigator.permission.disabled': true},
  // The prompt is answered "no" (NotAllowedError); nothing is remembered, so it asks again.
  refused: {...fakeStream, 'media.getusermedia.camera.deny': true},
  // Blocked for every site: permissions.query says denied before any call.
  blocked: {...fakeStream, 'permissions.default.camera': 2},
  // No fake device: no camera. insecure.test resolves to this machine: an insecure context.
  none: {'media.navigator.permission.disabled': true, 'network.dns.localDomains': 'insecure.test'},
};

/**
 * A page whose setViewport() tolerates Firefox ESR 140's missing
 * `emulation.setScreenOrientationOverride`: puppeteer 24 sends it beside the viewport and fails the
 * whole call, though the viewport itself was set. Can go when Debian's Firefox ESR implements it
 * (153 does).
 */
async function firefoxPage({context}) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async viewport => {
    try {
      await setViewport(viewport);
    } catch (e) {
      if (!String(e?.message).includes('setScreenOrientationOverride')) throw e;
    }
  };
  return page;
}

function firefox(camera) {
  const launcher = chromeLauncher({
    createPage: firefoxPage,
    launchOptions: {
      browser: 'firefox',
      executablePath: engines.firefox.find(),
      headless: true,
      extraPrefsFirefox: {...firefoxPrefs[camera], ...firefoxDownloadPrefs},
    },
  });
  return tag(launcher, 'firefox', camera, 'Firefox');
}

// --- WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver, on a private X display -------

// Two mock cameras, auto-granted under --automation. No way to refuse or block the camera
// was found (no permission command, Permissions-Policy ignored): no refused/blocked groups.
const webkitArgs = {
  granted: () => ['--enable-mock-capture-devices=true'],
  // No mock devices: no camera. Plain-http requests go through the test server acting as a
  // proxy, so http://insecure.test reaches it as a real insecure context.
  none: port => [`--proxy=http://127.0.0.1:${port}`, '--ignore-host=localhost', '--ignore-host=127.0.0.1'],
};

/**
 * A WebdriverLauncher that starts its own Xvfb and WebKitWebDriver when first used, and a fresh
 * MiniBrowser for every test file: after test/camera-controller.test.ts, MiniBrowser stopped
 * answering on the next file (every file passes alone), and each later file then waited out the
 * finish timeout. A session starts in 1–4 s.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor(camera) {
    // A hung MiniBrowser fails a command in 30 s, not after three 2-minute retries.
    super({capabilities: {browserName: 'MiniBrowser'}, connectionRetryTimeout: 30_000, connectionRetryCount: 0});
    this.camera = camera;
    /** Each WebKitWebDriver started again because the last one had exited: {session, what, reason}, for the summary. */
    this.relaunches = [];
  }

  /**
   * None. The base launcher asks for the page's title every minute to keep a remote grid's
   * session alive (WebKitWebDriver ends none for idleness), and a title asked for while the
   * session was being deleted — a test file that ran just over a minute — killed
   * WebKitWebDriver (every later file then failed "Unable to connect"; reproduced alone: a
   * getTitle beside a deleteSession kills it every time).
   */
  setupHeartbeat() {}

  async stopSession(id) {
    try {
      return await super.stopSession(id);
    } finally {
      await this.closeBrowser();
    }
  }

  /** Ends this MiniBrowser; the next session starts another (the driver replaces a hung one). */
  async closeBrowser() {
    const {driver} = this;
    this.driver = undefined;
    this.driverManager = undefined;
    this.__managerPromise = undefined; // a start that failed would fail every later one
    await driver?.deleteSession().catch(() => {});
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async startSession(id, url) {
    const services = await this.services?.catch(() => undefined);
    if (this.services && !services?.alive()) {
      // Started again, and said so in the summary, rather than failing every file left.
      this.relaunches.push({session: id, what: 'WebKitWebDriver', reason: services ? 'it had exited' : 'it did not start'});
      services?.stop();
      this.services = undefined;
    }
    this.services ??= this.startServices();
    await this.services;
    try {
      return await super.startSession(id, url);
    } catch (e) {
      await this.closeBrowser();
      throw e;
    }
  }

  async startServices() {
    const services = await startWebKitDriver();
    Object.assign(this.options, {
      hostname: '127.0.0.1',
      port: services.port,
      capabilities: miniBrowserCapabilities(services.miniBrowser, webkitArgs[this.camera](this.config.port)),
    });
    return services;
  }

  async createDriverManager() {
    const manager = await super.createDriverManager();
    await setWebKitViewport(this.driver, 800, 600); // as the other engines' test pages
    return manager;
  }

  async stop() {
    await super.stop();
    (await this.services?.catch(() => undefined))?.stop();
    this.services = undefined;
  }
}

/**
 * Sizes MiniBrowser's window so that its viewport is width×height (the toolbar takes some
 * height). Returns the viewport it got: the window is at least 447 px wide.
 */
export async function setWebKitViewport(driver, width, height) {
  let [w, h] = [width, height];
  for (let i = 0; i < 3; i++) {
    await driver.setWindowSize(w, h);
    const [iw, ih] = await driver.execute(() => [innerWidth, innerHeight]);
    if (iw === width && ih === height) break;
    [w, h] = [w + width - iw, h + height - ih];
  }
  return driver.execute(() => ({width: innerWidth, height: innerHeight}));
}

function webkit(camera) {
  return tag(new WebKitLauncher(camera), 'webkit', camera, 'WebKit');
}

const make = {chromium, firefox, webkit};
const expressible = {
  chromium: ['granted', 'refused', 'blocked', 'none'],
  firefox: ['granted', 'refused', 'blocked', 'none'],
  webkit: ['granted', 'none'],
};

/** The launcher for an engine and camera group, or undefined where the engine cannot express it. */
export function launcher(engine, camera) {
  return expressible[engine].includes(camera) ? make[engine](camera) : undefined;
}
