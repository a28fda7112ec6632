// What a decode learned about an image, returned with every thumbnail and compressed copy.

/** The image as the user chose it: type by signature, size with orientation applied. */
export interface ImageInfo {
  type: string;
  width: number;
  height: number;
  animated: boolean;
}

/** Scales (w, h) so the long edge is at most maxSize; never upscales. */
export function fitWithin(width: number, height: number, maxSize: number): [number, number] {
  const scale = Math.min(1, maxSize / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}
