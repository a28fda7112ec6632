// A 2D canvas and its encoder: OffscreenCanvas where the engine has it (always in the worker),
// else a <canvas> element on the main thread.

export type Canvas = OffscreenCanvas | HTMLCanvasElement;

export function makeCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  return Object.assign(document.createElement('canvas'), {width, height});
}

export function context(canvas: Canvas, alpha = true) {
  return canvas.getContext('2d', {alpha}) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
}

/**
 * Encodes the canvas. The blob's own type says what the engine made: one that cannot encode
 * WebP (WebKit) gives PNG.
 */
export async function encode(canvas: Canvas, type: string, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({type, quality});
  const blob = await new Promise<Blob | null>(r => canvas.toBlob(r, type, quality));
  if (!blob) throw new DOMException('the image could not be encoded', 'EncodingError');
  return blob;
}
