// The image pipeline as the sheet and its panes use it: thumbnails, and the File to return
// for a chosen image (the original bytes, or compressed), all through one scheduler and the
// worker. Loaded as a chunk when a call may need it.
import type {SizeType} from '../options.js';
import type {CompressTarget} from './compress.js';
import type {ImageInfo} from './info.js';
import {hurry, Priority, schedule, type Ticket} from './scheduler.js';
import {SNIFFED_TYPES, sniffType} from './sniff.js';
import type {Thumbnail} from './thumbnail.js';
import {rest, run, warm} from './worker-client.js';

export {hurry, Priority, rest, warm};
export type {ImageInfo, Thumbnail};

/** What the pipeline returns for one image. */
export interface ProcessedImage {
  file: File;
  type: string;
  width: number;
  height: number;
}

const nameOf = (blob: Blob) => (blob as Partial<File>).name ?? '';

/** Schedules the thumbnail of `file` for a square tile of `tile` device pixels. */
export function thumbnail(file: Blob, tile: number, priority: Priority, signal?: AbortSignal): Ticket<Thumbnail> {
  return schedule(s => run({kind: 'thumbnail', blob: file, tile}, s), {label: `thumbnail ${nameOf(file)}`, priority, signal});
}

let sequence = 0;
/** `IMG_20261124_101530_1.jpg`: local time of the call, then a running number. */
export function imageFileName(type: string, date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}_${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
  const ext = type.split('/')[1]?.replace('jpeg', 'jpg').replace(/\W.*$/, '') || 'img';
  return `IMG_${stamp}_${++sequence}.${ext}`;
}

/**
 * The picked bytes untouched, as a File whose type is what the bytes are (a GIF named .jpg is
 * image/gif); `info` comes from a decode that succeeded.
 */
export function originalImage(input: Blob, {type, width, height}: ImageInfo): ProcessedImage {
  let file: File;
  if (input instanceof File && input.type === type) file = input;
  else if (input instanceof File) file = new File([input], input.name, {type, lastModified: input.lastModified});
  else file = new File([input], imageFileName(type), {type});
  return {file, type, width, height};
}

/**
 * Produces the image to return. `original`: the input's bytes, once they are known to decode.
 * `compressed`: see compress.ts. Scheduled as the compression of a chosen image.
 */
export async function processImage(input: Blob, size: SizeType, target: CompressTarget, signal?: AbortSignal): Promise<ProcessedImage> {
  if (size === 'original') {
    // A small thumbnail is the cheapest decode that proves the bytes decode.
    const job = {kind: 'thumbnail', blob: input, tile: 64} as const;
    const {info} = await schedule(s => run(job, s), {label: `decode check ${nameOf(input)}`, priority: Priority.CHOSEN, subject: input, signal}).promise;
    return originalImage(input, info);
  }
  const job = {kind: 'compress', blob: input, target} as const;
  const out = await schedule(s => run(job, s), {label: `compress ${nameOf(input)}`, priority: Priority.CHOSEN, subject: input, signal}).promise;
  if (out.kept) return originalImage(input, out.info);
  const file = new File([out.blob], imageFileName(out.blob.type), {type: out.blob.type, lastModified: Date.now()});
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
