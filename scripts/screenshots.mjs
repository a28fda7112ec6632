// `npm run screenshots`: renders the sheet's views in headless Chromium (fake camera, real
// files through the real file chooser) into docs/*.png for the README, and the main ones in
// WebKitGTK's MiniBrowser (mock camera) into docs/webkit-*.png.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {startDevServer} from '@web/dev-server';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {baseChromeArgs, findChrome} from './chrome-path.mjs';
import {shootWebKit} from './screenshots-webkit.mjs';
import {tsAsJs} from './ts-as-js.mjs';
import {freePort} from './webkit-driver.mjs';

// A free port: other people run servers on this machine too.
const port = await freePort();
const demoUrl = `http://localhost:${port}/demo/`;
const server = await startDevServer({
  config: {rootDir: '.', port, nodeResolve: true, plugins: [tsAsJs(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'})]},
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: [...baseChromeArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

const sheetPart = name => `pierce/[part~="${name}"]`;
const pause = ms => new Promise(r => setTimeout(r, ms));

async function page(colorScheme = 'light') {
  const p = await browser.newPage();
  await p.setViewport({width: 390, height: 760, deviceScaleFactor: 2});
  await p.emulateMediaFeatures([{name: 'prefers-color-scheme', value: colorScheme}]);
  await p.goto(demoUrl);
  await p.evaluate(() => (document.documentElement.lang = 'en'));
  return p;
}

/** Photo-like files written to disk, for the file chooser. */
async function photos(p, n) {
  const dir = mkdtempSync(join(tmpdir(), 'shots-'));
  const files = await p.evaluate(async n => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const c = new OffscreenCanvas(600, 600);
      const ctx = c.getContext('2d');
      const g = ctx.createLinearGradient(0, 0, 600, 600);
      g.addColorStop(0, `hsl(${i * 37}, 70%, 60%)`);
      g.addColorStop(1, `hsl(${i * 37 + 140}, 60%, 30%)`);
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 600, 600);
      ctx.fillStyle = 'rgba(255,255,255,0.7)';
      ctx.beginPath();
      ctx.arc(200 + i * 20, 300, 120, 0, Math.PI * 2);
      ctx.fill();
      const bytes = new Uint8Array(await (await c.convertToBlob({type: 'image/jpeg'})).arrayBuffer());
      let s = '';
      for (let j = 0; j < bytes.length; j += 0x8000) s += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
      out.push(btoa(s));
    }
    return out;
  }, n);
  return files.map((b64, i) => {
    const path = join(dir, `photo-${i + 1}.jpg`);
    writeFileSync(path, Buffer.from(b64, 'base64'));
    return path;
  });
}

async function shoot(p, name) {
  await pause(400); // the slide-in has ended
  await p.screenshot({path: `docs/${name}.png`});
  console.log(`docs/${name}.png`);
}

let albumPhotos;
for (const scheme of ['light', 'dark']) {
  const p = await page(scheme);
  const suffix = scheme === 'dark' ? '-dark' : '';
  await p.evaluate(() => import('/src/index.js').then(m => void m.chooseImage({count: 3}).catch(() => {})));
  await p.waitForSelector(sheetPart('action-camera'));
  await shoot(p, `action-sheet${suffix}`);
  if (scheme === 'light') {
    await p.click(sheetPart('action-camera'));
    await p.waitForFunction(() => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelector('video')?.videoWidth > 0);
    await p.click(sheetPart('shutter'));
    await pause(300);
    await shoot(p, 'camera');
    await p.click(sheetPart('close'));
    await p.evaluate(() => import('/src/index.js').then(m => void m.chooseImage({count: 3}).catch(() => {})));
    await p.waitForSelector(sheetPart('action-album'));
  }
  const [chooser] = await Promise.all([p.waitForFileChooser(), p.click(sheetPart('action-album'))]);
  albumPhotos ??= await photos(p, 7);
  await chooser.accept(albumPhotos);
  await p.waitForFunction(() => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelectorAll('[part~="gallery-item"] img').length >= 7);
  await p.evaluate(() => document.querySelector('choose-image-sheet[open]').shadowRoot.querySelectorAll('[part~="gallery-item"]')[4].click());
  await shoot(p, `gallery${suffix}`);
  await p.close();
}

await browser.close();
await shootWebKit(demoUrl, albumPhotos);
await server.stop();
