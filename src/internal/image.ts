// The image pipeline shared by camera and album: a picked or captured Blob in, the File to
// return out, as the original bytes or compressed.
import type {SizeType} from '../options.js';
import {compressLimited} from './worker-client.js';
import type {CompressTarget} from './compress.js';

/** What the pipeline returns for one image. */
export interface ProcessedImage {
  file: File;
  type: string;
  width: number;
  height: number;
}

/** Natural size with EXIF orientation applied, read by an <img> (header only, no full decode). */
export function imageSize(blob: Blob): Promise<{width: number; height: number}> {
  const url = URL.createObjectURL(blob);
  const img = new Image();
  return new Promise<{width: number; height: number}>((resolve, reject) => {
    img.onload = () => resolve({width: img.naturalWidth, height: img.naturalHeight});
    img.onerror = () => reject(new DOMException('the image cannot be decoded', 'EncodingError'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

/** True for a GIF with more than one frame (more than one Graphic Control Extension). */
export async function isAnimatedGif(blob: Blob): Promise<boolean> {
  if (blob.type !== 'image/gif') return false;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let frames = 0;
  for (let i = 0; i < bytes.length - 2 && frames < 2; i++) {
    if (bytes[i] === 0x21 && bytes[i + 1] === 0xf9 && bytes[i + 2] === 0x04) frames++;
  }
  return frames > 1;
}

let sequence = 0;
/** `IMG_20261124_101530_1.jpg`: local time of the call, then a running number. */
export function imageFileName(type: string, date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}_${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
  const ext = type.split('/')[1]?.replace('jpeg', 'jpg').replace(/\W.*$/, '') || 'img';
  return `IMG_${stamp}_${++sequence}.${ext}`;
}

const asFile = (blob: Blob, type = blob.type) =>
  blob instanceof File ? blob : new File([blob], imageFileName(type), {type, lastModified: Date.now()});

/**
 * Produces the image to return. `original`: the input's bytes untouched. `compressed`: JPEG,
 * orientation applied, long edge ≤ target.maxSize, or the input where that is not smaller.
 */
export async function processImage(input: Blob, size: SizeType, target: CompressTarget, signal?: AbortSignal): Promise<ProcessedImage> {
  if (size === 'original' || (await isAnimatedGif(input))) {
    const file = asFile(input);
    return {file, type: file.type, ...(await imageSize(input))};
  }
  const {blob, width, height, kept} = await compressLimited(input, target, signal);
  const file = kept ? asFile(input) : asFile(blob, 'image/jpeg');
  return {file, type: file.type, width, height};
}
