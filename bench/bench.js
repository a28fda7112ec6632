// In-page side of `npm run bench`. bench/run.mjs calls these through page.evaluate, one section
// at a time, and gets raw samples back (medians are computed on the Node side). Clicks come
// from run.mjs as real mouse input, so "arm*" functions set up a probe before the click and
// `probeResult()` collects it afterwards. The sheet is the bundled build from dist/, as users
// get it.
export * from './page/album.js';
export * from './page/camera.js';
export * from './page/compression.js';
export * from './page/heic.js';
export * from './page/open.js';
export * from './page/size.js';
export {albumInput, center, close, open, probeResult} from './page/sheet.js';
export {bareInput, bareInputElement, heapAfterGc, mainThreadMethod, markPick} from './page/util.js';
