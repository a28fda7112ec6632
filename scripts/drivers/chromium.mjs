// Chromium, driven by puppeteer over CDP: the flags each camera group launches with (the test
// rig's launchers and the bench both use these), and a Browser for scripts (see index.mjs).
import puppeteer from 'puppeteer-core';
import {baseChromeArgs} from '../chrome-path.mjs';
import {engines} from '../engines.mjs';
import {PuppeteerBrowser} from './puppeteer.mjs';

// Two fake cameras (a moving test pattern), so switching between them is tested for real.
const fakeCamera = '--use-fake-device-for-media-stream=device-count=2';
const autoGrant = '--use-fake-ui-for-media-stream';

/** Flags per camera group (see test/helpers/launchers.mjs for the groups). */
export const chromiumArgs = {
  // gc() and exact heap sizes for the leak test and the bench's memory rows.
  granted: [fakeCamera, autoGrant, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  // Prompts refused; the site is then blocked, as after a person's "Block".
  refused: [fakeCamera, '--deny-permission-prompts'],
  // Blocked before the call: the test sets the site's permission to denied (CDP) first.
  blocked: [fakeCamera, '--deny-permission-prompts'],
  // insecure.test → the test server over http: a real insecure context.
  // A laptop without a webcam: the fake audio inputs are listed, no camera among them.
  none: ['--use-fake-device-for-media-stream=device-count=0', autoGrant, '--host-resolver-rules=MAP insecure.test 127.0.0.1'],
};

/** puppeteer.launch() options for a camera group. */
export const chromiumLaunchOptions = camera => ({
  executablePath: engines.chromium.find(),
  headless: true,
  args: [...baseChromeArgs, ...chromiumArgs[camera]],
});

/** The content processes of a Chromium: its renderers. */
const renderers = cmdline => cmdline.includes('--type=renderer');

/** Launches Chromium for scripts: `{camera, viewport}`. */
export async function launchChromium({camera = 'granted', viewport} = {}) {
  const browser = await puppeteer.launch({...chromiumLaunchOptions(camera), defaultViewport: viewport, protocolTimeout: 900_000});
  return new PuppeteerBrowser('chromium', browser, {contentProcess: renderers});
}
