// Shows an ImageBitmap in a <canvas> by handing it over (`bitmaprenderer`: no copy, no encode).
// A gallery tile shows its photo's thumbnail this way: the worker draws it and transfers the
// pixels, where a JPEG would be encoded there, given a blob: URL and decoded again by an <img>.
// The canvas then owns the pixels; they are let go as soon as the canvas leaves the template.
import {nothing, type ElementPart} from 'lit';
import {AsyncDirective, directive, PartType, type PartInfo} from 'lit/async-directive.js';

class BitmapCanvas extends AsyncDirective {
  private canvas?: HTMLCanvasElement;
  private shown?: ImageBitmap;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('bitmapCanvas() goes on a <canvas> element');
  }

  render(_bitmap: ImageBitmap) {
    return nothing;
  }

  override update(part: ElementPart, [bitmap]: [ImageBitmap]) {
    this.canvas = part.element as HTMLCanvasElement;
    // Handed over once: the bitmap is empty afterwards (width 0), the canvas keeps the picture.
    if (bitmap !== this.shown && bitmap.width) {
      this.shown = bitmap;
      this.canvas.width = bitmap.width;
      this.canvas.height = bitmap.height;
      this.canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
    }
    return nothing;
  }

  // Removed from the template (the thumbnail let go) or the sheet left the page: the pixels go
  // now, not when the element is collected. Not when the sheet is only moved (disconnected and
  // connected again in the same task): the bitmap is gone, the canvas is the only copy.
  protected override disconnected() {
    queueMicrotask(() => {
      if (this.isConnected || !this.canvas) return;
      this.canvas.width = this.canvas.height = 0;
      this.shown = undefined;
    });
  }
}

/** `<canvas ${bitmapCanvas(bitmap)}>`: the canvas shows `bitmap`, which it takes over. */
export const bitmapCanvas = directive(BitmapCanvas);
