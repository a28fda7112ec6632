// The "compressed" size type: the long edge within maxSize (never upscaled), orientation
// applied, JPEG at the quality asked for, except that a PNG or WebP with transparent pixels
// stays in its own format. The input itself only where it already fits, is upright, is no HEIC
// and the new encoding would not be smaller. An animated image that fits is returned as it is; one over the
// limit becomes its first frame. Pure and DOM-free: runs in the worker and, as the fallback, on
// the main thread.
import {context, encode, makeCanvas} from './canvas.js';
import {decode, type Size, type Source} from './decode.js';
import {readHeader} from './header.js';
import {fitWithin, isHeif, type ImageInfo} from './info.js';

export interface CompressTarget {
  maxSize: number;
  quality: number;
}

export interface Compressed {
  blob: Blob;
  width: number;
  height: number;
  /** True when `blob` is the input itself. */
  kept: boolean;
  info: ImageInfo;
  /** Decoder calls it took. */
  decodes: number;
}

/**
 * Compresses an image blob.
 * @throws the browser's decode error for data it cannot decode.
 */
export async function compress(input: Blob, {maxSize, quality}: CompressTarget): Promise<Compressed> {
  const head = await readHeader(input);
  // Without a size in the header (AVIF, HEIC) the first decode is full size and tells it.
  let source: Source | undefined = head.width ? undefined : await decode(input, head, {width: 1, height: 1});
  const info = (full: Size, native: boolean): ImageInfo => ({type: head.type, width: full.width, height: full.height, animated: head.animated, native});
  const target = (full: Size) => fitWithin(full.width, full.height, maxSize);
  let full: Size = source?.full ?? head;
  let [width, height] = target(full);
  // An animated image that fits is returned undecoded, as its header sizes it.
  if (width === full.width && height === full.height && head.animated) {
    source?.close();
    return {blob: input, width, height, kept: true, info: info(full, true), decodes: source?.calls ?? 0};
  }
  source ??= await decode(input, head, {width, height});
  try {
    // The size the engine shows, which the header may not have known: the canvas has the decode's shape.
    full = source.full;
    [width, height] = target(full);
    const fits = width === full.width && height === full.height;
    const keepsAlpha = head.alpha && (head.type === 'image/png' || head.type === 'image/webp');
    const canvas = makeCanvas(width, height);
    const ctx = context(canvas, keepsAlpha);
    if (!keepsAlpha) {
      ctx.fillStyle = '#fff'; // GIF, AVIF… transparency flattened on white, as JPEG has none
      ctx.fillRect(0, 0, width, height);
    }
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source.image, 0, 0, width, height);
    const transparent = keepsAlpha && hasTransparency(ctx.getImageData(0, 0, width, height).data);
    const blob = await encode(canvas, transparent ? head.type : 'image/jpeg', quality);
    // A HEIC becomes a JPEG even where it fits: what every browser and server can read.
    const kept = fits && head.orientation === 1 && !isHeif(head.type) && blob.size >= input.size;
    return {blob: kept ? input : blob, width, height, kept, info: info(full, source.native), decodes: source.calls};
  } finally {
    source.close();
  }
}

function hasTransparency(rgba: Uint8ClampedArray): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] < 255) return true;
  return false;
}
