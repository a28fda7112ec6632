// Every test file starts with its page in front. A tab a file leaves open stays in front of the
// test page for every file after it in that browser, and those files then run in a background
// page: no focus, requestAnimationFrame at 2 Hz, a 300 ms animation taking 4 s. (Firefox opened
// each WebP that save-image.test.ts downloaded in a tab of its own, and three previewImage tests
// failed two files later.) So before each file, and when the browser stops, any tab that is not
// the launcher's test page or the browser's own first tab is closed, and recorded in `strayTabs`
// on the launcher: the summary counts each as a failure of the file that left it.
// For the puppeteer launchers (Chromium, Firefox); WebKit gets a fresh MiniBrowser for each file.

/** Tabs of the browser that neither the browser opened itself nor the launcher opened for a file. */
async function strays(launcher, startupTabs) {
  const own = new Set([...launcher.activePages.values(), ...launcher.inactivePages].map(p => p.puppeteerPage));
  const tabs = await launcher.browser.pages();
  return tabs.filter(tab => !own.has(tab) && !startupTabs.has(tab));
}

/** Makes a @web/test-runner-chrome launcher close (and record) tabs a test file left open. */
export function closeStrayTabs(launcher) {
  launcher.strayTabs = [];
  /** browser → the tabs it had before the launcher opened any */
  const startup = new WeakMap();
  let last; // the session that ran last

  async function closeStrays(next) {
    const {browser} = launcher;
    if (!browser?.isConnected() || !startup.has(browser)) return;
    for (const tab of await strays(launcher, startup.get(browser))) {
      launcher.strayTabs.push({session: last, next, url: tab.url()});
      await tab.close().catch(() => {});
    }
  }

  const startSession = launcher.startSession.bind(launcher);
  launcher.startSession = async (id, url) => {
    const {browser} = await launcher.getOrStartBrowser();
    if (!startup.has(browser)) startup.set(browser, new Set(await browser.pages()));
    const before = launcher.strayTabs.length;
    await closeStrays(id);
    // The tab closed may have been the selected one; the page this file reuses goes in front.
    if (launcher.strayTabs.length > before) await launcher.inactivePages.at(-1)?.puppeteerPage.bringToFront();
    last = id;
    return startSession(id, url);
  };

  const stop = launcher.stop.bind(launcher);
  launcher.stop = async () => {
    await closeStrays(undefined).catch(() => {});
    return stop();
  };
  return launcher;
}
