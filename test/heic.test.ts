// HEIC/HEIF photos picked from the album through the real file chooser. Chromium cannot decode
// HEIC itself, so this is the kit's own decoder (libheif as WebAssembly) at work: in the image
// worker, fetched only when a HEIC file is picked; and under a strict Content-Security-Policy.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {chooseImage, revokeTempFiles, type ChooseImageError, type ChooseImageResult, type ChooseImageSheet} from '../src/index.js';
import type * as Kit from '../src/index.js';
import {corners, corruptHeic, heicFile} from './helpers/heic.js';
import {engine, itExceptIn} from './helpers/engine.js';
import {asFile, chooseFiles, clickOn, makeImage, openedSheet, part, partReady, ownThumbOf, parts, writeFiles} from './helpers/index.js';

const items = (el: ChooseImageSheet) => parts<HTMLButtonElement>(el, 'gallery-item');
const thumbnailShown = (item: HTMLElement) => !!ownThumbOf(item);

/** The paths the test server is asked for from now on (the worker's requests included). */
async function watchRequests() {
  const mark = (await executeServerCommand('request-mark')) as number;
  return async () => (await executeServerCommand('requests-since', {mark})) as string[];
}
const heicRequests = (paths: string[]) => paths.filter(p => /libheif/.test(p));

/**
 * Why WebKit skips what depends on the server seeing every request: its driver cannot turn the
 * page's memory cache off, which answers a worker's modules (and a worker script, with the
 * policy of the page that fetched it first) without asking the server.
 */
const NO_CACHE_CONTROL = "the WebDriver session cannot turn the memory cache off, so the server does not see every request, nor give each page's worker that page's policy";

/** chooseImage for the album, count 2 (a grid of thumbnails), with `files` picked through the action sheet. */
async function pick(files: File[], options: Parameters<typeof chooseImage>[0] = {}) {
  const pending = chooseImage({sourceType: ['camera', 'album'], count: 2, ...options}).then(
    r => r,
    e => e as ChooseImageError
  );
  const sheet = await openedSheet();
  await chooseFiles(part(sheet, 'action-album')!, files);
  await partReady(sheet, 'gallery');
  await waitUntil(() => items(sheet).length === files.length, 'not every file reached the gallery');
  return {pending, sheet};
}

/** chooseImage for the album with count 1 and one size type: the pick alone returns it. */
async function pickOne(file: File, options: Parameters<typeof chooseImage>[0]) {
  const pending = chooseImage({sourceType: ['camera', 'album'], ...options});
  await chooseFiles(part(await openedSheet(), 'action-album')!, [file]);
  return (await pending) as ChooseImageResult;
}

describe('HEIC photos from the album', function () {
  this.timeout(40000); // a decode in WebAssembly on a busy 2-core machine
  // Every request reaches the server, where the tests look: earlier test files in this browser
  // have loaded the same modules (see request-log.mjs). WebKit's driver cannot do this.
  before(() => engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: false}));
  after(() => engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: true}));
  afterEach(() => {
    document.querySelectorAll('choose-image-sheet').forEach(el => el.remove());
    revokeTempFiles();
  });

  itExceptIn({webkit: NO_CACHE_CONTROL}, 'should fetch no HEIC decoder for a call that picks no HEIC', async () => {
    const requests = await watchRequests();
    const jpeg = asFile(await makeImage(2400, 1800, 'image/jpeg'), 'plain.jpg');
    const result = await pickOne(jpeg, {sizeType: ['compressed']});
    expect([result.tempFiles[0].type, result.tempFiles[0].width]).to.deep.equal(['image/jpeg', 1920]);
    const paths = await requests();
    expect(paths.some(p => p.includes('image-worker')), 'the worker did the work').to.equal(true);
    expect(heicRequests(paths)).to.deep.equal([]);
  });

  it('should show the thumbnail and return a compressed JPEG, upright and within maxSize', async () => {
    const requests = await watchRequests();
    const {pending, sheet} = await pick([await heicFile('rotated')], {sizeType: ['compressed']});
    // Fetched now that a HEIC is picked, by the worker: libheif's glue and its .wasm.
    await waitUntil(() => thumbnailShown(items(sheet)[0]), 'no thumbnail for the HEIC', {timeout: 20000});
    expect(items(sheet)[0].getAttribute('aria-pressed')).to.equal('true');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    const [out] = result.tempFiles;
    // Stored 2400×1800, irot 90° anticlockwise: shown 1800×2400, so 1440×1920 at maxSize 1920.
    expect([out.type, out.file.type, out.width, out.height]).to.deep.equal(['image/jpeg', 'image/jpeg', 1440, 1920]);
    expect(out.file.name).to.match(/^IMG_\d{8}_\d{6}_\d+\.jpg$/);
    expect(out.size).to.equal(out.file.size);
    const bitmap = await createImageBitmap(out.file);
    expect([bitmap.width, bitmap.height]).to.deep.equal([1440, 1920]);
    expect(await corners(bitmap)).to.deep.equal({topLeft: 'green', topRight: 'other', bottomLeft: 'red', bottomRight: 'other'});
    if (engine === 'webkit') return; // NO_CACHE_CONTROL: what was fetched cannot be seen
    // libheif's glue, imported by the worker from the URL the page sent: the decoder itself is
    // part of the worker. (Its fetch() of the .wasm is not counted: Firefox's HTTP cache answers
    // a worker's fetch even with the page's cache off.)
    const heic = heicRequests(await requests());
    expect(heic, heic.join()).to.include('/src/image/libheif.js');
  });

  it('should decode a HEIC whose type the system gave as application/octet-stream (its bytes say what it is)', async () => {
    const heic = await heicFile('rotated');
    // Picked from disk, the browser types the file by its name: .bin reads as application/octet-stream.
    const generic = new File([heic], 'IMG_0007.bin', {type: 'application/octet-stream', lastModified: heic.lastModified});
    const {pending, sheet} = await pick([generic], {sizeType: ['compressed']});
    await waitUntil(() => thumbnailShown(items(sheet)[0]), 'no thumbnail for the HEIC', {timeout: 20000});
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect([result.tempFiles[0].type, result.tempFiles[0].width, result.tempFiles[0].height]).to.deep.equal(['image/jpeg', 1440, 1920]);
  });

  it('should show a HEIC large under review (count 1), upright, and return it compressed', async () => {
    const pending = chooseImage({sourceType: ['camera', 'album']});
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, [await heicFile('rotated')]);
    await waitUntil(() => part(sheet, 'confirm') && part(sheet, 'retake'), 'the pick is not under review', {timeout: 5000});
    const review = () => part(sheet, 'gallery')!.querySelector('img');
    // A JPEG the size of the screen stands in for the HEIC bytes this browser cannot show.
    await waitUntil(() => review()?.complete && review()!.naturalWidth > 0, 'the HEIC under review does not show', {timeout: 20000});
    const shown = review()!;
    expect(shown.naturalHeight).to.be.greaterThan(shown.naturalWidth); // upright: taller than wide
    const bitmap = await createImageBitmap(await (await fetch(shown.src)).blob());
    expect(await corners(bitmap)).to.deep.equal({topLeft: 'green', topRight: 'other', bottomLeft: 'red', bottomRight: 'other'});
    await clickOn(part(sheet, 'confirm')!);
    const [out] = (await pending).tempFiles;
    expect([out.type, out.width, out.height]).to.deep.equal(['image/jpeg', 1440, 1920]);
  });

  it('should return a HEIC that already fits as a JPEG too, its mirror applied', async () => {
    const [out] = (await pickOne(await heicFile('mirrored'), {sizeType: ['compressed']})).tempFiles;
    expect([out.file.type, out.width, out.height]).to.deep.equal(['image/jpeg', 400, 300]);
    expect(await corners(out.file)).to.deep.equal({topLeft: 'green', topRight: 'red', bottomLeft: 'other', bottomRight: 'other'});
  });

  it('should return the original as a full-size JPEG, since this browser cannot show HEIC', async () => {
    const [out] = (await pickOne(await heicFile('rotated', 'IMG_0042.HEIC'), {sizeType: ['original']})).tempFiles;
    expect([out.file.name, out.type, out.width, out.height]).to.deep.equal(['IMG_0042.jpg', 'image/jpeg', 1800, 2400]);
    expect(await corners(out.file)).to.deep.equal({topLeft: 'green', topRight: 'other', bottomLeft: 'red', bottomRight: 'other'});
    // A <img> on the page shows it (the HEIC bytes it was made from it could not).
    const img = new Image();
    img.src = out.path;
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([1800, 2400]);
  });

  it('should mark a corrupt HEIC unusable with a reason and return only the good one', async () => {
    const good = await heicFile('mirrored');
    const {pending, sheet} = await pick([corruptHeic('broken.heic'), good], {sizeType: ['compressed']});
    await waitUntil(() => items(sheet)[0].getAttribute('aria-label')!.includes('无法读取'), 'the corrupt HEIC is not marked unusable', {timeout: 20000});
    expect(items(sheet)[0].getAttribute('aria-label')).to.equal('broken.heic，无法读取此图片');
    expect(items(sheet)[0].getAttribute('aria-pressed')).to.equal('false');
    await waitUntil(() => thumbnailShown(items(sheet)[1]), 'no thumbnail for the good HEIC', {timeout: 20000});
    expect(part(sheet, 'confirm')!.textContent!.trim()).to.equal('完成 (1/2)');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.type, f.width, f.height])).to.deep.equal([['image/jpeg', 400, 300]]);
  });
});

interface CspWindow extends Window {
  kit: typeof Kit;
  violations: string[];
  ready?: boolean;
}

// The README's strict policy is served to the page and to the worker it starts (see
// web-test-runner.config.mjs). HEIC needs WebAssembly: with the policy as it is, a HEIC is
// unusable (and nothing else changes); with `'wasm-unsafe-eval'` added, it decodes.
describe('HEIC under a strict Content-Security-Policy', function () {
  this.timeout(40000);
  let frame: HTMLIFrameElement | undefined;
  // Each page's worker fetched afresh, with that page's policy (see request-log.mjs).
  before(() => engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: false}));
  after(() => engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: true}));
  afterEach(() => frame?.remove());

  async function load(src: string): Promise<CspWindow> {
    const f = document.createElement('iframe');
    Object.assign(f.style, {position: 'fixed', inset: '0', width: '100vw', height: '100vh', border: '0'});
    f.src = src;
    document.body.append(f);
    frame = f;
    await waitUntil(() => (f.contentWindow as CspWindow | null)?.ready, `${src} did not load`, {timeout: 5000});
    return f.contentWindow as CspWindow;
  }

  async function pickIn(win: CspWindow, files: File[]) {
    const pending = win.kit.chooseImage({count: 2, sizeType: ['compressed'], sourceType: ['camera', 'album']}).then(
      r => r,
      e => e as ChooseImageError
    );
    const sheet = await openedSheet(win.document.body);
    await chooseFiles(part(sheet, 'action-album')!, files);
    await waitUntil(() => items(sheet).length === files.length, 'not every file reached the gallery', {timeout: 5000});
    return {pending, sheet};
  }

  itExceptIn({webkit: NO_CACHE_CONTROL}, "should decode HEIC with 'wasm-unsafe-eval' as the one addition, with no violation", async () => {
    const win = await load('/test/csp/page.html?wasm');
    const response = await fetch('/test/csp/page.html?wasm');
    expect(response.headers.get('content-security-policy')).to.contain("script-src 'self' 'wasm-unsafe-eval'");
    const {pending, sheet} = await pickIn(win, [await heicFile('rotated')]);
    await waitUntil(() => thumbnailShown(items(sheet)[0]), 'no thumbnail', {timeout: 20000});
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.type, f.width, f.height])).to.deep.equal([['image/jpeg', 1440, 1920]]);
    expect(win.violations).to.deep.equal([]);
    win.kit.revokeTempFiles();
  });

  itExceptIn({webkit: NO_CACHE_CONTROL}, 'should decode HEIC with the bundled build, its worker and libheif loaded from beside it', async () => {
    const requests = await watchRequests();
    const win = await load('/test/csp/bundled.html?wasm');
    const {pending, sheet} = await pickIn(win, [await heicFile('rotated')]);
    await waitUntil(() => thumbnailShown(items(sheet)[0]), 'no thumbnail', {timeout: 20000});
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.type, f.width, f.height])).to.deep.equal([['image/jpeg', 1440, 1920]]);
    expect(win.violations).to.deep.equal([]);
    const dist = (await requests()).filter(p => p.startsWith('/dist/'));
    // Firefox's HTTP cache answers a worker's fetch() of the .wasm even with the page's cache off
    // (an earlier test file fetched it): only its glue and the worker reach the server for sure.
    const expected = ['/dist/image-worker.js', '/dist/libheif.js', ...(engine === 'firefox' ? [] : ['/dist/libheif.wasm'])];
    for (const file of expected) expect(dist, dist.join(' ')).to.include(file);
    win.kit.revokeTempFiles();
  });

  itExceptIn({webkit: NO_CACHE_CONTROL}, 'should mark a HEIC unusable where the policy forbids WebAssembly, and keep the JPEG beside it', async () => {
    const win = await load('/test/csp/page.html');
    const jpeg = asFile(await makeImage(2400, 1600, 'image/jpeg'), 'fine.jpg');
    const {pending, sheet} = await pickIn(win, [await heicFile('rotated'), jpeg]);
    await waitUntil(() => items(sheet)[0].getAttribute('aria-label')!.includes('无法读取'), 'the HEIC is not marked unusable', {timeout: 20000});
    await waitUntil(() => thumbnailShown(items(sheet)[1]), 'no thumbnail for the JPEG', {timeout: 10000});
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.type, f.width, f.height])).to.deep.equal([['image/jpeg', 1920, 1280]]);
    // Nothing in the page itself broke the policy: the refused compile was the worker's.
    expect(win.violations).to.deep.equal([]);
    win.kit.revokeTempFiles();
  });
});
