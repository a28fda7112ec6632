// Firefox, driven by puppeteer over WebDriver BiDi (stock Firefox speaks it; no geckodriver):
// the preferences each camera group launches with, the page workaround ESR 140 needs (the test
// rig's launchers and the bench both use these), and a Browser for scripts (see index.mjs).
import puppeteer from 'puppeteer-core';
import {engines} from '../engines.mjs';
import {PuppeteerBrowser} from './puppeteer.mjs';

// One fake camera (640×480, reports facingMode). BiDi cannot set the camera permission, so
// each group is a browser launched with the preferences that give its state.
const fakeStream = {'media.navigator.streams.fake': true};

/** Preferences per camera group (see test/helpers/launchers.mjs for the groups). */
export const firefoxPrefs = {
  granted: {...fakeStream, 'media.navigator.permission.disabled': true},
  // The prompt is answered "no" (NotAllowedError); nothing is remembered, so it asks again.
  refused: {...fakeStream, 'media.getusermedia.camera.deny': true},
  // Blocked for every site: permissions.query says denied before any call.
  blocked: {...fakeStream, 'permissions.default.camera': 2},
  // No fake device: no camera. insecure.test resolves to this machine: an insecure context.
  none: {'media.navigator.permission.disabled': true, 'network.dns.localDomains': 'insecure.test'},
};

/** puppeteer.launch() options for a camera group, with `morePrefs` beside its preferences. */
export const firefoxLaunchOptions = (camera, morePrefs = {}) => ({
  browser: 'firefox',
  executablePath: engines.firefox.find(),
  headless: true,
  extraPrefsFirefox: {...firefoxPrefs[camera], ...morePrefs},
});

/**
 * Makes `page.setViewport()` tolerate Firefox ESR 140's missing
 * `emulation.setScreenOrientationOverride`: puppeteer 24 sends it beside the viewport and fails the
 * whole call, though the viewport itself was set. Can go when Debian's Firefox ESR implements it
 * (153 does). Returns the page.
 */
export function tolerateMissingOrientation(page) {
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

/** The content processes of a Firefox: its web-content ("tab") processes. */
const tabs = cmdline => cmdline.includes('-contentproc') && / tab$/.test(cmdline.trim());

/** Launches Firefox for scripts: `{camera, viewport}`. */
export async function launchFirefox({camera = 'granted', viewport} = {}) {
  const browser = await puppeteer.launch({...firefoxLaunchOptions(camera), protocolTimeout: 900_000});
  return new PuppeteerBrowser('firefox', browser, {contentProcess: tabs, preparePage: tolerateMissingOrientation, viewport});
}
