// Decode (orientation applied), scale the long edge down to maxSize, flatten alpha on white,
// encode JPEG. Pure and DOM-free so the same code runs in the worker and, as the fallback, on
// the main thread.
//
// A large JPEG is decoded straight to a smaller size where the browser can (WebCodecs
// ImageDecoder with desiredWidth/desiredHeight: the JPEG decoder's scaled IDCT, n/8 of the
// full size), then drawn to the target size. That is what an <img> drawn onto a canvas gets in
// Chromium, and so what compressorjs gets: faster than a full decode plus a large downscale,
// and the output is smaller because the DCT scaling averages away pixel-level noise.

import {frameCarriesOrientation, hasImageDecoder} from '../platform.js';

export interface CompressTarget {
  maxSize: number;
  quality: number;
}

export interface Compressed {
  blob: Blob;
  width: number;
  height: number;
  /** True when the input was kept because the JPEG would not have been smaller. */
  kept: boolean;
}

/** Scales (w, h) so the long edge is at most maxSize; never upscales. */
export function fitWithin(width: number, height: number, maxSize: number): [number, number] {
  const scale = Math.min(1, maxSize / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

interface JpegHeader {
  width: number;
  height: number;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
}

/** Size and EXIF orientation from a JPEG's header (SOF and APP1), or undefined for non-JPEG. */
export async function readJpegHeader(blob: Blob): Promise<JpegHeader | undefined> {
  const b = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let orientation = 1;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const length = (b[i + 2] << 8) | b[i + 3];
    if (marker === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 && b[i + 7] === 0x66) {
      orientation = exifOrientation(b, i + 10, i + 2 + length) ?? orientation;
    }
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8], orientation};
    }
    i += 2 + length;
  }
  return undefined;
}

/** The Orientation tag (0x0112) of IFD0 in the TIFF structure at b[start..end). */
function exifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  const little = b[start] === 0x49;
  const u16 = (o: number) => (little ? b[o] | (b[o + 1] << 8) : (b[o] << 8) | b[o + 1]);
  const u32 = (o: number) => (little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return undefined;
  for (let n = u16(ifd), e = ifd + 2; n > 0 && e + 12 <= end; n--, e += 12) {
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}

/** EXIF orientation → the VideoFrame rotation and flip that display it upright. */
const ORIENTED: Record<number, [number, boolean]> = {
  1: [0, false], 2: [0, true], 3: [180, false], 4: [180, true],
  5: [90, true], 6: [90, false], 7: [270, true], 8: [270, false],
};

interface Source {
  image: CanvasImageSource;
  /** Full decoded size, orientation applied (what `kept` reports). */
  width: number;
  height: number;
  /** Opaque: no white fill needed under it. */
  opaque: boolean;
  close(): void;
}

type OrientedFrame = VideoFrame & {rotation?: number; flip?: boolean};

/**
 * A JPEG decoded at the smallest JPEG scale n/8 whose long edge still reaches maxSize, or
 * undefined when that is not possible here (no ImageDecoder, no orientation on VideoFrame, not a
 * JPEG, no scaling to gain, or a frame that is not what was asked for); the caller then decodes
 * in full.
 */
async function decodeJpegScaled(input: Blob, {width, height, orientation}: JpegHeader, maxSize: number): Promise<Source | undefined> {
  if (!hasImageDecoder || !frameCarriesOrientation) return undefined;
  const n = Math.ceil((8 * maxSize) / Math.max(width, height));
  if (n >= 8) return undefined;
  let decoder: ImageDecoder | undefined;
  let frame: OrientedFrame | undefined;
  try {
    // Chromium turns the desired size into a decoded-bytes budget and picks the largest n/8
    // that fits it, so the exact n/8 size (rounded up) asks for scale n.
    decoder = new ImageDecoder({data: input.stream(), type: 'image/jpeg', desiredWidth: Math.ceil((width * n) / 8), desiredHeight: Math.ceil((height * n) / 8)});
    frame = (await decoder.decode()).image as OrientedFrame;
  } catch {
    frame?.close();
    return undefined; // the full decode reports the browser's own error, if any
  } finally {
    decoder?.close();
  }
  const [rotation, flip] = ORIENTED[orientation];
  const swapped = orientation >= 5;
  const [w, h] = swapped ? [height, width] : [width, height];
  const [tw, th] = fitWithin(w, h, maxSize);
  // Upright only if the frame carries the file's orientation (drawImage applies it); never upscale.
  if (frame.rotation !== rotation || Boolean(frame.flip) !== flip || frame.displayWidth < tw || frame.displayHeight < th) {
    frame.close();
    return undefined;
  }
  const f = frame;
  return {image: f, width: w, height: h, opaque: true, close: () => f.close()};
}

async function decodeFull(input: Blob, opaque: boolean): Promise<Source> {
  const bitmap = await createImageBitmap(input, {imageOrientation: 'from-image'});
  return {image: bitmap, width: bitmap.width, height: bitmap.height, opaque, close: () => bitmap.close()};
}

/**
 * Compresses an image blob to JPEG. Returns the input itself (with its decoded size) when the
 * JPEG would not be smaller.
 * @throws the browser's decode error for data it cannot decode.
 */
export async function compress(input: Blob, {maxSize, quality}: CompressTarget): Promise<Compressed> {
  const jpeg = await readJpegHeader(input); // JPEG by its bytes: opaque, maybe decodable to scale
  const source = (jpeg && (await decodeJpegScaled(input, jpeg, maxSize))) ?? (await decodeFull(input, !!jpeg));
  const [width, height] = fitWithin(source.width, source.height, maxSize);
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', {alpha: false})!;
    if (!source.opaque) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
    }
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source.image, 0, 0, width, height);
    const blob = await canvas.convertToBlob({type: 'image/jpeg', quality});
    return blob.size < input.size
      ? {blob, width, height, kept: false}
      : {blob: input, width: source.width, height: source.height, kept: true};
  } finally {
    source.close();
  }
}
