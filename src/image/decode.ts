// Decodes an image upright, no larger than needed: a JPEG at the smallest n/8 of its size that
// still covers `want` (WebCodecs ImageDecoder), anything else through createImageBitmap with
// resize options, HEIC/HEIF where the engine cannot through libheif (a chunk loaded only then),
// and as the last resort on the main thread an <img>. Never keeps a full-size bitmap beyond the
// draw it is decoded for: the caller closes the source.
import type {Header} from './header.js';
import {isHeif} from './info.js';
import {jpegDecoderKind, type JpegDecoder} from './platform.js';

export interface Size {
  width: number;
  height: number;
}

/** A decoded image that drawImage() draws upright at `width`×`height` (or scaled). */
export interface Source extends Size {
  image: CanvasImageSource;
  /** Decoder calls it took (a failed ImageDecoder attempt counts). */
  calls: number;
  /** Decoded by the engine itself, not by the kit's HEIC decoder. */
  native: boolean;
  close(): void;
}

/** False once this engine failed a HEIC that libheif then decoded: no native attempt after that. */
let nativeHeif: boolean | undefined;

/** EXIF orientation → the VideoFrame rotation and flip that display it upright. */
const ORIENTED: Record<number, [number, boolean]> = {
  1: [0, false], 2: [0, true], 3: [180, false], 4: [180, true],
  5: [90, true], 6: [90, false], 7: [270, true], 8: [270, false],
};

type OrientedFrame = VideoFrame & {rotation?: number; flip?: boolean};

/** The scale (≤ 1) at which `size` still covers `want` on both edges. */
export const coverScale = (size: Size, want: Size) => Math.min(1, Math.max(want.width / size.width, want.height / size.height));

/**
 * Decodes `blob` upright. With the size from the header, the result covers `want` (oriented
 * pixels) and is not much larger; without it, it is full size.
 * @throws the engine's decode error when no decoder here can decode it.
 */
export async function decode(blob: Blob, head: Header, want: Size, quality: ResizeQuality = 'high'): Promise<Source> {
  let calls = 0;
  const known = head.width > 0 && head.height > 0;
  const kind = await jpegDecoderKind();
  if (head.type === 'image/jpeg' && known && kind !== 'none') {
    calls++;
    const frame = await viaImageDecoder(blob, head, want, kind).catch(() => undefined);
    if (frame) return frame;
  }
  const heif = isHeif(head.type);
  if (heif && nativeHeif === false) return viaLibheif(blob, known ? want : undefined, calls);
  calls++;
  const scaled = known && coverScale(head, want) < 1;
  try {
    const bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      ...(scaled && {resizeWidth: want.width, resizeHeight: want.height, resizeQuality: quality}),
    });
    if (heif) nativeHeif = true; // Safari
    return {image: bitmap, width: bitmap.width, height: bitmap.height, calls, native: true, close: () => bitmap.close()};
  } catch (e) {
    if (heif) {
      const source = await viaLibheif(blob, known ? want : undefined, calls);
      nativeHeif = false; // the engine refused a HEIC that decodes
      return source;
    }
    // Where createImageBitmap is the only decoder (no ImageDecoder) it rejects some files an
    // <img> shows (Firefox: EXIF before JFIF); on the main thread an <img> gets a last try.
    if (typeof document === 'undefined' || kind !== 'none') throw e;
    return {...(await viaImg(blob)), calls: calls + 1};
  }
}

/** HEIC/HEIF through libheif (WebAssembly), fetched with its chunk on first use. */
async function viaLibheif(blob: Blob, want: Size | undefined, calls: number): Promise<Source> {
  const {decodeHeic} = await import('./heic/decode-heic.js');
  const {image, width, height, close} = await decodeHeic(blob, want);
  return {image, width, height, calls: calls + 1, native: false, close};
}

/** True where a failed decode in the worker deserves a retry on the main thread (its <img>). */
export const mainThreadMayDecode = async () => (await jpegDecoderKind()) === 'none';

/** A JPEG through ImageDecoder at the smallest scale covering `want`, or undefined if not here. */
async function viaImageDecoder(blob: Blob, head: Header, want: Size, kind: JpegDecoder): Promise<Source | undefined> {
  const scale = coverScale(head, want);
  let desired: Size | undefined;
  if (kind === 'rotation') {
    // Chromium: the desired size is in stored (unrotated) pixels and becomes a budget of decoded
    // bytes; it picks the largest n/8 that fits, so the exact n/8 size asks for scale n.
    const n = Math.min(8, Math.max(1, Math.ceil(8 * scale)));
    const [w, h] = head.orientation >= 5 ? [head.height, head.width] : [head.width, head.height];
    if (n < 8) desired = {width: Math.ceil((w * n) / 8), height: Math.ceil((h * n) / 8)};
  } else if (scale < 1) {
    // Firefox: upright pixels, scaled to exactly the size asked for, so ask with the aspect kept.
    desired = {width: Math.ceil(head.width * scale), height: Math.ceil(head.height * scale)};
  }
  const decoder = new ImageDecoder({
    data: blob.stream(),
    type: 'image/jpeg',
    ...(desired && {desiredWidth: desired.width, desiredHeight: desired.height}),
  });
  let frame: OrientedFrame | undefined;
  try {
    frame = (await decoder.decode()).image as OrientedFrame;
  } finally {
    decoder.close();
  }
  const [rotation, flip] = ORIENTED[head.orientation];
  const upright = kind === 'rotation' ? frame.rotation === rotation && Boolean(frame.flip) === flip : frame.rotation === undefined;
  // Only what was asked for: upright as the header says, and covering `want`.
  if (!upright || frame.displayWidth < want.width || frame.displayHeight < want.height) {
    frame.close();
    return undefined;
  }
  const f = frame;
  return {image: f, width: f.displayWidth, height: f.displayHeight, calls: 1, native: true, close: () => f.close()};
}

/** The last resort, main thread only: what an <img> decodes (full size). */
async function viaImg(blob: Blob): Promise<Omit<Source, 'calls'>> {
  const url = URL.createObjectURL(blob);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return {image: img, width: img.naturalWidth, height: img.naturalHeight, native: true, close: () => URL.revokeObjectURL(url)};
}
