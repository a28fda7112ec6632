// Sections E–G in the page: the album. Files reach the sheet (or a bare baseline page) through
// the real file picker, which run.mjs answers; "arm*" functions set up the probe before that.
// Every flow is timed from the pick: bench.markPick(), just before run.mjs sets the files.
import imageCompression from 'browser-image-compression';
import Compressor from 'compressorjs';
import {galleryMaker, hugeJpeg, photoJpeg} from '../images.js';
import {BIC_LOCAL, viaImg} from './compression.js';
import {center, confirmAtOnce, describeResult, open, part, state} from './sheet.js';
import {nextBarePick, pickedAt, removeBareInput, watchMainThread} from './util.js';

// --- test files, made here and written to disk by run.mjs ------------------------------------

let makeGalleryFile;

/** Uploads a blob to run.mjs's file store (POST /__bench/files/<name>); returns its path there. */
async function store(name, blob) {
  const response = await fetch(`/__bench/files/${encodeURIComponent(name)}`, {method: 'POST', body: blob});
  if (!response.ok) throw new Error(`store ${name}: ${response.status}`);
  return (await response.json()).path;
}

/**
 * The i-th distinct 4000x3000 JPEG with a 160×120 EXIF thumbnail (as a phone's photo has),
 * stored; made one at a time and not kept.
 */
export async function storeGalleryFile(i, name) {
  makeGalleryFile ??= galleryMaker(4000, 3000, 7, {exifThumbnail: true});
  return store(name, await makeGalleryFile(i + 1));
}

/** The 4032x3024 photo of sections A and F (q0.95, sensor noise), stored as `name`. */
export async function storePickFile(name) {
  return store(name, await photoJpeg(4032, 3024, 4032));
}

/** A huge JPEG (see images.js), stored as `name`. */
export async function storeHugeFile(name, options) {
  const blob = await hugeJpeg(options);
  return {path: await store(name, blob), bytes: blob.size};
}

// --- the sheet's album ---------------------------------------------------------------------

/**
 * Opens a call as a page opens it by default (camera and album: the action sheet, whatever the
 * page's user activation) with `options`; returns the centre of 从相册选择 for a real click.
 */
export async function openAlbum(options) {
  await open({sourceType: ['album', 'camera'], ...options});
  return center('action-album');
}

/** Every gallery item in the grid's visible area, and whether each has its thumbnail shown. */
function onScreen() {
  const grid = part('gallery');
  const items = [...state.sheet.shadowRoot.querySelectorAll('[part~="gallery-tile"]')];
  if (!grid || !items.length) return undefined;
  return {items, visible: visibleIn(grid, items)};
}

function visibleIn(grid, tiles) {
  const g = grid.getBoundingClientRect();
  const top = Math.max(g.top, 0), bottom = Math.min(g.bottom, innerHeight);
  return tiles.filter(el => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > top && r.top < bottom;
  });
}

/** A tile's thumbnail: a canvas drawn (the photo's own decode, or its EXIF thumbnail where the engine has ImageDecoder), or an <img> loaded (the EXIF thumbnail elsewhere, and in earlier builds). */
const shown = el => {
  const canvas = el.querySelector('canvas');
  if (canvas) return canvas.width > 0;
  const img = el.querySelector('img');
  return img?.complete && img.naturalWidth > 0;
};
/** Shown, and the photo's own decode (not its EXIF thumbnail, which the sheet shows until then). */
const sharp = el => shown(el) && !el.querySelector('.embedded');

/** The rectangle of the sheet's grid, so that the bare baseline lays out as many tiles in view. */
let gridRect;
/** How many tiles the sheet had in view, for the floor. */
let visibleCount;

/** Resolves the next time the sheet's shadow tree changes or an image in it loads. */
function sheetChanged() {
  const root = state.sheet.shadowRoot;
  return new Promise(resolve => {
    const done = () => {
      observer.disconnect();
      root.removeEventListener('load', done, true);
      resolve();
    };
    const observer = new MutationObserver(done);
    observer.observe(root, {subtree: true, childList: true, attributes: true});
    root.addEventListener('load', done, true); // an image's load does not bubble: seen on its way down
  });
}

/** Resolves with the time of the next `change` inside the sheet. */
const sheetChange = () =>
  new Promise(r => state.sheet.shadowRoot.addEventListener('change', () => r(performance.now()), {capture: true, once: true}));

/**
 * Before the files are set: pick → every tile in view has a thumbnail (first screen: its EXIF
 * one or its own decode), and → every tile in view has its own decode (first screen sharp); or
 * every tile (`all`). Main-thread stalls meanwhile.
 */
export function armGallery({all = false} = {}) {
  const stop = watchMainThread({frames: false});
  const changed = sheetChange();
  state.probe = (async () => {
    const tChange = await changed;
    const t0 = pickedAt();
    // Looked at each time the sheet changes or one of its images loads, never on a timer or each
    // frame (a probe asking for frames makes the page draw ones it would not have, work the bare
    // page's probe does not cause). Which tiles are in view is read once, when the grid first lays
    // out (it does not scroll): reading rectangles forces a layout.
    let screen, tiles, tShown;
    let timedOut = false;
    const limit = setTimeout(() => (timedOut = true), 300_000);
    for (;;) {
      screen ??= onScreen();
      tiles ??= screen && (all ? screen.items : screen.visible);
      if (tiles && tShown === undefined && tiles.every(shown)) {
        tShown = performance.now();
        performance.mark('bench:any');
      }
      if (tiles && tiles.every(sharp)) break;
      if (timedOut) throw new Error('gallery: no thumbnails after 300 s');
      await Promise.race([sheetChanged(), new Promise(r => setTimeout(r, 1000))]);
    }
    clearTimeout(limit);
    const tSharp = performance.now();
    performance.mark('bench:sharp');
    if (tiles.some(el => !el.isConnected)) throw new Error('gallery: a tile was replaced while the probe watched it');
    gridRect = part('gallery').getBoundingClientRect().toJSON();
    visibleCount = screen.visible.length;
    const main = stop();
    main.stalls = main.stalls.map(([start, ms]) => [Math.round(start - t0), ms]); // from the pick
    return {ms: tShown - t0, sharpMs: tSharp - t0, toChange: tChange - t0, items: screen.items.length, visible: screen.visible.length, ...main};
  })();
}

/** Before the files are set: pick → the result, with 完成 clicked the moment it is enabled. */
export function armPick() {
  const changed = sheetChange();
  state.probe = (async () => {
    const tChange = await changed;
    const t0 = pickedAt();
    const {outcome, at, clicked} = await confirmAtOnce();
    performance.mark('bench:picked');
    state.sheet = state.call = undefined;
    return {ms: at - t0, toChange: tChange - t0, clicked, ...describeResult(outcome)};
  })();
}

// --- bare baselines (on bench.bareInput(), which run.mjs clicks and answers) -----------------

const MAX = 1920;
const bic = {maxWidthOrHeight: MAX, initialQuality: 0.8, fileType: 'image/jpeg', maxSizeMB: 1e6, useWebWorker: true, libURL: BIC_LOCAL};

/** What each bare compression page runs on the picked file. */
const barePicks = {
  compressorjs: file => new Promise((success, error) => new Compressor(file, {maxWidth: MAX, maxHeight: MAX, quality: 0.8, mimeType: 'image/jpeg', success, error})),
  // in its worker, with the library's script served here (its default is a CDN)
  'browser-image-compression': file => imageCompression(file, bic),
  img: file => viaImg(file, {decode: false}),
};

/** The bare compression page: `change` starts `kind` (see barePicks) on the picked file. */
export function armBarePick(kind) {
  const picked = nextBarePick();
  state.probe = (async () => {
    const {input, files, changed} = await picked;
    const t0 = pickedAt();
    const blob = await barePicks[kind](files[0]);
    const ms = performance.now() - t0;
    performance.mark(`bench:${kind}`);
    removeBareInput(input);
    return {ms, toChange: changed - t0, bytes: blob.size, type: blob.type};
  })();
}

/**
 * The bare gallery page: `change` lays out a grid of canvases in the sheet's grid rectangle
 * (same tile size) and fills each with createImageBitmap(file, {resizeWidth}) of its tile, four
 * in flight.
 */
export function armBareGallery({all = false} = {}) {
  const picked = nextBarePick();
  const stop = watchMainThread({frames: false});
  state.probe = (async () => {
    const {input, files, changed} = await picked;
    const t0 = pickedAt();
    const grid = document.createElement('div');
    const r = gridRect ?? {left: 0, top: 56, width: innerWidth, height: innerHeight - 160};
    grid.className = 'bare-grid';
    Object.assign(grid.style, {left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px`});
    document.body.append(grid);
    const tiles = files.map(() => grid.appendChild(document.createElement('canvas')));
    const tilePx = Math.ceil(tiles[0].getBoundingClientRect().width * devicePixelRatio);
    const inView = visibleIn(grid, tiles);
    const wanted = all ? tiles : inView;
    const done = new Set();
    let shownAll;
    const allShown = new Promise(resolve => (shownAll = resolve));
    let next = 0;
    const worker = async () => {
      while (next < tiles.length) {
        const i = next++;
        const bitmap = await createImageBitmap(files[i], {resizeWidth: tilePx, resizeQuality: 'medium'});
        Object.assign(tiles[i], {width: bitmap.width, height: bitmap.height});
        tiles[i].getContext('2d').drawImage(bitmap, 0, 0);
        bitmap.close();
        done.add(tiles[i]);
        if (wanted.every(t => done.has(t))) shownAll(performance.now());
      }
    };
    const pool = Promise.all([0, 1, 2, 3].map(worker));
    const tShown = await allShown;
    performance.mark('bench:bare-shown');
    const main = stop();
    await pool;
    grid.remove();
    removeBareInput(input);
    return {ms: tShown - t0, toChange: changed - t0, items: tiles.length, visible: inView.length, ...main};
  })();
}

/** How the floor decodes here: WebCodecs ImageDecoder where the engine has it, else createImageBitmap. */
export const floorMethod = () => (typeof ImageDecoder === 'undefined' ? 'createImageBitmap' : 'ImageDecoder');

/**
 * The floor of a decode-based first screen: on `change`, the photos the sheet had in view are
 * decoded at 1/8 scale (floorMethod) in two workers (two cores), in order, and nothing else is
 * done (no drawing, encoding or DOM). Pick → the last of them decoded. The workers start before
 * the pick, as the sheet's do when its picker opens. `width`×`height`: the photos' size.
 */
export function armFloorGallery({width, height}) {
  const picked = nextBarePick();
  const method = floorMethod();
  const workers = [0, 1].map(() => new Worker(new URL('./floor-worker.js', import.meta.url), {type: 'module'}));
  state.probe = (async () => {
    const {input, files: all, changed} = await picked;
    const t0 = pickedAt();
    const files = all.slice(0, visibleCount ?? 32);
    let next = 0;
    await Promise.all(
      workers.map(async worker => {
        while (next < files.length) {
          const file = files[next++];
          const r = await new Promise(resolve => {
            worker.onmessage = e => resolve(e.data);
            worker.postMessage({file, width, height, method});
          });
          if (r.error) throw new Error(`floor: ${file.name}: ${r.error}`);
        }
      })
    );
    const ms = performance.now() - t0;
    performance.mark('bench:floor-done');
    workers.forEach(w => w.terminate());
    removeBareInput(input);
    return {ms, toChange: changed - t0, visible: files.length, method};
  })();
}
