// The small JPEG a camera keeps in a photo's EXIF (IFD1, usually 160×120, a few kB): a tile can
// show it as soon as the header is read, as native pickers do, while the photo itself decodes
// (a 12 MP JPEG's scaled decode still reads every byte; this reads 64 kB).
import {readHeader} from './header.js';

/** An EXIF thumbnail to show as the photo is shown: its bytes, and the photo's EXIF orientation. */
export interface EmbeddedThumbnail {
  blob: Blob;
  orientation: number;
}

/** How far the thumbnail's shape may be from the photo's (rounding of 160×120 and the like). */
const SHAPE_TOLERANCE = 0.03;

/**
 * The EXIF thumbnail of `file`, if it has one of the photo's own shape; undefined otherwise.
 * A thumbnail of another shape is left out: an editor that cropped the photo may have kept the
 * old one, and some cameras letterbox it (black bars). So is one of a photo the engines turn
 * differently (see Header.orientationAgreed): it would be shown turned otherwise than the photo.
 */
export async function embeddedThumbnail(file: Blob): Promise<EmbeddedThumbnail | undefined> {
  const head = await readHeader(file);
  const e = head.embedded;
  if (!e || !e.width || !e.height || !head.width || !head.height || !head.orientationAgreed) return undefined;
  const [w, h] = head.orientation >= 5 ? [e.height, e.width] : [e.width, e.height];
  const shape = head.width / head.height;
  if (Math.abs(w / h - shape) > SHAPE_TOLERANCE * shape) return undefined;
  return {blob: file.slice(e.start, e.end, 'image/jpeg'), orientation: head.orientation};
}
