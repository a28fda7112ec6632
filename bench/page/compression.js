// Section A in the page: our compression against compressorjs, browser-image-compression and
// the plain browser paths, on one photo, interleaved. Ours runs from src/ here (the same code
// the worker bundle is built from).
import imageCompression from 'browser-image-compression';
import Compressor from 'compressorjs';
import {compress} from '/src/image/compress.js';
import {processImage} from '/src/image/pipeline.js';
import {jpegSize, photoJpeg} from '../images.js';
import {frame, gc, watchMainThread} from './util.js';

const MAX = 1920;
const QUALITY = 0.8;
// browser-image-compression's worker importScripts() its own UMD build: by default from a CDN.
export const BIC_LOCAL = new URL('/node_modules/browser-image-compression/dist/browser-image-compression.js', location.href).href;

const fit = (w, h) => {
  const s = Math.min(1, MAX / Math.max(w, h));
  return [Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))];
};

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
export async function viaImg(blob, {decode = true} = {}) {
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
  'ours, worker': async b => (await processImage(b, 'compressed', {maxSize: MAX, quality: QUALITY})).file,
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
  ...(typeof ImageDecoder !== 'undefined' && {'plain: ImageDecoder n/8 + draw': imageDecoderScaled}),
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

let input;
/** Makes section A's input photo (`width`×`height`, q0.95, sensor noise); returns its size in bytes. */
export async function compressionInput({width, height}) {
  input = await photoJpeg(width, height, width);
  return input.size;
}

/** One run of contender `name` on the input: time, main-thread blocking, and what it made. */
export async function compressOnce(name) {
  gc();
  await frame();
  const stop = watchMainThread();
  const t0 = performance.now();
  const out = await contenders[name](input);
  const ms = performance.now() - t0;
  const {longestTask, maxFrameGap, method} = stop();
  return {ms, longestTask, maxFrameGap, method, bytes: out.size, type: out.type, ...(await jpegSize(out))};
}
