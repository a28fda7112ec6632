// The main states of the sheet in WebKitGTK's MiniBrowser (the Safari-family engine) for the
// README: action sheet, live camera (WebKit's mock camera) and gallery, into docs/webkit-*.png.
// MiniBrowser's window is at least 447 px wide, so these are 450 px wide.
import {writeFileSync} from 'node:fs';
import {remote} from 'webdriverio';
import {setWebKitViewport} from './drivers/webkit.mjs';
import {miniBrowserCapabilities, startWebKitDriver} from './webkit-driver.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const pause = ms => new Promise(r => setTimeout(r, ms));

/** Renders into docs/webkit-*.png from the demo at `demoUrl`; `photos` are image paths for the album. */
export async function shootWebKit(demoUrl, photos) {
  const services = await startWebKitDriver();
  const driver = await remote({
    hostname: '127.0.0.1',
    port: services.port,
    logLevel: 'error',
    capabilities: miniBrowserCapabilities(services.miniBrowser, ['--enable-mock-capture-devices=true']),
  });
  try {
    await setWebKitViewport(driver, 450, 760);
    await driver.navigateTo(demoUrl);
    const inSheet = selector =>
      driver.execute(s => document.querySelector('choose-image-sheet[open]')?.shadowRoot?.querySelector(s) ?? null, selector);
    const waitFor = async (what, test) => {
      for (let waited = 0; waited < 15000; waited += 100) {
        if (await driver.execute(test)) return;
        await pause(100);
      }
      throw new Error(`WebKit screenshots: ${what} did not happen`);
    };
    const click = async selector => driver.elementClick((await inSheet(selector))[ELEMENT]);
    const open = () =>
      driver.execute(() => {
        document.documentElement.lang = 'en';
        void import('/src/index.js').then(m => m.chooseImage({count: 3}).catch(() => {}));
      });
    const shoot = async name => {
      await pause(400); // the slide-in has ended
      writeFileSync(`docs/${name}.png`, Buffer.from(await driver.takeScreenshot(), 'base64'));
      console.log(`docs/${name}.png`);
    };

    await open();
    await waitFor('the action sheet', () => !!document.querySelector('choose-image-sheet[open]')?.shadowRoot?.querySelector('[part~="action-camera"]'));
    await shoot('webkit-action-sheet');

    await click('[part~="action-camera"]');
    await waitFor('the camera', () => document.querySelector('choose-image-sheet[open]')?.shadowRoot?.querySelector('video')?.videoWidth > 0);
    await pause(500);
    await shoot('webkit-camera');
    await click('[part~="close"]');

    await open();
    await waitFor('the action sheet', () => !!document.querySelector('choose-image-sheet[open]')?.shadowRoot?.querySelector('[part~="action-album"]'));
    await click('[part~="action-album"]'); // WebKit's automation dismisses the picker; the files go to its input
    await driver.elementSendKeys((await inSheet('input.album'))[ELEMENT], photos.join('\n'));
    await waitFor('the thumbnails', () => document.querySelector('choose-image-sheet[open]')?.shadowRoot?.querySelectorAll('[part~="gallery-tile"] img').length >= 7);
    await shoot('webkit-gallery');
  } finally {
    await driver.deleteSession().catch(() => {});
    services.stop();
  }
}
