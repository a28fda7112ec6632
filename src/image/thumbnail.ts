// A gallery thumbnail: the image decoded at the scale that covers one tile's device pixels,
// cropped to the tile's centre (never upscaled), on white, as an ImageBitmap (transferred from
// the worker, shown by a canvas: no JPEG encoded to be decoded again).
import {context, makeCanvas} from './canvas.js';
import {coverScale, decode} from './decode.js';
import {readHeader} from './header.js';
import type {ImageInfo} from './info.js';

export interface Thumbnail {
  /** The caller's to close (or hand to a canvas). */
  bitmap: ImageBitmap;
  info: ImageInfo;
  /** Decoder calls it took. */
  decodes: number;
}

/**
 * A JPEG's frame from Chromium's ImageDecoder that is upright as stored (no turn, no flip), which
 * createImageBitmap crops and scales with no canvas: in a worker, every 2D canvas and every draw
 * of a frame asks the page's main thread for a GPU context where the engine has none to give
 * (headless, or a phone that lost it), and waits for that thread, which the gallery keeps busy.
 * Firefox's frames have no `rotation`; a turned frame would be cropped as stored, so both draw.
 * A JPEG has no alpha, so there is nothing to put on white.
 */
function storedUpright(image: CanvasImageSource): image is VideoFrame {
  const frame = image as Partial<VideoFrame & {rotation: number; flip: boolean}>;
  return typeof VideoFrame !== 'undefined' && image instanceof VideoFrame && frame.rotation === 0 && !frame.flip;
}

/** Makes the thumbnail of `input` for a square tile of `tile` device pixels. */
export async function makeThumbnail(input: Blob, tile: number): Promise<Thumbnail> {
  const head = await readHeader(input);
  const box = {width: tile, height: tile};
  const s = head.width ? coverScale(head, box) : 1;
  const source = await decode(input, head, {width: Math.ceil(head.width * s) || tile, height: Math.ceil(head.height * s) || tile}, 'medium');
  try {
    // Cover the tile: scale the decoded image so its short edge meets the tile (never up), crop the rest.
    const scale = coverScale(source, box);
    const [w, h] = [source.width * scale, source.height * scale];
    const [width, height] = [Math.min(tile, Math.round(w)) || 1, Math.min(tile, Math.round(h)) || 1];
    const info = {type: head.type, ...source.full, animated: head.animated, native: source.native};
    if (storedUpright(source.image)) {
      // The tile's part of the frame, in the frame's pixels: what the draw below would show.
      const [sw, sh] = [width / scale, height / scale];
      const crop = [(source.width - sw) / 2, (source.height - sh) / 2, sw, sh].map(Math.round) as [number, number, number, number];
      const bitmap = await createImageBitmap(source.image, ...crop, {resizeWidth: width, resizeHeight: height, resizeQuality: 'medium'});
      return {bitmap, info, decodes: source.calls};
    }
    const canvas = makeCanvas(width, height);
    const ctx = context(canvas, false);
    ctx.fillStyle = '#fff'; // transparency on white, as the compressed result
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(source.image, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
    const bitmap = 'transferToImageBitmap' in canvas ? canvas.transferToImageBitmap() : await createImageBitmap(canvas);
    return {bitmap, info, decodes: source.calls};
  } finally {
    source.close();
  }
}
