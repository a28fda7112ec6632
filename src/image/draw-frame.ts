// Draws a video's current frame into a canvas and makes sure a picture landed there: WebKit
// under load sometimes draws nothing, and a photo of nothing is a wrong image, never a success.
import {context, makeCanvas, type Canvas} from './canvas.js';
import type {Region} from '../controllers/camera-controller.js';

/** The camera's frame drew as nothing, every try: the sheet stays on the camera for another tap. */
export class NoPictureError extends DOMException {
  constructor() {
    super('the camera gave no picture', 'InvalidStateError');
  }
}

/**
 * Draws `region` of the video's frame over all of `canvas` (which must have alpha: see drawn()).
 * WebKitGTK 2.50 beside a busy loop drew nothing for about one draw in nine (105 of 960, in a
 * canvas with alpha or without; Chromium and Firefox 0 of 480), then encoded that as an all-black
 * JPEG; a draw a frame later nearly always worked. So a draw that left nothing is tried again on
 * the next frame, a few times, and then refused.
 */
export async function drawFrame(video: HTMLVideoElement, {x, y, width, height}: Region, canvas: Canvas, tries = 6) {
  const ctx = context(canvas);
  ctx.imageSmoothingQuality = 'high';
  for (let attempt = 1; ; attempt++) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(video, x, y, width, height, 0, 0, canvas.width, canvas.height);
    if (drawn(canvas)) return;
    if (attempt === tries) throw new NoPictureError();
    await nextFrame(video);
  }
}

/**
 * Whether anything was drawn, from the alpha of a 4×4 copy. A video frame is opaque, and a canvas
 * starts transparent, so a failed draw leaves alpha 0 everywhere; a dark scene is opaque black and
 * counts as drawn. (WebKit's failed draws were transparent, never opaque black: 0 of 480 draws,
 * in a canvas with alpha or without; black is no sign of failure.)
 */
function drawn(canvas: Canvas) {
  const copy = context(makeCanvas(4, 4));
  copy.drawImage(canvas, 0, 0, 4, 4);
  const pixels = copy.getImageData(0, 0, 4, 4).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
  return false;
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
