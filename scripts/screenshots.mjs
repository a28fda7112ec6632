// `npm run screenshots`: renders every state of the sheet in headless Chromium (fake camera, real
// files through the real file chooser) at four sizes, light and dark, zh-CN and en, into
// docs/screens/*.png for the README, and the main ones in WebKitGTK's MiniBrowser (mock camera)
// into docs/webkit-*.png.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
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

// Every state of issue 15 at a phone (390×844, upright and sideways), a small phone and a window,
// light and dark, Chinese and English; an iPhone's safe-area insets on the phones.
const SIZES = [
  {name: 'phone', width: 390, height: 844, insets: {top: 47, right: 0, bottom: 34, left: 0}},
  {name: 'small', width: 320, height: 568, insets: {top: 20, right: 0, bottom: 0, left: 0}},
  {name: 'landscape', width: 844, height: 390, insets: {top: 0, right: 47, bottom: 21, left: 47}},
  {name: 'desktop', width: 1280, height: 800, insets: {top: 0, right: 0, bottom: 0, left: 0}},
];
const SCHEMES = ['light', 'dark'];
const LOCALES = ['zh-CN', 'en'];

async function page({width, height, insets}, scheme, locale, target = browser) {
  const p = await target.newPage();
  await p.setViewport({width, height, deviceScaleFactor: 1});
  await p.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
  const cdp = await p.createCDPSession();
  await cdp.send('Emulation.setSafeAreaInsetsOverride', {insets});
  await p.goto(demoUrl);
  await p.evaluate(l => (document.documentElement.lang = l), locale);
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
      ctx.fillStyle = i === 2 ? '#fff' : 'rgba(255,255,255,0.7)'; // one white receipt-like photo
      if (i === 2) ctx.fillRect(0, 0, 600, 600);
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

mkdirSync('docs/screens', {recursive: true});
const shots = [];
async function shoot(p, size, scheme, locale, state) {
  await pause(400); // the slide-in has ended
  const path = `docs/screens/${size.name}-${state}-${scheme}-${locale}.png`;
  await p.screenshot({path});
  shots.push(path);
}
const open = (p, options) => p.evaluate(o => import('/src/index.js').then(m => void m.chooseImage(o).catch(() => {})), options);
const closeSheet = p => p.evaluate(() => document.querySelector('choose-image-sheet[open]')?.close());
const inSheet = (p, test, ...args) => p.waitForFunction(test, {timeout: 15000}, ...args);

let albumPhotos;
let onePhoto;
for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    for (const locale of LOCALES) {
      const p = await page(size, scheme, locale);
      albumPhotos ??= await photos(p, 7);
      onePhoto ??= albumPhotos.slice(0, 1);
      // The action sheet.
      await open(p, {count: 3});
      await p.waitForSelector(sheetPart('action-camera'));
      await shoot(p, size, scheme, locale, 'actions');
      // The live camera with two shots taken.
      await p.click(sheetPart('action-camera'));
      await inSheet(p, () => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelector('video')?.videoWidth > 0);
      for (let i = 1; i <= 2; i++) {
        await inSheet(p, () => !document.querySelector('choose-image-sheet[open]').shadowRoot.querySelector('[part~="shutter"]').disabled);
        await p.click(sheetPart('shutter'));
        await inSheet(p, n => document.querySelector('choose-image-sheet[open]').shadowRoot.querySelectorAll('.strip li').length === n, i);
      }
      await shoot(p, size, scheme, locale, 'camera');
      await closeSheet(p);
      // The gallery at its cap (3 of 7), then the full-screen preview.
      await open(p, {count: 3});
      await p.waitForSelector(sheetPart('action-album'));
      let [chooser] = await Promise.all([p.waitForFileChooser(), p.click(sheetPart('action-album'))]);
      await chooser.accept(albumPhotos);
      await inSheet(p, () => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelectorAll('[part~="gallery-tile"] img').length >= 7);
      await shoot(p, size, scheme, locale, 'gallery');
      await p.click(sheetPart('preview'));
      await inSheet(p, () => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelector('choose-image-viewer')?.shadowRoot.querySelector('dialog[open] img'));
      await shoot(p, size, scheme, locale, 'preview');
      await closeSheet(p);
      // count 1: the pick under review.
      await open(p, {});
      await p.waitForSelector(sheetPart('action-album'));
      [chooser] = await Promise.all([p.waitForFileChooser(), p.click(sheetPart('action-album'))]);
      await chooser.accept(onePhoto);
      await p.waitForSelector(sheetPart('retake'));
      await shoot(p, size, scheme, locale, 'review');
      await closeSheet(p);
      await p.close();
    }
  }
}

// No camera at all: a browser without a camera device.
const noCameraBrowser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: [...baseChromeArgs, '--use-fake-device-for-media-stream=device-count=0', '--use-fake-ui-for-media-stream'],
});
for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    for (const locale of LOCALES) {
      const p = await page(size, scheme, locale, noCameraBrowser);
      await open(p, {count: 3});
      await inSheet(p, () => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelector('.note'));
      await shoot(p, size, scheme, locale, 'no-camera-actions');
      await closeSheet(p);
      await open(p, {count: 3, sourceType: ['camera']});
      await inSheet(p, () => document.querySelector('choose-image-sheet[open]')?.shadowRoot.querySelector('.fallbacks'));
      await shoot(p, size, scheme, locale, 'no-camera');
      await p.close();
    }
  }
}
await noCameraBrowser.close();
console.log(`${shots.length} screenshots in docs/screens/`);

await browser.close();
await shootWebKit(demoUrl, albumPhotos);
await server.stop();
