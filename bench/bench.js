// In-page side of `npm run bench`. bench/run.mjs calls these through page.evaluate, one section
// at a time, and gets raw samples back (medians are computed on the Node side). Clicks come
// from run.mjs as real mouse input, so "arm*" functions set up a probe before the click and
// `probeResult()` collects it afterwards.
import imageCompression from 'browser-image-compression';
import Compressor from 'compressorjs';
import {chooseImage, revokeTempFiles} from '/src/index.js';
import {compress} from '/src/internal/compress.js';
import {compressLimited} from '/src/internal/worker-client.js';
import {galleryMaker, jpegSize, photoJpeg} from './images.js';

const MAX = 1920;
const QUALITY = 0.8;
// browser-image-compression's worker importScripts() its own UMD build: by default from a CDN.
const BIC_LOCAL = new URL('/node_modules/browser-image-compression/dist/browser-image-compression.js', location.href).href;

const frame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
const frames = async n => { for (let i = 0; i < n; i++) await frame(); };
const gc = () => window.gc?.();
const fit = (w, h) => {
  const s = Math.min(1, MAX / Math.max(w, h));
  return [Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))];
};

/** Longest long task and longest gap between frames, from now until the returned stop(). */
function watchMainThread() {
  let longestTask = 0, longTasks = 0, maxFrameGap = 0, last = performance.now(), on = true;
  const take = list => list.forEach(e => { longTasks++; longestTask = Math.max(longestTask, e.duration); });
  const observer = new PerformanceObserver(l => take(l.getEntries()));
  observer.observe({type: 'longtask'});
  const tick = () => {
    const now = performance.now();
    maxFrameGap = Math.max(maxFrameGap, now - last);
    last = now;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    take(observer.takeRecords());
    observer.disconnect();
    return {longestTask, longTasks, maxFrameGap: Math.max(maxFrameGap, performance.now() - last)};
  };
}

// --- A. compression -----------------------------------------------------------------------

async function drawn(source, width, height, smoothing) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (smoothing) ctx.imageSmoothingQuality = smoothing;
  ctx.drawImage(source, 0, 0, width, height);
  source.close();
  return canvas.convertToBlob({type: 'image/jpeg', quality: QUALITY});
}

/** Plain path 1: the decoder scales (target size from the JPEG header; inputs carry no EXIF). */
async function decodeScaled(blob, resizeQuality) {
  const {width, height} = await jpegSize(blob);
  const [w, h] = fit(width, height);
  const bitmap = await createImageBitmap(blob, {resizeWidth: w, resizeHeight: h, resizeQuality, imageOrientation: 'from-image'});
  return drawn(bitmap, w, h);
}

/** Plain path 2: full decode, then the canvas scales. */
async function decodeThenDraw(blob, smoothing) {
  const bitmap = await createImageBitmap(blob, {imageOrientation: 'from-image'});
  return drawn(bitmap, ...fit(bitmap.width, bitmap.height), smoothing);
}

/**
 * Plain path 3: the classic <img> + <canvas> (default smoothing quality, 'low'). With decode()
 * Chromium decodes in full; drawn from onload it decodes to scale (n/8, as compressorjs gets).
 */
async function viaImg(blob, {decode = true} = {}) {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    if (decode) await img.decode();
    else await new Promise((resolve, reject) => Object.assign(img, {onload: resolve, onerror: reject}));
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = fit(img.naturalWidth, img.naturalHeight);
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(b => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', QUALITY));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Plain path 4: WebCodecs ImageDecoder at the smallest n/8 scale that still reaches MAX, then drawn. */
async function imageDecoderScaled(blob) {
  const {width, height} = await jpegSize(blob);
  const n = Math.min(8, Math.ceil((8 * MAX) / Math.max(width, height)));
  const decoder = new ImageDecoder({data: blob.stream(), type: blob.type, desiredWidth: Math.ceil((width * n) / 8), desiredHeight: Math.ceil((height * n) / 8)});
  const {image} = await decoder.decode();
  decoder.close();
  return drawn(image, ...fit(width, height), 'high');
}

const bic = {maxWidthOrHeight: MAX, initialQuality: QUALITY, fileType: 'image/jpeg', maxSizeMB: 1e6};

/** Every contender: Blob in, JPEG Blob out. */
const contenders = {
  'ours, worker': async b => (await compressLimited(b, {maxSize: MAX, quality: QUALITY})).blob,
  'ours, main thread': async b => (await compress(b, {maxSize: MAX, quality: QUALITY})).blob,
  compressorjs: b => new Promise((success, error) =>
    new Compressor(b, {maxWidth: MAX, maxHeight: MAX, quality: QUALITY, mimeType: 'image/jpeg', success, error})),
  'b-i-c, main thread': b => imageCompression(b, {...bic, useWebWorker: false}),
  'b-i-c, worker (CDN libURL)': b => imageCompression(b, {...bic, useWebWorker: true}),
  'b-i-c, worker (local libURL)': b => imageCompression(b, {...bic, useWebWorker: true, libURL: BIC_LOCAL}),
  'plain: cIB resize high': b => decodeScaled(b, 'high'),
  'plain: cIB resize medium': b => decodeScaled(b, 'medium'),
  'plain: cIB resize low': b => decodeScaled(b, 'low'),
  'plain: cIB + draw high': b => decodeThenDraw(b, 'high'),
  'plain: cIB + draw low': b => decodeThenDraw(b, 'low'),
  'plain: <img> + canvas': viaImg,
  'plain: <img> onload + canvas': b => viaImg(b, {decode: false}),
  'plain: ImageDecoder n/8 + draw': imageDecoderScaled,
};

export const contenderNames = () => Object.keys(contenders);

/**
 * Whether browser-image-compression really ran in its worker. When the worker fails (e.g. its
 * importScripts() cannot reach the CDN) it posts an error back and the library silently
 * compresses on the main thread instead, so the worker's own messages are watched.
 */
export async function probeBicWorker(name) {
  const NativeWorker = window.Worker;
  const errors = [];
  let started = 0, results = 0;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      started++;
      this.addEventListener('error', e => errors.push(e.message || 'worker error event'));
      this.addEventListener('message', ({data}) => {
        if (data?.error) errors.push(String(data.error).split('\n')[0]);
        else if (data?.file) results++;
      });
    }
  };
  try {
    const input = await photoJpeg(640, 480, 3);
    const t0 = performance.now();
    await contenders[name](input);
    return {ok: results > 0 && errors.length === 0, started, results, errors, ms: performance.now() - t0};
  } finally {
    window.Worker = NativeWorker;
  }
}

/** Section A for one input size: warm-up round, then `runs` rounds, contenders interleaved. */
export async function compression({width, height, names, runs}) {
  const input = await photoJpeg(width, height, width);
  const results = Object.fromEntries(names.map(n => [n, {ms: [], longestTask: [], maxFrameGap: []}]));
  for (let round = -1; round < runs; round++) {
    for (const name of names) {
      gc();
      await frame();
      const stop = watchMainThread();
      const t0 = performance.now();
      const out = await contenders[name](input);
      const ms = performance.now() - t0;
      const main = stop();
      if (round < 0) continue; // warm-up: worker start, module and decoder caches
      const r = results[name];
      r.ms.push(ms);
      r.longestTask.push(main.longestTask);
      r.maxFrameGap.push(main.maxFrameGap);
      Object.assign(r, {bytes: out.size, type: out.type}, await jpegSize(out));
    }
  }
  return {input: {width, height, bytes: input.size}, results};
}

// --- the sheet ----------------------------------------------------------------------------

let sheet; // the <choose-image-sheet> of the open call
let call; // its outcome: {ok, value} or {ok, error}
let probe; // what an arm*() function is measuring

const part = name => sheet?.shadowRoot?.querySelector(`[part~="${name}"]`);

/** Resolves with pred()'s first truthy value, checked on every change in the sheet's shadow tree. */
function waitFor(pred, timeout = 20_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = pred();
      if (!value) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${pred}`));
    }, timeout);
    if (!check()) observer.observe(sheet.shadowRoot, {subtree: true, childList: true, attributes: true});
  });
}

const nextClick = () =>
  new Promise(resolve => addEventListener('click', () => resolve(performance.now()), {capture: true, once: true}));

const firstFrame = video => new Promise(resolve => video.requestVideoFrameCallback(() => resolve(performance.now())));

const settle = p => p.then(value => ({ok: true, value}), error => ({ok: false, error}));

/** Opens chooseImage(options) and waits until the sheet is open and its animation is over. */
export async function open(options) {
  call = settle(chooseImage(options));
  sheet = document.querySelector('choose-image-sheet');
  await waitFor(() => sheet.shadowRoot.querySelector('dialog[open]'));
  await Promise.all(sheet.shadowRoot.getAnimations().map(a => a.finished.catch(() => {})));
}

/** Viewport centre of an enabled, laid-out part, for page.mouse.click. */
export async function center(name) {
  const el = await waitFor(() => {
    const el = part(name);
    return el && !el.disabled && el.getBoundingClientRect().width > 0 && el;
  });
  await Promise.all(sheet.shadowRoot.getAnimations().map(a => a.finished.catch(() => {})));
  const r = el.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}

/** Cancels the open call (if any) and returns its error code. */
export async function close() {
  sheet?.close();
  const outcome = await call;
  sheet = call = undefined;
  return outcome.ok ? 'resolved' : outcome.error.error;
}

export const probeResult = () => probe;

// --- C. open latency ----------------------------------------------------------------------

/**
 * chooseImage() to the first frame painted with the dialog open, and to dialog[open] alone
 * (the synchronous work). `floor`: the same two rAFs with nothing opened, the method's minimum.
 */
export async function openLatency(runs) {
  const ms = [], toOpen = [], floor = [];
  for (let i = -1; i < runs; i++) {
    await frames(2);
    let t0 = performance.now();
    call = settle(chooseImage());
    sheet = document.querySelector('choose-image-sheet');
    await waitFor(() => sheet.shadowRoot.querySelector('dialog[open]'));
    const opened = performance.now() - t0;
    await frames(2); // the first rAF runs before that frame's paint, the second after it
    const t = performance.now() - t0;
    const code = await close();
    if (code !== 11) throw new Error(`close() gave ${code}, expected 11`);
    await frames(2);
    t0 = performance.now();
    await frames(2);
    if (i < 0) continue;
    ms.push(t);
    toOpen.push(opened);
    floor.push(performance.now() - t0);
  }
  return {ms, toOpen, floor};
}

// --- D. camera ----------------------------------------------------------------------------

// getUserMedia, wrapped to timestamp its call and answer: splits "to first frame" into the
// work before asking, the camera itself, and showing its first frame.
const gumCalls = [];
const nativeGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async constraints => {
  const entry = {called: performance.now()};
  gumCalls.push(entry);
  const stream = await nativeGetUserMedia(constraints);
  entry.resolved = performance.now();
  return stream;
};

function firstFrameTimes(t0, t1, video) {
  const gum = gumCalls.at(-1);
  return {
    ms: t1 - t0,
    beforeGum: gum.called - t0,
    gum: gum.resolved - gum.called,
    afterGum: t1 - gum.resolved,
    width: video.videoWidth,
    height: video.videoHeight,
  };
}

/** Before clicking `action-camera`: click → first video frame of the `video` part. */
export function armCameraFirstFrame() {
  probe = (async () => {
    const t0 = await nextClick();
    const video = await waitFor(() => part('video'));
    return firstFrameTimes(t0, await firstFrame(video), video);
  })();
}

/**
 * The fair baseline for a tap: a plain page button whose click handler calls getUserMedia and
 * shows a <video autoplay muted playsinline>, timed like the sheet, from the click to the first
 * frame. Returns the button's centre for page.mouse.click.
 */
export function armBareTap() {
  const button = Object.assign(document.createElement('button'), {textContent: 'camera', className: 'bare'});
  document.body.append(button);
  let startCamera;
  const streamOnClick = new Promise(resolve => (startCamera = resolve));
  const constraints = {video: {width: {ideal: 1920}, height: {ideal: 1080}}};
  button.addEventListener('click', () => startCamera(navigator.mediaDevices.getUserMedia(constraints)), {once: true});
  probe = (async () => {
    const t0 = await nextClick();
    const result = await bareVideoTimes(t0, await streamOnClick);
    button.remove();
    return result;
  })();
  const r = button.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}

/** The same, from script (no tap): getUserMedia + <video autoplay muted playsinline> to the first frame. */
export async function bareFirstFrame() {
  const t0 = performance.now();
  return bareVideoTimes(t0, await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 1920}, height: {ideal: 1080}}}));
}

/** Shows `stream` in a bare <video autoplay muted playsinline>: times from t0 to its first frame. */
async function bareVideoTimes(t0, stream) {
  const video = Object.assign(document.createElement('video'), {autoplay: true, muted: true, playsInline: true, className: 'bare'});
  document.body.append(video);
  video.srcObject = stream;
  const result = firstFrameTimes(t0, await firstFrame(video), video);
  stream.getTracks().forEach(t => t.stop());
  video.remove();
  return result;
}

/** Opens the live camera for one shot; returns the shutter's centre once a frame is shown. */
export async function openCamera(sizeType) {
  await open({count: 1, sourceType: ['camera'], sizeType: [sizeType]});
  const video = await waitFor(() => part('video'));
  if (!video.videoWidth) await firstFrame(video);
  return center('shutter');
}

let reviewShownAt = 0;

/** Before clicking the shutter: click → review image decoded and painted, confirm shown. */
export function armShutter() {
  probe = (async () => {
    const t0 = await nextClick();
    const img = await waitFor(() => part('confirm') && sheet.shadowRoot.querySelector('img.review'));
    await img.decode();
    await frames(2);
    reviewShownAt = performance.now();
    return {ms: reviewShownAt - t0};
  })();
}

/**
 * Before clicking confirm: click → chooseImage() resolved. The sheet starts processing at the
 * shutter, so `reviewToClick` (how long that had before the click) is returned too.
 */
export function armConfirm() {
  probe = (async () => {
    const t0 = await nextClick();
    const outcome = await call;
    const ms = performance.now() - t0;
    sheet = call = undefined;
    if (!outcome.ok) throw outcome.error;
    const {width, height, size, type} = outcome.value.tempFiles[0];
    revokeTempFiles();
    return {ms, reviewToClick: t0 - reviewShownAt, width, height, bytes: size, type};
  })();
}

// --- E. gallery ---------------------------------------------------------------------------

let makeGalleryFile;

/**
 * The i-th distinct 4000x3000 JPEG as base64, for run.mjs to write to disk. Made one at a time
 * and not kept: with all 200 held at once (~0.7 GB of blobs) the page timed out.
 */
export async function galleryFileBase64(i) {
  makeGalleryFile ??= galleryMaker();
  const blob = await makeGalleryFile(i + 1);
  const url = await new Promise(r => {
    const reader = new FileReader();
    reader.onload = () => r(reader.result);
    reader.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(',') + 1);
}

/** JS heap after a full GC. */
export async function heapAfterGc() {
  gc();
  await frame();
  gc();
  return performance.memory.usedJSHeapSize;
}

/** Opens the album-only sheet; says whether the page had user activation (then the picker opens at once). */
export async function openAlbum(sizeType) {
  const activated = navigator.userActivation.isActive;
  await open({count: 9, sourceType: ['album'], ...(sizeType && {sizeType})});
  return {activated, album: await center('action-album')};
}

/** Every gallery item inside the grid's visible area has a loaded thumbnail <img>. */
function firstScreen() {
  const grid = part('gallery');
  const items = [...sheet.shadowRoot.querySelectorAll('[part~="gallery-item"]')];
  if (!grid || !items.length) return undefined;
  const g = grid.getBoundingClientRect();
  const top = Math.max(g.top, 0), bottom = Math.min(g.bottom, innerHeight);
  const visible = items.filter(el => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > top && r.top < bottom;
  });
  const loaded = visible.every(el => {
    const img = el.querySelector('img');
    return img?.complete && img.naturalWidth > 0;
  });
  return visible.length && loaded ? {items: items.length, visible: visible.length} : undefined;
}

/** Before accepting the file chooser: `change` → first screen of thumbnails, main-thread stalls. */
export function armGallery() {
  const stop = watchMainThread();
  const changed = new Promise(r => sheet.shadowRoot.addEventListener('change', () => r(performance.now()), {capture: true, once: true}));
  probe = (async () => {
    const tChange = await changed;
    let shown;
    while (!(shown = firstScreen())) {
      if (performance.now() - tChange > 60_000) throw new Error('gallery: no first screen after 60 s');
      await frame();
    }
    return {tChange, tShown: performance.now(), ...shown, ...stop()};
  })();
}
