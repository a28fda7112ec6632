// The image pipeline as the sheet and its panes use it: thumbnails, and the File to return
// for a chosen image (the original bytes, or compressed), all through one scheduler and the
// worker. Loaded as a chunk when a call may need it.
import type {SizeType} from '../options.js';
import type {CompressTarget} from './compress.js';
import {madeFile} from './file-name.js';
import type {ImageInfo} from './info.js';
import {hurry, narrowWhile, Priority, schedule, type Ticket} from './scheduler.js';
import {SNIFFED_TYPES, sniffType} from './sniff.js';
import type {Thumbnail} from './thumbnail.js';
import {inWorkers, rest, run, warm} from './worker-client.js';

export {toResult} from './result.js';
export {hurry, madeFile, Priority, rest, warm};
export type {ImageInfo, Thumbnail};

/** What the pipeline returns for one image. */
export interface ProcessedImage {
  file: File;
  type: string;
  width: number;
  height: number;
}

const nameOf = (blob: Blob) => (blob as Partial<File>).name ?? '';

/**
 * One decode at a time until `until` settles (see narrowWhile), where decodes run in workers: on
 * the main thread (no worker) they share its one thread with the page's work anyway, and one at
 * a time would only hold a chosen image's compression behind a thumbnail.
 */
export function narrowDecodesWhile(until: Promise<unknown>) {
  if (inWorkers()) narrowWhile(until);
}

/** Schedules the thumbnail of `file` for a square tile of `tile` device pixels. */
export function thumbnail(file: Blob, tile: number, priority: Priority, signal?: AbortSignal): Ticket<Thumbnail> {
  return schedule(s => run({kind: 'thumbnail', blob: file, tile}, s), {label: `thumbnail ${nameOf(file)}`, priority, signal});
}

/**
 * The picked bytes untouched, as a File whose type is what the bytes are (a GIF named .jpg is
 * image/gif); `info` comes from a decode that succeeded.
 */
export function originalImage(input: Blob, {type, width, height}: ImageInfo): ProcessedImage {
  let file: File;
  if (input instanceof File && input.type === type) file = input;
  else if (input instanceof File) file = new File([input], input.name, {type, lastModified: input.lastModified});
  else file = madeFile(input, type);
  return {file, type, width, height};
}

/** JPEG quality of the full-size stand-in for an original the browser cannot show. */
const STAND_IN_QUALITY = 0.92;

/**
 * The image to return for "original": the picked bytes untouched (see originalImage), except a
 * file only the kit could decode (HEIC outside Safari). An <img> could not show those bytes, so
 * it becomes a JPEG at full size, orientation applied, named as the file with .jpg.
 */
export async function original(input: Blob, info: ImageInfo, signal?: AbortSignal): Promise<ProcessedImage> {
  if (info.native) return originalImage(input, info);
  const job = {kind: 'compress', blob: input, target: {maxSize: Infinity, quality: STAND_IN_QUALITY}} as const;
  const out = await schedule(s => run(job, s), {label: `full-size JPEG ${nameOf(input)}`, priority: Priority.CHOSEN, subject: input, signal}).promise;
  const stem = nameOf(input).replace(/\.[^.]*$/, '');
  const file = stem ? new File([out.blob], `${stem}.jpg`, {type: 'image/jpeg', lastModified: Date.now()}) : madeFile(out.blob, 'image/jpeg');
  return {file, type: file.type, width: out.width, height: out.height};
}

/** Larger images are shown through a screen-size copy: an <img> decodes what it shows in full. */
const SHOWN_PIXELS = 4096 * 4096;

/**
 * What an <img> on the page can show of `input`, for a full-screen view: the file itself, or a
 * JPEG the size of the screen for a file only the kit could decode (HEIC outside Safari) or one
 * too large to hold decoded (over 16.7 MP: a 48 MP photo is 192 MB as a bitmap).
 */
export async function viewable(input: Blob, info: ImageInfo, signal?: AbortSignal): Promise<Blob> {
  if (info.native && info.width * info.height <= SHOWN_PIXELS) return input;
  const maxSize = Math.min(2048, Math.ceil(Math.max(screen.width, screen.height) * devicePixelRatio));
  const job = {kind: 'compress', blob: input, target: {maxSize, quality: 0.85}} as const;
  // Not the chosen image's work (no subject): after 完成 it waits for what is returned.
  return (await schedule(s => run(job, s), {label: `view ${nameOf(input)}`, priority: Priority.VISIBLE, signal}).promise).blob;
}

/**
 * Produces the image to return. `original`: the input's bytes, once they are known to decode.
 * `compressed`: see compress.ts. Scheduled as the compression of a chosen image.
 */
export async function processImage(input: Blob, size: SizeType, target: CompressTarget, signal?: AbortSignal): Promise<ProcessedImage> {
  if (size === 'original') {
    // A small thumbnail is the cheapest decode that proves the bytes decode.
    const job = {kind: 'thumbnail', blob: input, tile: 64} as const;
    const {info, bitmap} = await schedule(s => run(job, s), {label: `decode check ${nameOf(input)}`, priority: Priority.CHOSEN, subject: input, signal}).promise;
    bitmap.close();
    return original(input, info, signal);
  }
  const job = {kind: 'compress', blob: input, target} as const;
  const out = await schedule(s => run(job, s), {label: `compress ${nameOf(input)}`, priority: Priority.CHOSEN, subject: input, signal}).promise;
  if (out.kept) return originalImage(input, out.info);
  const file = madeFile(out.blob);
  return {file, type: file.type, width: out.width, height: out.height};
}

/**
 * Resolves with `image` if its bytes can still be read and still are the image that decoded: a
 * picked file changed or deleted on disk since it was picked is not. Reads it through, a chunk
 * at a time: Chromium refuses to read a file that changed at all; Firefox reads what is there
 * now (so its length and signature are checked); WebKit reads the picked length.
 */
export async function stillReadable(image: ProcessedImage): Promise<ProcessedImage> {
  const {file, type} = image;
  const reader = file.stream().getReader();
  let read = 0;
  let head: Uint8Array | undefined;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    head ??= chunk.value;
    read += chunk.value.length;
  }
  const now = sniffType(head ?? new Uint8Array());
  const changed = read !== file.size || (now !== type && (now || SNIFFED_TYPES.includes(type)));
  if (changed) throw new DOMException(`${file.name} changed since it was picked`, 'NotReadableError');
  return image;
}
