// What a person does in each browser app, in real Chromium (one browser for every app, each app
// in a fresh incognito context): the album with a 12 MP JPEG `compressed`, a HEIC photo, the
// camera (Chromium's fake one), and my.previewImage. Every request and every page error is
// watched, the worker's too, so a file the app's build lost shows as a failure here.
import {writeFileSync} from 'node:fs';
import {wasmAsModules} from '../../scripts/libheif.mjs';

const LONG = 60_000; // a cold start, or a HEIC decode in WebAssembly, on a busy 2-core machine
/** Only decode.ts (the image jobs: in the worker, or in the main-thread fallback chunk) names it. */
const DECODER_MARK = 'desiredWidth';
/**
 * Only libheif's glue has it: in the built-in worker's source (a string in a chunk the page
 * imports), never in the main-thread fallback chunk, which imports the glue by URL.
 */
const GLUE_MARK = 'heif_context_alloc';
/** A stretch of libheif.wasm as modules (gzip, base64): in the first part only. */
const WASM_MODULE_MARK = wasmAsModules()['libheif-wasm-1.js'].slice(100, 160);

/** The HEIC the flows pick (the file chooser takes paths): 2400×1800 stored, shown 1800×2400. */
const HEIC = new URL('../fixtures/heic/rotated.heic', import.meta.url).pathname;

/** Makes a 4000×3000 (12 MP) JPEG in the browser, as a camera's photo would be, and writes it to `path`. */
export async function makePhoto(browser, path) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d');
    const sky = ctx.createLinearGradient(0, 0, 4000, 3000);
    sky.addColorStop(0, '#3a6fb0');
    sky.addColorStop(1, '#6b8f3e');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, 4000, 3000);
    for (let i = 0; i < 200; i++) {
      ctx.fillStyle = `hsl(${(i * 37) % 360} 50% 50%)`;
      ctx.fillRect((i * 997) % 4000, (i * 613) % 3000, 150, 100);
    }
    const bytes = new Uint8Array(await (await canvas.convertToBlob({type: 'image/jpeg', quality: 0.9})).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  writeFileSync(path, Buffer.from(base64, 'base64'));
  await context.close();
}

/** Watches a page's requests (its workers' included), page errors and console errors. */
function watch(page) {
  const problems = [];
  const scripts = []; // {url, fromPage, body: Promise<string>}
  const workers = [];
  const wasm = [];
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('console', m => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('requestfailed', r => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('workercreated', w => workers.push(w.url()));
  page.on('response', r => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    else if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url());
    const request = r.request();
    if (request.resourceType() === 'script' && r.status() < 400) {
      scripts.push({url: r.url(), fromPage: !!request.frame(), body: r.text().catch(() => '')});
    }
  });
  return {problems, scripts, workers, wasm};
}

/**
 * The scripts the page itself loaded, with their bodies; not the workers' own scripts. Puppeteer
 * may report a worker's script twice, and the body of one of the two may never arrive: a
 * fresh-clone run waited 17 minutes on it, with no timer left anywhere. So those bodies are
 * never waited for, and any other that does not arrive fails the flow, named, instead of hanging it.
 */
async function* pageScripts(seen) {
  const workers = new Set(seen.workers);
  for (const s of seen.scripts) {
    if (!s.fromPage || workers.has(s.url)) continue;
    yield {url: s.url, body: await withTimeout(s.body, LONG, `the body of ${s.url} did not arrive`)};
  }
}

/**
 * Starts app.chooseImage(options) in the page; resolves with what it settled with (or, if the
 * page went away first, with why).
 */
function startChooseImage(page, options) {
  const settled = page.evaluate(
    opts =>
      window.app.chooseImage(opts).then(
        r => ({files: r.tempFiles.map(f => ({path: f.path, type: f.type, width: f.width, height: f.height, size: f.size}))}),
        e => ({error: e.error, errorMessage: e.errorMessage})
      ),
    options
  );
  return settled.catch(e => ({lost: String(e)}));
}

/**
 * The sheet's part `name`, once one is shown and enabled; failing that, says how the call had
 * settled and what the sheets showed. (Polled: puppeteer's waitForSelector watches the
 * document's mutations only, and a view changing inside the sheet's shadow root is none.)
 */
async function sheetPart(page, name, pending) {
  try {
    return await page.waitForFunction(
      part => {
        for (const sheet of document.querySelectorAll('choose-image-sheet')) {
          const el = sheet.shadowRoot?.querySelector(`[part~="${part}"]`);
          if (el?.checkVisibility() && !el.disabled) return el;
        }
        return null;
      },
      {timeout: LONG, polling: 100},
      name
    );
  } catch (e) {
    const outcome = await Promise.race([pending, new Promise(r => setTimeout(() => r('still open'), 100))]);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('choose-image-sheet')].map(s => [...s.shadowRoot.querySelectorAll('[part]')].filter(p => p.checkVisibility()).map(p => `${p.getAttribute('part')}${p.disabled ? ' (disabled)' : ''}`))
    );
    throw new Error(`${e.message}; the call: ${JSON.stringify(outcome)}; the sheets show ${JSON.stringify(shown)}`);
  }
}

/** Taps the sheet's 从相册选择 and answers the file chooser it opens with `paths`. */
async function pickFromAlbum(page, paths, pending) {
  const album = await sheetPart(page, 'action-album', pending);
  const [chooser] = await Promise.all([page.waitForFileChooser({timeout: LONG}), album.click()]);
  await chooser.accept(paths);
}

/**
 * The flows, each a check of its own, for the app at `url`. `check(name, fn)` records a pass or
 * a failure; `serverRendered` also reads what the page's server said. `builtInWorker`: the app's
 * bundler emits no file named by `new URL` (esbuild, Rollup), so the page's one request for the
 * worker file is a 404 and the kit's built-in worker (a blob:) and libheif.wasm as modules must do
 * the work; elsewhere neither may be fetched.
 */
export async function browserFlows(browser, {name, url, photo, check, serverRendered = false, builtInWorker = false}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const seen = watch(page);
  const load = async () => {
    await page.goto(url, {waitUntil: 'load', timeout: LONG});
    await page.waitForFunction(() => window.app?.chooseImage, {timeout: LONG});
  };
  // A flow that failed may leave a sheet open: the next one starts on the page loaded afresh.
  const flow = async (title, fn) => (await check(`${name} › ${title}`, fn)) || (await load().catch(() => {}));
  try {
    await flow('loads, the kit imported', async () => {
      await load();
      if (serverRendered) {
        const said = await page.$eval('#server-choose-image', el => JSON.parse(el.textContent));
        expectEqual(said, {error: 3, errorMessage: '未知错误: chooseImage needs a browser (document is not defined)'}, 'chooseImage() on the server');
        expectEqual(await page.$eval('#server-element', el => el.textContent), 'function true', 'the element class and its registration on the server');
        // The server's markup is the element itself, upgraded in the browser.
        const upgraded = await page.$eval('choose-image-sheet', el => typeof el.show === 'function' && el.count === 2 && el.sizeType.join());
        expectEqual(upgraded, 'compressed', 'the server-rendered <choose-image-sheet> upgraded with its attributes');
      }
    });

    await flow('album: a 12 MP JPEG, compressed by the image worker', async () => {
      const pending = startChooseImage(page, {count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album']});
      await pickFromAlbum(page, [photo], pending);
      const result = await withTimeout(pending, LONG, 'no result');
      expectEqual(result.files?.map(f => [f.type, f.width, f.height]), [['image/jpeg', 1920, 1440]], JSON.stringify(result));
      if (!seen.workers.length) throw new Error('no worker started: the main thread did the work');
      const onPage = [];
      let builtIn = false; // the built-in worker's source, imported by the page
      for await (const {url, body} of pageScripts(seen)) {
        if (!body.includes(DECODER_MARK)) continue;
        if (body.includes(GLUE_MARK)) builtIn = true;
        else onPage.push(url);
      }
      if (onPage.length) throw new Error(`the main-thread fallback was fetched: ${onPage.join(', ')}`);
      if (builtInWorker && !(builtIn && seen.workers.some(w => w.startsWith('blob:')))) throw new Error(`the built-in worker did not start: ${seen.workers.join(', ')}`);
      if (!builtInWorker && builtIn) throw new Error('the built-in worker was imported where the worker file should load');
    });

    await flow('album: a HEIC photo, decoded by libheif (WebAssembly)', async () => {
      const pending = startChooseImage(page, {count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album']});
      await pickFromAlbum(page, [HEIC], pending);
      const result = await withTimeout(pending, LONG, 'no result');
      // Stored 2400×1800 with irot 90°: shown 1800×2400, compressed to 1440×1920 as a JPEG.
      expectEqual(result.files?.map(f => [f.type, f.width, f.height]), [['image/jpeg', 1440, 1920]], JSON.stringify(result));
      let asModules = false;
      for await (const {body} of pageScripts(seen)) if (body.includes(WASM_MODULE_MARK)) asModules = true;
      if (builtInWorker && !asModules) throw new Error('libheif.wasm as modules was never imported');
      if (!builtInWorker && !seen.wasm.length) throw new Error('libheif.wasm was never fetched');
      if (!builtInWorker && asModules) throw new Error('libheif.wasm as modules was imported where libheif.wasm should load');
    });

    let cameraPhoto;
    await flow("camera: Chromium's fake camera, a photo taken and used", async () => {
      const pending = startChooseImage(page, {sizeType: ['compressed'], sourceType: ['camera']});
      await page.waitForFunction(
        () => [...document.querySelectorAll('choose-image-sheet')].some(sheet => {
          const video = sheet.shadowRoot?.querySelector('video');
          return video && video.readyState >= 2 && video.videoWidth > 0;
        }),
        {timeout: LONG, polling: 100}
      );
      await (await sheetPart(page, 'shutter', pending)).click();
      await (await sheetPart(page, 'confirm', pending)).click();
      const result = await withTimeout(pending, LONG, 'no result');
      expectEqual(result.files?.map(f => f.type), ['image/jpeg'], JSON.stringify(result));
      if (!(result.files[0].width > 0 && result.files[0].height > 0)) throw new Error(`no size: ${JSON.stringify(result)}`);
      cameraPhoto = result.files[0].path;
    });

    await flow('my.previewImage shows the photo, and closes', async () => {
      if (!cameraPhoto) throw new Error('no photo from the camera flow to preview');
      const settled = await page.evaluate(
        urls =>
          new Promise(resolve => {
            const calls = [];
            window.app.my
              .previewImage({urls, current: 0, success: () => calls.push('success'), complete: () => calls.push('complete')})
              .then(() => resolve(calls), e => resolve({error: e.error, errorMessage: e.errorMessage}));
          }),
        [cameraPhoto]
      );
      expectEqual(settled, ['success', 'complete'], 'previewImage callbacks');
      await page.waitForFunction(
        () => {
          const img = document.querySelector('choose-image-viewer')?.shadowRoot?.querySelector('img');
          return img?.complete && img.naturalWidth > 0;
        },
        {timeout: LONG}
      );
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('choose-image-viewer'), {timeout: LONG});
      await page.evaluate(() => window.app.revokeTempFiles());
    });

    await flow('no failed request, no page error, no module loaded twice', async () => {
      // One file under two addresses (`image-worker.js` and `image-worker.js?v=…` in Vite's dev
      // server) is two module instances: a module the kit imports from a file that imports it back.
      const byPath = new Map();
      for (const {url} of seen.scripts) {
        const {origin, pathname} = new URL(url);
        if (!url.startsWith('blob:')) byPath.set(origin + pathname, new Set([...(byPath.get(origin + pathname) ?? []), url]));
      }
      const twice = [...byPath.values()].filter(urls => urls.size > 1).map(urls => [...urls].join(' and '));
      // Where the bundler emitted no worker file, the kit's workers ask for it (a 404; the worker's
      // failure to load is how the kit knows), and nothing else fails.
      const expected = builtInWorker ? /^(HTTP 404: \S+\/image-worker\.js|failed: \S+\/image-worker\.js net::ERR_FAILED)$/ : /$^/;
      const problems = [...seen.problems.filter(p => !expected.test(p)), ...twice.map(t => `loaded twice: ${t}`)];
      if (problems.length) throw new Error(problems.join('\n'));
    });
  } finally {
    await context.close();
  }
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} after ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}
