// What an image's header says before anything is decoded: its type (by signature), size with
// the EXIF orientation applied, whether it may have transparency and whether it is animated.
// The decoder uses the size to decode no larger than needed.
import {readHeifLayout} from './heic/heif-layout.js';
import {sniffType} from './sniff.js';

export interface Header {
  /** MIME type by signature; '' when the bytes are no image type we know. */
  type: string;
  /** Size as displayed (EXIF orientation applied); 0 when the header does not say. */
  width: number;
  height: number;
  /** EXIF orientation 1..8 of a JPEG (1 when absent, and for every other type). */
  orientation: number;
  /** The format and header allow transparent pixels (they may still all be opaque). */
  alpha: boolean;
  animated: boolean;
  /**
   * A JPEG's EXIF thumbnail (IFD1): its byte range in the file and its size in stored pixels
   * (shown with `orientation`, as the photo is). Absent when there is none.
   */
  embedded?: Embedded;
}

export interface Embedded {
  start: number;
  end: number;
  width: number;
  height: number;
}

const HEAD = 64 * 1024;

const bytesOf = async (blob: Blob, start = 0, end = start + HEAD) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
const u16be = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u32be = (b: Uint8Array, o: number) => u16be(b, o) * 65536 + u16be(b, o + 2);
const u16le = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u24le = (b: Uint8Array, o: number) => u16le(b, o) + b[o + 2] * 65536;
const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

/** Reads the header of `blob`. Never decodes pixels; rejects only when the blob cannot be read. */
export async function readHeader(blob: Blob): Promise<Header> {
  const b = await bytesOf(blob);
  const type = sniffType(b);
  const base: Header = {type, width: 0, height: 0, orientation: 1, alpha: false, animated: false};
  switch (type) {
    case 'image/jpeg':
      return {...base, ...(await jpeg(blob, b))};
    case 'image/png':
      return {...base, ...png(b)};
    case 'image/gif':
      return {...base, width: u16le(b, 6), height: u16le(b, 8), alpha: true, animated: await gifAnimated(blob)};
    case 'image/webp':
      return {...base, ...webp(b)};
    case 'image/bmp': {
      const dib = u16le(b, 14);
      const int32 = (o: number) => new DataView(b.buffer, b.byteOffset + o, 4).getInt32(0, true);
      const [width, height] = dib === 12 ? [u16le(b, 18), u16le(b, 20)] : [int32(18), Math.abs(int32(22))];
      return {...base, width, height, alpha: dib > 40};
    }
    case 'image/heic':
    case 'image/heif': {
      // The primary image's size as shown (irot applied); its decoder finds it if the boxes do not say.
      const primary = readHeifLayout(b)?.primary;
      return {...base, width: primary?.width ?? 0, height: primary?.height ?? 0, alpha: true};
    }
    default:
      // AVIF and the unknown: the decoder finds the size. An AVIF sequence animates.
      return {...base, alpha: true, animated: type === 'image/avif' && ascii(b, 8, 4) === 'avis'};
  }
}

/**
 * Size (SOF) and orientation (EXIF APP1) of a JPEG. Segments are walked by their lengths, so
 * large APP segments (ICC profiles, embedded previews) are skipped without being read.
 */
async function jpeg(blob: Blob, head: Uint8Array): Promise<Partial<Header>> {
  let b = head;
  let base = 0; // file offset of b[0]
  let orientation = 1;
  let embedded: Embedded | undefined;
  for (let at = 2; at < blob.size; ) {
    if (at + 10 > base + b.length) {
      base = at;
      b = await bytesOf(blob, at);
      if (b.length < 4) break;
    }
    const i = at - base;
    if (b[i] !== 0xff) break;
    const marker = b[i + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16be(b, i + 2);
    if (marker === 0xe1 && ascii(b, i + 4, 4) === 'Exif') {
      if (i + 2 + length > b.length) {
        base = at;
        b = await bytesOf(blob, at, at + 2 + length);
      }
      const j = at - base;
      const exif = readExif(b, j + 10, Math.min(b.length, j + 2 + length));
      orientation = exif.orientation ?? orientation;
      if (exif.thumbnail) embedded = {...exif.thumbnail, start: exif.thumbnail.start + base, end: exif.thumbnail.end + base};
    }
    if (isSof(marker)) {
      const [h, w] = [u16be(b, i + 5), u16be(b, i + 7)];
      return orientation >= 5 ? {width: h, height: w, orientation, embedded} : {width: w, height: h, orientation, embedded};
    }
    at += 2 + length;
  }
  return {orientation};
}

/** SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * From the TIFF structure at b[start..end): the Orientation tag (0x0112) of IFD0, and the JPEG
 * thumbnail IFD1 points to (0x0201 offset, 0x0202 length), with the size its own SOF gives, as
 * offsets into b. A thumbnail that is not a whole JPEG inside the segment is left out.
 */
function readExif(b: Uint8Array, start: number, end: number): {orientation?: number; thumbnail?: Embedded} {
  const little = b[start] === 0x49;
  const u16 = (o: number) => (little ? u16le(b, o) : u16be(b, o));
  const u32 = (o: number) => (little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  /** The entries of the IFD at TIFF offset `offset` (tag → value or offset), and the next IFD's offset. */
  const ifd = (offset: number) => {
    const tags = new Map<number, number>();
    const at = start + offset;
    if (offset < 8 || at + 2 > end) return {tags, next: 0};
    let e = at + 2;
    for (let n = u16(at); n > 0 && e + 12 <= end; n--, e += 12) {
      // SHORT values sit in the first two bytes of the value field; LONG ones fill it.
      tags.set(u16(e), u16(e + 2) === 3 ? u16(e + 8) : u32(e + 8));
    }
    return {tags, next: e + 4 <= end ? u32(e) : 0};
  };
  const ifd0 = ifd(u32(start + 4));
  const o = ifd0.tags.get(0x0112);
  const orientation = o !== undefined && o >= 1 && o <= 8 ? o : undefined;
  const ifd1 = ifd(ifd0.next).tags;
  const [offset, length] = [ifd1.get(0x0201), ifd1.get(0x0202)];
  if (!offset || !length || start + offset + length > end) return {orientation};
  const [from, to] = [start + offset, start + offset + length];
  if (b[from] !== 0xff || b[from + 1] !== 0xd8) return {orientation};
  // Its size, from its SOF: segments walked by their lengths, inside the thumbnail's bytes.
  for (let at = from + 2; at + 9 < to && b[at] === 0xff; at += 2 + u16be(b, at + 2)) {
    if (isSof(b[at + 1])) return {orientation, thumbnail: {start: from, end: to, width: u16be(b, at + 7), height: u16be(b, at + 5)}};
  }
  return {orientation};
}

/** IHDR size; alpha from the colour type (4, 6) or a tRNS chunk; APNG by its acTL chunk. */
function png(b: Uint8Array): Partial<Header> {
  let alpha = b[25] === 4 || b[25] === 6;
  let animated = false;
  for (let at = 8; at + 8 <= b.length; ) {
    const name = ascii(b, at + 4, 4);
    if (name === 'IDAT') break; // acTL and tRNS come before the image data
    if (name === 'tRNS') alpha = true;
    if (name === 'acTL') animated = true;
    at += 12 + u32be(b, at);
  }
  return {width: u32be(b, 16), height: u32be(b, 20), alpha, animated};
}

/** Size, alpha and animation from the first chunk: VP8X (extended), VP8L (lossless) or VP8 (lossy). */
function webp(b: Uint8Array): Partial<Header> {
  switch (ascii(b, 12, 4)) {
    case 'VP8X':
      return {width: u24le(b, 24) + 1, height: u24le(b, 27) + 1, alpha: (b[20] & 0x10) !== 0, animated: (b[20] & 0x02) !== 0};
    case 'VP8L': {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      return {width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1, alpha: ((bits >> 28) & 1) === 1};
    }
    case 'VP8 ':
      return {width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff};
    default:
      return {alpha: true};
  }
}

/**
 * True for a GIF with more than one image. Walks the block structure (extensions and image
 * descriptors with their sub-blocks), stopping at the second image.
 */
async function gifAnimated(blob: Blob): Promise<boolean> {
  const b = new Uint8Array(await blob.arrayBuffer());
  const table = (flags: number) => (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0);
  const skipSubBlocks = (at: number) => {
    while (at < b.length && b[at] !== 0) at += b[at] + 1;
    return at + 1;
  };
  let images = 0;
  for (let at = 13 + table(b[10]); at < b.length; ) {
    if (b[at] === 0x21) at = skipSubBlocks(at + 2);
    else if (b[at] === 0x2c) {
      if (++images > 1) return true;
      at = skipSubBlocks(at + 10 + table(b[at + 9]) + 1); // + LZW minimum code size
    } else break; // trailer (0x3B) or damage
  }
  return false;
}
