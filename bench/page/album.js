// Sections E–G in the page: the album. Files reach the sheet (or a bare baseline page) through
// the real file chooser, which run.mjs answers; "arm*" functions set up the probe before that.
import Compressor from 'compressorjs';
import {galleryMaker, hugeJpeg, photoJpeg} from '../images.js';
import {viaImg} from './compression.js';
import {center, confirmAtOnce, describeResult, open, part, state} from './sheet.js';
import {changeOf, fileInput, frame, watchMainThread} from './util.js';

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

/** Opens the album-only sheet; says whether the page had user activation (then the picker opens at once). */
export async function openAlbum(options) {
  const activated = navigator.userActivation.isActive;
  await open({sourceType: ['album'], ...options});
  return {activated, album: await center('action-album')};
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

const shown = el => {
  const img = el.querySelector('img');
  return img?.complete && img.naturalWidth > 0;
};
/** Shown, and the photo's own decode (not its EXIF thumbnail, which the sheet shows until then). */
const sharp = el => shown(el) && !el.querySelector('img').classList.contains('embedded');

/** The rectangle of the sheet's grid, so that the bare baseline lays out as many tiles in view. */
let gridRect;
/** How many tiles the sheet had in view, for the floor. */
let visibleCount;

/**
 * Before accepting the chooser: `change` → every tile in view has a thumbnail (first screen:
 * its EXIF one or its own decode), and → every tile in view has its own decode (first screen
 * sharp); or every tile (`all`). Main-thread stalls meanwhile.
 */
export function armGallery({all = false} = {}) {
  const stop = watchMainThread();
  const changed = new Promise(r => state.sheet.shadowRoot.addEventListener('change', () => r(performance.now()), {capture: true, once: true}));
  state.probe = (async () => {
    const tChange = await changed;
    // Which tiles are in view is read once, when the grid first lays out (it does not scroll);
    // each frame after that only looks at their images: reading every tile's rectangle each
    // frame forced a layout per frame, a cost of the probe that the bare page's probe does not have.
    let screen, tiles, tShown;
    for (;;) {
      screen ??= onScreen();
      tiles ??= screen && (all ? screen.items : screen.visible);
      if (tiles && tShown === undefined && tiles.every(shown)) tShown = performance.now();
      if (tiles && tiles.every(sharp)) break;
      if (performance.now() - tChange > 300_000) throw new Error('gallery: no thumbnails after 300 s');
      await frame();
    }
    const tSharp = performance.now();
    if (tiles.some(el => !el.isConnected)) throw new Error('gallery: a tile was replaced while the probe watched it');
    gridRect = part('gallery').getBoundingClientRect().toJSON();
    visibleCount = screen.visible.length;
    return {tChange, tShown, ms: tShown - tChange, sharpMs: tSharp - tChange, items: screen.items.length, visible: screen.visible.length, ...stop()};
  })();
}

/** Before accepting the chooser: `change` → the result, with 完成 clicked the moment it is enabled. */
export function armPick() {
  const changed = new Promise(r => state.sheet.shadowRoot.addEventListener('change', () => r(performance.now()), {capture: true, once: true}));
  state.probe = (async () => {
    const tChange = await changed;
    const {outcome, at, clicked} = await confirmAtOnce();
    state.sheet = state.call = undefined;
    return {ms: at - tChange, clicked, ...describeResult(outcome)};
  })();
}

// --- bare baselines ------------------------------------------------------------------------

/**
 * The bare compression page: an <input type=file> whose `change` starts `kind` (compressorjs,
 * or <img> + canvas) on the picked file. Returns the input's centre for a real click.
 */
export function armBarePick(kind) {
  const {input, center} = fileInput();
  state.probe = (async () => {
    const t0 = await changeOf(input);
    const file = input.files[0];
    const blob =
      kind === 'compressorjs'
        ? await new Promise((success, error) => new Compressor(file, {maxWidth: 1920, maxHeight: 1920, quality: 0.8, mimeType: 'image/jpeg', success, error}))
        : await viaImg(file, {decode: false});
    const ms = performance.now() - t0;
    input.remove();
    return {ms, bytes: blob.size, type: blob.type};
  })();
  return center;
}

/**
 * The bare gallery page: an <input type=file multiple> whose `change` lays out a grid of
 * canvases in the sheet's grid rectangle (same tile size) and fills each with
 * createImageBitmap(file, {resizeWidth}) of its tile, four in flight. Returns the input's centre.
 */
export function armBareGallery({all = false} = {}) {
  const {input, center} = fileInput({multiple: true});
  const stop = watchMainThread();
  state.probe = (async () => {
    const tChange = await changeOf(input);
    const grid = document.createElement('div');
    const r = gridRect ?? {left: 0, top: 56, width: innerWidth, height: innerHeight - 160};
    grid.className = 'bare-grid';
    Object.assign(grid.style, {left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px`});
    document.body.append(grid);
    const tiles = [...input.files].map(() => grid.appendChild(document.createElement('canvas')));
    const tilePx = Math.ceil(tiles[0].getBoundingClientRect().width * devicePixelRatio);
    const done = new Set();
    let next = 0;
    const worker = async () => {
      while (next < tiles.length) {
        const i = next++;
        const bitmap = await createImageBitmap(input.files[i], {resizeWidth: tilePx, resizeQuality: 'medium'});
        Object.assign(tiles[i], {width: bitmap.width, height: bitmap.height});
        tiles[i].getContext('2d').drawImage(bitmap, 0, 0);
        bitmap.close();
        done.add(tiles[i]);
      }
    };
    const pool = Promise.all([0, 1, 2, 3].map(worker));
    const inView = visibleIn(grid, tiles);
    const wanted = all ? tiles : inView;
    while (!wanted.every(t => done.has(t))) await frame();
    const tShown = performance.now();
    const main = stop();
    await pool;
    grid.remove();
    input.remove();
    return {ms: tShown - tChange, items: tiles.length, visible: inView.length, ...main};
  })();
  return center;
}

/**
 * The floor of a decode-based first screen: on `change`, the photos the sheet had in view are
 * decoded at 1/8 scale (ImageDecoder) in two workers (two cores), in order, and nothing else is
 * done (no drawing, encoding or DOM). `change` → the last of them decoded. The workers start
 * before `change`, as the sheet's do when it opens. Returns the input's centre. `width`×`height`:
 * the photos' size.
 */
export function armFloorGallery({width, height}) {
  const {input, center} = fileInput({multiple: true});
  const workers = [0, 1].map(() => new Worker(new URL('./floor-worker.js', import.meta.url), {type: 'module'}));
  state.probe = (async () => {
    const tChange = await changeOf(input);
    const files = [...input.files].slice(0, visibleCount ?? 32);
    let next = 0;
    await Promise.all(
      workers.map(async worker => {
        while (next < files.length) {
          const file = files[next++];
          const r = await new Promise(resolve => {
            worker.onmessage = e => resolve(e.data);
            worker.postMessage({file, width, height});
          });
          if (r.error) throw new Error(`floor: ${file.name}: ${r.error}`);
        }
      })
    );
    const ms = performance.now() - tChange;
    workers.forEach(w => w.terminate());
    input.remove();
    return {ms, visible: files.length};
  })();
  return center;
}
