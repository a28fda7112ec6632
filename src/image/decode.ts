// Decodes an image upright, no larger than needed: a JPEG at the smallest n/8 of its size that
// still covers `want` (WebCodecs ImageDecoder), anything else through createImageBitmap with
// resize options, HEIC/HEIF where the engine cannot through libheif (a chunk loaded only then),
// and as the last resort on the main thread an <img>. Never keeps a full-size bitmap beyond the
// draw it is decoded for: the caller closes the source.
//
// The engine's decode, not the header, has the last word on the image's shape: a header can be
// read otherwise than the engine reads it (two EXIF segments, a GIF frame larger than its
// screen). So no decoder here is asked for a shape it would force (createImageBitmap gets one
// edge, not both), and a decode whose shape is not the header's says the image's size.
import type {Header} from './header.js';
import {isHeif} from './info.js';
import type {HeicFiles} from './kit-files.js';
import {jpegDecoderKind, type JpegDecoder} from './platform.js';
import {withoutSegment} from './untagged-jpeg.js';

export interface Size {
  width: number;
  height: number;
}

/** A decoded image that drawImage() draws upright at `width`×`height` (or scaled). */
export interface Source extends Size {
  image: CanvasImageSource;
  /** The image's full size as this engine shows it (as its <img> would), of which this is a scaled copy or all. */
  full: Size;
  /** Decoder calls it took (a failed ImageDecoder attempt counts). */
  calls: number;
  /** Decoded by the engine itself, not by the kit's HEIC decoder. */
  native: boolean;
  close(): void;
}

/** False once this engine failed a HEIC that libheif then decoded: no native attempt after that. */
let nativeHeif: boolean | undefined;

/** Where libheif's files are, as the page named them (see kit-files.ts). */
let heicFiles: HeicFiles | undefined;
export const useHeicFiles = (files: HeicFiles) => void (heicFiles = files);

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
 * pixels) and is not much larger; without it, or where the engine shows the image in another
 * shape than the header says, it is full size.
 * @throws a NotSupportedError for bytes that are no raster type the kit accepts (an SVG, which
 * an <img> would draw, is not), and the engine's decode error when no decoder here can decode it.
 */
export async function decode(blob: Blob, head: Header, want: Size, quality: ResizeQuality = 'high'): Promise<Source> {
  if (!head.type) throw new DOMException('not a JPEG, PNG, GIF, WebP, AVIF, HEIC or BMP image', 'NotSupportedError');
  const known = head.width > 0 && head.height > 0;
  const source = await decodeAs(blob, head, known ? want : undefined, quality);
  // A decode at full size is the image's size; a scaled one has the header's (or its turn).
  const full = source.scaled ? asShown(head, source, want) : {width: source.width, height: source.height};
  if (full) return {...source, full};
  // The engine shows it in another shape than the header says: its full-size decode tells the size.
  source.close();
  const whole = await decodeAs(blob, head, undefined, quality);
  return {...whole, calls: source.calls + whole.calls, full: {width: whole.width, height: whole.height}};
}

/**
 * `head`'s size as `decoded` shows it — as the header says, or turned a quarter (the engine read
 * the EXIF orientation otherwise) — when `decoded` has that shape and covers `want` turned
 * likewise; undefined otherwise. A square image is never turned.
 */
function asShown(head: Size, decoded: Size, want: Size): Size | undefined {
  // Shapes compared by cross-multiplying, with a pixel's rounding on each edge of the decode.
  const shaped = ({width, height}: Size) => Math.abs(decoded.width * height - decoded.height * width) <= width + height;
  const covers = (w: number, h: number) => decoded.width >= w && decoded.height >= h;
  if (shaped(head)) return covers(want.width, want.height) ? {width: head.width, height: head.height} : undefined;
  const turned = {width: head.height, height: head.width};
  return shaped(turned) && covers(want.height, want.width) ? turned : undefined;
}

/** A decode before its full size is known: `scaled` when it is a smaller copy. */
type Decoded = Omit<Source, 'full'> & {scaled: boolean};

/** One decode, covering `want` when given (see decode), else full size. */
async function decodeAs(blob: Blob, head: Header, want: Size | undefined, quality: ResizeQuality): Promise<Decoded> {
  let calls = 0;
  const kind = await jpegDecoderKind();
  if (head.type === 'image/jpeg' && want && kind !== 'none') {
    calls++;
    const frame = await viaImageDecoder(blob, head, want, kind).catch(() => undefined);
    if (frame) return frame;
  }
  const heif = isHeif(head.type);
  if (heif && nativeHeif === false) return viaLibheif(blob, want, calls);
  calls++;
  // One edge, the long one: the engine keeps the image's shape as it shows it, and the other edge
  // covers `want` even where that shape is the header's turned.
  const resize = want && coverScale(head, want) < 1 && (want.width >= want.height ? {resizeWidth: want.width} : {resizeHeight: want.height});
  // An sRGB profile changes no pixel, and WebKit would convert through it (see srgb-profile.ts).
  const input = head.srgbProfile ? await withoutSegment(blob, head.srgbProfile) : blob;
  try {
    const bitmap = await createImageBitmap(input, {imageOrientation: 'from-image', ...(resize && {...resize, resizeQuality: quality})});
    if (heif) nativeHeif = true; // Safari
    return {image: bitmap, width: bitmap.width, height: bitmap.height, calls, native: true, scaled: !!resize, close: () => bitmap.close()};
  } catch (e) {
    if (heif) {
      const source = await viaLibheif(blob, want, calls);
      nativeHeif = false; // the engine refused a HEIC that decodes
      return source;
    }
    // Where createImageBitmap is the only decoder (no ImageDecoder) it rejects some files an
    // <img> shows (Firefox: EXIF before JFIF); on the main thread an <img> gets a last try.
    if (typeof document === 'undefined' || kind !== 'none') throw e;
    return {...(await viaImg(blob)), calls: calls + 1, scaled: false};
  }
}

/** HEIC/HEIF through libheif (WebAssembly), fetched with its chunk on first use. */
async function viaLibheif(blob: Blob, want: Size | undefined, calls: number): Promise<Decoded> {
  const {decodeHeic} = await import('./heic/decode-heic.js');
  if (!heicFiles) throw new DOMException('no HEIC decoder was named', 'NotSupportedError');
  const {image, width, height, close} = await decodeHeic(blob, heicFiles, want);
  return {image, width, height, calls: calls + 1, native: false, scaled: !!want, close};
}

/** True where a failed decode in the worker deserves a retry on the main thread (its <img>). */
export const mainThreadMayDecode = async () => (await jpegDecoderKind()) === 'none';

/** A JPEG through ImageDecoder at the smallest scale covering `want`, or undefined if not here. */
async function viaImageDecoder(blob: Blob, head: Header, want: Size, kind: JpegDecoder): Promise<Decoded | undefined> {
  const scale = coverScale(head, want);
  let desired: Size | undefined;
  if (kind === 'rotation') {
    // Chromium: the desired size is in stored (unrotated) pixels and becomes a budget of decoded
    // bytes; it picks the largest n/8 that fits, so the exact n/8 size asks for scale n.
    const n = Math.min(8, Math.max(1, Math.ceil(8 * scale)));
    const [w, h] = head.orientation >= 5 ? [head.height, head.width] : [head.width, head.height];
    if (n < 8) desired = {width: Math.ceil((w * n) / 8), height: Math.ceil((h * n) / 8)};
  } else if (scale < 1 && head.orientationAgreed) {
    // Firefox: upright pixels, scaled to exactly the size asked for, so ask with the aspect kept —
    // only where every engine turns the file alike: otherwise the header's aspect may not be the
    // one Firefox shows, and the frame would be squashed into it (then it decodes full size).
    desired = {width: Math.ceil(head.width * scale), height: Math.ceil(head.height * scale)};
  }
  const decoder = new ImageDecoder({
    data: blob.stream(),
    type: 'image/jpeg',
    ...(desired && {desiredWidth: desired.width, desiredHeight: desired.height}),
  });
  // Closed once the frame is out, maybe before the whole file was read: `completed` then rejects
  // (AbortError), which is no failure (Firefox reported it as unhandled on the main thread).
  decoder.completed.catch(() => {});
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
  return {image: f, width: f.displayWidth, height: f.displayHeight, calls: 1, native: true, scaled: !!desired, close: () => f.close()};
}

/** The last resort, main thread only: what an <img> decodes (full size). */
async function viaImg(blob: Blob): Promise<Omit<Source, 'calls' | 'full'>> {
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
