// Decode once (orientation applied), scale the long edge down to maxSize, flatten alpha on
// white, encode JPEG. Pure and DOM-free so the same code runs in the worker and, as the
// fallback, on the main thread.

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

/**
 * Compresses an image blob to JPEG. Returns the input itself (with its decoded size) when the
 * JPEG would not be smaller.
 * @throws the browser's decode error for data it cannot decode.
 */
export async function compress(input: Blob, {maxSize, quality}: CompressTarget): Promise<Compressed> {
  const decoded = await createImageBitmap(input, {imageOrientation: 'from-image'});
  const [width, height] = fitWithin(decoded.width, decoded.height, maxSize);
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', {alpha: false})!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(decoded, 0, 0, width, height);
    const blob = await canvas.convertToBlob({type: 'image/jpeg', quality});
    return blob.size < input.size
      ? {blob, width, height, kept: false}
      : {blob: input, width: decoded.width, height: decoded.height, kept: true};
  } finally {
    decoded.close();
  }
}
