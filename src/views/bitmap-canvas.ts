// Shows an ImageBitmap in a <canvas>: drawn once, then closed, so the canvas holds the only copy.
// A gallery tile shows its photo's thumbnail this way: the worker draws it and transfers the
// pixels, where a JPEG would be encoded there, given a blob: URL and decoded again by an <img>.
// Its EXIF thumbnail, shown until then, is drawn by the same canvas.
// The canvas's pixels are let go as soon as it leaves the template. A 2D draw, not a
// `bitmaprenderer` hand-over: that cost Firefox's main thread ~70 ms more over a first screen of
// 32 tiles (1.34× the decode floor against 1.21× for JPEG tiles), where the draw costs nothing
// measurable (1.22×, 1.32×) and Chromium is the same either way (1.46×, 1.49×).
import {nothing, type ElementPart} from 'lit';
import {AsyncDirective, directive, PartType, type PartInfo} from 'lit/async-directive.js';
import {whenRemoved} from '../internal/when-removed.js';

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
    // Drawn once: the bitmap is closed afterwards (width 0), the canvas keeps the picture.
    if (bitmap !== this.shown && bitmap.width) {
      this.shown = bitmap;
      this.canvas.width = bitmap.width;
      this.canvas.height = bitmap.height;
      this.canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      bitmap.close();
    }
    return nothing;
  }

  // Removed from the template (the thumbnail let go) or the sheet left the page: the pixels go
  // now, not when the element is collected. Not when the sheet is only moved: the bitmap is
  // gone, the canvas is the only copy.
  protected override disconnected() {
    const canvas = this.canvas;
    if (!canvas) return;
    whenRemoved(canvas, () => {
      canvas.width = canvas.height = 0;
      this.shown = undefined;
    });
  }
}

/** `<canvas ${bitmapCanvas(bitmap)}>`: the canvas shows `bitmap`, and closes it. */
export const bitmapCanvas = directive(BitmapCanvas);
