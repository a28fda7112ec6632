// The browsers the tests run in: one launcher per engine and camera group, each launched once
// for its whole group. The groups differ only in the camera the browser has:
//   granted  a fake camera, permission granted (most tests)
//   refused  a fake camera whose permission prompt is refused
//   blocked  a fake camera blocked for the site before the call
//   none     no camera at all
// An engine that cannot express a group has no launcher for it (see README, Browsers).
// The flags, preferences and capabilities of each group are the engine drivers' (scripts/drivers),
// which the bench launches with too.
import {chromeLauncher} from '@web/test-runner-chrome';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {chromiumLaunchOptions} from '../../scripts/drivers/chromium.mjs';
import {firefoxLaunchOptions, tolerateMissingOrientation} from '../../scripts/drivers/firefox.mjs';
import {setWebKitViewport, webkitArgs} from '../../scripts/drivers/webkit.mjs';
import {deadlockWatch} from '../../scripts/webkit-deadlock.mjs';
import {miniBrowserCapabilities, startWebKitDriver} from '../../scripts/webkit-driver.mjs';
import {firefoxDownloadPrefs} from './downloads.mjs';
import {closeStrayTabs} from './stray-tabs.mjs';

export {setWebKitViewport};

/** Tags a launcher with what the reporter and the server commands need to know. */
const tag = (launcher, engine, camera, name) => Object.assign(launcher, {engine, camera, name});

// --- Chromium: command-line flags (scripts/drivers/chromium.mjs) --------------------------

function chromium(camera) {
  return tag(closeStrayTabs(chromeLauncher({launchOptions: chromiumLaunchOptions(camera)})), 'chromium', camera, 'Chromium');
}

// --- Firefox: preferences (scripts/drivers/firefox.mjs), over WebDriver BiDi ----------------

/** Firefox ESR 140's pages need a tolerant setViewport (see tolerateMissingOrientation). */
const firefoxPage = async ({context}) => tolerateMissingOrientation(await context.newPage());

function firefox(camera) {
  // Downloads (my.saveImage) land in a folder the tests read, without a dialog.
  const launcher = chromeLauncher({createPage: firefoxPage, launchOptions: firefoxLaunchOptions(camera, firefoxDownloadPrefs)});
  return tag(closeStrayTabs(launcher), 'firefox', camera, 'Firefox');
}

// --- WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver, on a private X display -------

/**
 * A WebdriverLauncher that starts its own Xvfb and WebKitWebDriver when first used, and a fresh
 * MiniBrowser for every test file: after test/camera-controller.test.ts, MiniBrowser stopped
 * answering on the next file (every file passes alone), and each later file then waited out the
 * finish timeout. A session starts in 1–4 s.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor(camera) {
    // Starting MiniBrowser took over 30 s on a loaded machine: 90 s for that (within the
    // runner's browserStartTimeout); commands get 30 s once it runs (createDriverManager).
    super({capabilities: {browserName: 'MiniBrowser'}, connectionRetryTimeout: 90_000, connectionRetryCount: 0});
    this.camera = camera;
    /** What had to be ended or started again, for the summary: {session, did, what, reason, when}. */
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
    clearInterval(this.watching);
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

  async startSession(id, url, again = false) {
    const services = await this.services?.catch(() => undefined);
    if (this.services && !services?.alive()) {
      // Started again, and said so in the summary, rather than failing every file left.
      this.relaunches.push({session: id, did: 'restarted', what: 'WebKitWebDriver', reason: services ? 'it had exited' : 'it did not start', when: 'before'});
      services?.stop();
      this.services = undefined;
    }
    this.services ??= this.startServices();
    await this.services;
    try {
      await super.startSession(id, url);
    } catch (e) {
      await this.closeBrowser();
      if (again) throw e;
      // Once, with a new driver and display, said in the summary: at load 18 a session took
      // over 90 s to start (the POST /session timed out) and the file failed unrun.
      this.relaunches.push({session: id, did: 'started again', what: 'WebKitWebDriver and MiniBrowser', reason: `the session did not start: ${String(e.message ?? e).split('\n')[0].slice(0, 120)}`, when: 'before'});
      // (stop() may have ended them already: the base launcher calls it when a start fails.)
      const running = this.services;
      this.services = undefined;
      (await running?.catch(() => undefined))?.stop();
      return this.startSession(id, url, true);
    }
    this.watch(id, (await this.services).pid);
  }

  /**
   * Ends MiniBrowser's web process once it has deadlocked (scripts/webkit-deadlock.mjs): the page
   * would never run again, and the runner would wait out its 6-minute limit. Ended, the page's
   * connection closes and the runner fails the file at once ("the browser disconnected"); the
   * next file gets a new MiniBrowser, and the summary says what was ended.
   */
  watch(id, driverPid) {
    const deadlocked = deadlockWatch(driverPid);
    this.watching = setInterval(() => {
      const pid = deadlocked();
      if (!pid) return;
      clearInterval(this.watching);
      const reason = 'deadlocked: its main thread in a lock with no CPU time for 30 s';
      this.relaunches.push({session: id, did: 'ended', what: "MiniBrowser's web process", reason, when: 'during'});
      process.kill(pid, 'SIGKILL');
    }, 5000);
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
    // A hung MiniBrowser fails a command in 30 s, not after three 2-minute retries.
    this.driver.options.connectionRetryTimeout = 30_000;
    await setWebKitViewport(this.driver, 800, 600); // as the other engines' test pages
    return manager;
  }

  /**
   * The base launcher also calls this, unawaited, when a session fails to start: it ends the
   * services it found, never ones a retry started meanwhile.
   */
  async stop() {
    const services = this.services;
    await super.stop();
    (await services?.catch(() => undefined))?.stop();
    if (this.services === services) this.services = undefined;
  }
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
