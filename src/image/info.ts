// What a decode learned about an image, returned with every thumbnail and compressed copy.

/** The image as the user chose it: type by signature, size with orientation applied. */
export interface ImageInfo {
  type: string;
  width: number;
  height: number;
  animated: boolean;
  /**
   * False where the engine cannot decode the file itself and the kit's own decoder did (HEIC
   * outside Safari): an <img> on the page could not show the original bytes.
   */
  native: boolean;
}

/** HEIC and HEIF (by signature): the one family the kit can decode where the engine cannot. */
export const isHeif = (type: string) => type === 'image/heic' || type === 'image/heif';

/** Scales (w, h) so the long edge is at most maxSize; never upscales. */
export function fitWithin(width: number, height: number, maxSize: number): [number, number] {
  const scale = Math.min(1, maxSize / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}
