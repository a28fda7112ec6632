// my.getImageInfo: an image's size as stored, its EXIF orientation and its type, from its header
// alone wherever the format says them there (JPEG, PNG, GIF, WebP, BMP, and HEIC and AVIF from
// their boxes): a 12 MP photo is not decoded for this. Only an image whose header does not give
// its size is decoded, at the smallest scale, in the worker.
import {alipayCall, type Callbacks} from '../internal/callbacks.js';
import {needsPage} from '../internal/needs-page.js';
import {optionsOf} from '../options.js';
import type {ChooseImageError} from '../errors.js';
import {keep, nameOf, pathOption, readPath} from './read-path.js';

/** EXIF orientation 1–8 by the names Alipay and WeChat give them. */
export type ImageOrientation = 'up' | 'up-mirrored' | 'down' | 'down-mirrored' | 'left-mirrored' | 'right' | 'right-mirrored' | 'left';
const ORIENTATIONS: ImageOrientation[] = ['up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'];

/** What getImageInfo() tells. */
export interface ImageInfoResult {
  /** Width in pixels as stored, before the orientation is applied (as Alipay and WeChat report it). */
  width: number;
  /** Height in pixels as stored, before the orientation is applied. */
  height: number;
  /** `src` as given for a blob: or data: URL; for an http(s) URL, a new blob: URL of what was fetched, released by revokeTempFiles(). */
  path: string;
  /** How the stored picture is turned to be shown: EXIF orientation 1–8 by name; 'up' where there is none. */
  orientation: ImageOrientation;
  /** The format, from the bytes (not the name or the server's Content-Type). */
  type: 'jpg' | 'png' | 'gif' | 'webp' | 'bmp' | 'heic' | 'avif';
}

export interface GetImageInfoOptions extends Callbacks<ImageInfoResult> {
  /** The image: a tempFilePaths blob: URL, an http(s) URL (CORS permitting) or a data: URL. */
  src: string;
  success?: (result: ImageInfoResult) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: ImageInfoResult | ChooseImageError) => void;
}

const TYPES: Record<string, ImageInfoResult['type']> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/avif': 'avif',
};

/** Alipay's my.getImageInfo. Fails with 2 for a bad `src`, 13 for one that cannot be read, 3 for bytes that are no image it knows. */
export function getImageInfo(options: GetImageInfoOptions): Promise<ImageInfoResult> {
  return alipayCall(options, async () => {
    needsPage('getImageInfo');
    const src = pathOption(optionsOf(options), 'src');
    const blob = await readPath(src);
    const {readHeader, heifOrientation, readHeifLayout} = await import('../image/header.js');
    const head = await readHeader(blob);
    const type = TYPES[head.type];
    if (!type) throw new Error(`${src.slice(0, 80)} is no image of a type this reads (jpg, png, gif, webp, bmp, heic, avif)`);
    let {width, height, orientation} = head;
    if (type === 'heic' || type === 'avif') {
      // The boxes give the size as shown (irot applied) and the turn and mirror to show it.
      const boxes = new Uint8Array(await blob.slice(0, 64 * 1024).arrayBuffer());
      orientation = heifOrientation(boxes);
      ({width, height} = readHeifLayout(boxes)?.primary ?? {width, height});
    }
    if (!width || !height) ({width, height} = await decodedSize(blob));
    // The header gives the size as shown: as stored, a quarter turn (orientation 5–8) swaps it back.
    if (orientation >= 5) [width, height] = [height, width];
    const path = /^(blob|data):/i.test(src) ? src : keep(blob, nameOf(src, blob));
    return {width, height, path, orientation: ORIENTATIONS[orientation - 1] ?? 'up', type};
  });
}

/** The size of an image its header does not state, from the smallest decode the worker makes. */
async function decodedSize(blob: Blob) {
  const {thumbnail, Priority} = await import('../image/pipeline.js');
  return (await thumbnail(blob, 1, Priority.VISIBLE).promise).info;
}
