// Draws a video's current frame into a canvas and makes sure a picture landed there: WebKit
// under load sometimes draws nothing, and a photo of nothing is a wrong image, never a success.
import {context, encode, type Canvas} from './canvas.js';
import type {Region} from '../controllers/camera-controller.js';

/** The camera's frame drew as nothing, every try: the sheet stays on the camera for another tap. */
export class NoPictureError extends DOMException {
  constructor() {
    super('the camera gave no picture', 'InvalidStateError');
  }
}

/** How to encode the frame drawn: see drawFrame(). */
export interface Encoding {
  type: string;
  quality: number;
}

/**
 * Draws `region` of the video's frame over all of `canvas` (which must have alpha: see drawn()).
 * WebKitGTK 2.50 beside a busy loop drew nothing for about one draw in nine (105 of 960, in a
 * canvas with alpha or without; Chromium and Firefox 0 of 480), then encoded that as an all-black
 * JPEG; a draw a frame later nearly always worked. So a draw that left nothing is tried again on
 * the next frame, a few times, and then refused.
 *
 * With `encoding`, the frame is encoded too and the blob is the result: the encode starts the
 * moment the frame is drawn (an encode works on a copy of the canvas as it was then) and the
 * check runs while the engine encodes; a blank draw's encode is dropped.
 */
export async function drawFrame(video: HTMLVideoElement, region: Region, canvas: Canvas): Promise<void>;
export async function drawFrame(video: HTMLVideoElement, region: Region, canvas: Canvas, encoding: Encoding, tries?: number): Promise<Blob>;
export async function drawFrame(video: HTMLVideoElement, {x, y, width, height}: Region, canvas: Canvas, encoding?: Encoding, tries = 6): Promise<Blob | void> {
  const ctx = context(canvas);
  // Drawn at its own size (a 1080p camera's compressed shot), a frame is the same at any
  // smoothing, and WebKit's `high` made that draw take 9 ms instead of 4.
  if (width !== canvas.width || height !== canvas.height) ctx.imageSmoothingQuality = 'high';
  for (let attempt = 1; ; attempt++) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(video, x, y, width, height, 0, 0, canvas.width, canvas.height);
    const encoded = encoding && encode(canvas, encoding.type, encoding.quality);
    if (drawn(ctx)) return encoded;
    encoded?.catch(() => {});
    if (attempt === tries) throw new NoPictureError();
    await nextFrame(video);
  }
}

/**
 * Whether anything was drawn, from the alpha of the canvas's middle pixel, read from the canvas
 * itself (no copy). A video frame is opaque, and a canvas starts transparent, so a failed draw
 * leaves alpha 0 everywhere; a dark scene is opaque black and counts as drawn. (WebKit's failed
 * draws were transparent all over, never opaque black or in part: 0 of 480 draws, in a canvas
 * with alpha or without; black is no sign of failure.)
 */
function drawn(ctx: ReturnType<typeof context>) {
  const {width, height} = ctx.canvas;
  return ctx.getImageData(width >> 1, height >> 1, 1, 1).data[3] > 0;
}

/**
 * The video's next frame, or 100 ms, whichever comes first. WebKitGTK offers
 * requestVideoFrameCallback but never called it in the tests here (35 of 35 waits of 2 s).
 */
function nextFrame(video: HTMLVideoElement) {
  return new Promise<void>(resolve => {
    const timer = setTimeout(done, 100);
    const id = 'requestVideoFrameCallback' in video ? video.requestVideoFrameCallback(done) : undefined;
    function done() {
      clearTimeout(timer);
      if (id !== undefined) video.cancelVideoFrameCallback(id);
      resolve();
    }
  });
}
