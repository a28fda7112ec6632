// One driver per engine behind one interface, for scripts that drive a browser themselves (the
// bench): Chromium and Firefox through puppeteer (CDP, WebDriver BiDi), WebKit through
// WebKitWebDriver. The test rig (test/helpers/launchers.mjs) launches through
// @web/test-runner's own launchers, with the same flags, preferences and capabilities from
// these modules.
//
// Browser: {engine, pid, version(), newPage(url) → Page, contentProcesses() → pids, close()}
// Page:    {engine, browser, evaluate(fn, ...args), click({x, y}), openPicker({x, y}, input) →
//           {answer(paths)}, setViewport({width, height}), cdp() (Chromium only), close()}
import {launchChromium} from './chromium.mjs';
import {launchFirefox} from './firefox.mjs';
import {launchWebKit} from './webkit.mjs';

const launchers = {chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit};

/**
 * Launches `engine` ('chromium' | 'firefox' | 'webkit') with the camera group `camera`
 * (default 'granted': a fake camera, allowed) and pages of `viewport`.
 */
export function launch(engine, options = {}) {
  const launcher = launchers[engine];
  if (!launcher) throw new Error(`no driver for ${engine}`);
  return launcher(options);
}
