// What an image's header says before anything is decoded: its type (by signature), size with
// the EXIF orientation applied, whether it may have transparency and whether it is animated.
// The decoder uses the size to decode no larger than needed. Where the engines' own decoders
// read a file otherwise than its header suggests (several EXIF segments, a GIF frame larger
// than its screen), they are followed; where they differ from each other, the header says so
// and the decode has the last word (see decode.ts).
import {readHeifLayout} from './heic/heif-layout.js';
import {sniffType} from './sniff.js';
import {isSrgbProfile} from './srgb-profile.js';

// What getImageInfo reads of a HEIC or AVIF beside the header, from the same chunk.
export {heifOrientation, readHeifLayout} from './heic/heif-layout.js';

export interface Header {
  /** MIME type by signature; '' when the bytes are no image type we know. */
  type: string;
  /** Size as displayed (EXIF orientation applied); 0 when the header does not say. */
  width: number;
  height: number;
  /** EXIF orientation 1..8 of a JPEG, as Chromium reads it (1 when absent, and for every other type). */
  orientation: number;
  /**
   * False for a JPEG whose orientation Chromium, Firefox and WebKit read differently (their
   * rules part only on files with several APP1 segments): only a decode shows how this engine
   * turns it. True for every other file.
   */
  orientationAgreed: boolean;
  /** The format and header allow transparent pixels (they may still all be opaque). */
  alpha: boolean;
  animated: boolean;
  /**
   * A JPEG's EXIF thumbnail (IFD1): its byte range in the file and its size in stored pixels
   * (shown with `orientation`, as the photo is). Absent when there is none.
   */
  embedded?: Embedded;
  /**
   * A JPEG's ICC profile segment (its byte range in the file) when the profile is sRGB, which
   * every engine assumes of an untagged JPEG: a decoder may leave it out (see srgb-profile.ts).
   */
  srgbProfile?: {start: number; end: number};
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
  const base: Header = {type, width: 0, height: 0, orientation: 1, orientationAgreed: true, alpha: false, animated: false};
  switch (type) {
    case 'image/jpeg':
      return {...base, ...(await jpeg(blob, b))};
    case 'image/png':
      return {...base, ...png(b)};
    case 'image/gif':
      return {...base, ...(await gif(blob)), alpha: true};
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

/** What one APP1 segment holds, as the engines' rules weigh it. */
interface App1 {
  /** It starts "Exif" (an XMP packet is APP1 too). */
  exif: boolean;
  /** The Orientation entry of IFD0 stored as one SHORT, as every engine requires; absent otherwise. */
  orientation?: number;
  thumbnail?: Embedded;
}

/** An orientation value as the engines take it: 1..8, anything else is 1. */
const valid = (o: number | undefined) => (o !== undefined && o >= 1 && o <= 8 ? o : 1);

/**
 * The orientation each engine reads from a JPEG's APP1 segments, as measured against their
 * <img> (test/image-as-shown.test.ts): Chromium, the first Exif segment; Firefox, the first
 * APP1 segment if it is Exif; WebKit, the first Exif segment with an Orientation SHORT.
 */
function orientations(app1: App1[]): [chromium: number, firefox: number, webkit: number] {
  const exif = app1.filter(a => a.exif);
  return [valid(exif[0]?.orientation), app1[0]?.exif ? valid(app1[0].orientation) : 1, valid(exif.find(a => a.orientation !== undefined)?.orientation)];
}

/**
 * Size (SOF) and orientation (EXIF APP1) of a JPEG. Segments are walked by their lengths up to
 * the scan, as the engines' decoders read them (an EXIF segment after the frame header still
 * counts), so large APP segments (ICC profiles, embedded previews) are skipped without being read.
 */
async function jpeg(blob: Blob, head: Uint8Array): Promise<Partial<Header>> {
  let b = head;
  let base = 0; // file offset of b[0]
  let stored: [number, number] | undefined;
  const app1: App1[] = [];
  const profiles: {start: number; end: number; srgb: boolean}[] = [];
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
    if (marker === 0xda || marker === 0xd9) break; // the scan (SOS) or the end (EOI): no engine reads on
    const length = u16be(b, i + 2);
    if (marker === 0xe1) {
      const exif = ascii(b, i + 4, 4) === 'Exif';
      if (exif && i + 2 + length > b.length) {
        base = at;
        b = await bytesOf(blob, at, at + 2 + length);
      }
      const j = at - base;
      const found = exif ? readExif(b, j + 10, Math.min(b.length, j + 2 + length)) : {};
      const thumbnail = found.thumbnail && {...found.thumbnail, start: found.thumbnail.start + base, end: found.thumbnail.end + base};
      app1.push({exif, orientation: found.orientation, thumbnail});
    }
    if (marker === 0xe2 && ascii(b, i + 4, 12) === 'ICC_PROFILE\0') {
      if (i + 2 + length > b.length) {
        base = at;
        b = await bytesOf(blob, at, at + 2 + length);
      }
      const j = at - base;
      // One chunk of one: a profile split over several segments is left as it is.
      const whole = b[j + 16] === 1 && b[j + 17] === 1;
      profiles.push({start: at, end: at + 2 + length, srgb: whole && isSrgbProfile(b.subarray(j + 18, j + 2 + length))});
    }
    if (isSof(marker) && !stored) stored = [u16be(b, i + 7), u16be(b, i + 5)];
    at += 2 + length;
  }
  const read = orientations(app1);
  const orientation = read[0];
  const orientationAgreed = read.every(o => o === orientation);
  const embedded = app1.find(a => a.exif)?.thumbnail;
  const srgbProfile = profiles.length === 1 && profiles[0].srgb ? {start: profiles[0].start, end: profiles[0].end} : undefined;
  if (!stored) return {orientation, orientationAgreed};
  const [w, h] = stored;
  return {...(orientation >= 5 ? {width: h, height: w} : {width: w, height: h}), orientation, orientationAgreed, embedded, srgbProfile};
}

/** SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * From the TIFF structure at b[start..end): the Orientation tag (0x0112) of IFD0 where it is one
 * SHORT, and the JPEG thumbnail IFD1 points to (0x0201 offset, 0x0202 length), with the size its
 * own SOF gives, as offsets into b. A thumbnail that is not a whole JPEG inside the segment is
 * left out; a TIFF header that is neither "II*\0" nor "MM\0*" holds nothing.
 */
function readExif(b: Uint8Array, start: number, end: number): {orientation?: number; thumbnail?: Embedded} {
  const little = b[start] === 0x49;
  const tiff = little ? [0x49, 0x49, 42, 0] : [0x4d, 0x4d, 0, 42];
  if (start + 8 > end || tiff.some((v, k) => b[start + k] !== v)) return {};
  const u16 = (o: number) => (little ? u16le(b, o) : u16be(b, o));
  const u32 = (o: number) => (little ? u16(o) + u16(o + 2) * 65536 : u16(o) * 65536 + u16(o + 2));
  /**
   * The entries of the IFD at TIFF offset `offset` (tag → value or offset; the Orientation only
   * where it is one SHORT, as the engines read it), and the next IFD's offset.
   */
  const ifd = (offset: number) => {
    const tags = new Map<number, number>();
    const at = start + offset;
    if (offset < 8 || at + 2 > end) return {tags, next: 0};
    let e = at + 2;
    for (let n = u16(at); n > 0 && e + 12 <= end; n--, e += 12) {
      const [tag, short] = [u16(e), u16(e + 2) === 3];
      if (tag === 0x0112 && !(short && u32(e + 4) === 1)) continue;
      // SHORT values sit in the first two bytes of the value field; LONG ones fill it.
      tags.set(tag, short ? u16(e + 8) : u32(e + 8));
    }
    return {tags, next: e + 4 <= end ? u32(e) : 0};
  };
  const ifd0 = ifd(u32(start + 4));
  const orientation = ifd0.tags.get(0x0112);
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
 * A GIF's size and whether it has more than one image. Walks the block structure (extensions and
 * image descriptors with their sub-blocks), stopping at the second image. The size is the
 * logical screen's, or the first image's where that does not fit in the screen: what Firefox and
 * WebKit show (Chromium shows the union of both, which its decode then tells).
 */
async function gif(blob: Blob): Promise<Partial<Header>> {
  const b = new Uint8Array(await blob.arrayBuffer());
  const table = (flags: number) => (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0);
  const skipSubBlocks = (at: number) => {
    while (at < b.length && b[at] !== 0) at += b[at] + 1;
    return at + 1;
  };
  let [width, height] = [u16le(b, 6), u16le(b, 8)];
  let images = 0;
  for (let at = 13 + table(b[10]); at < b.length; ) {
    if (b[at] === 0x21) at = skipSubBlocks(at + 2);
    else if (b[at] === 0x2c) {
      if (++images > 1) return {width, height, animated: true};
      const [x, y, w, h] = [u16le(b, at + 1), u16le(b, at + 3), u16le(b, at + 5), u16le(b, at + 7)];
      if (x + w > width || y + h > height) [width, height] = [w, h];
      at = skipSubBlocks(at + 10 + table(b[at + 9]) + 1); // + LZW minimum code size
    } else break; // trailer (0x3B) or damage
  }
  return {width, height, animated: false};
}
