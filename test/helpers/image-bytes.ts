// Image bytes the browser cannot make itself: an EXIF orientation tag, an animated GIF.

/** The JPEG with an APP1 Exif segment saying `orientation` inserted after its SOI marker. */
export const withExifOrientation = async (jpeg: Blob, orientation: number) => withSegments(jpeg, [exifSegment(orientation)]);

/**
 * The JPEG with an APP1 Exif segment, as cameras write it: IFD0 with `orientation`, IFD1
 * pointing to `thumbnail` (a small JPEG). Little-endian TIFF after the SOI marker unless asked
 * otherwise (big-endian is what exifSegment writes, so both byte orders are read
 * somewhere); the bench's phone photos put a big-endian one after the JFIF segment.
 */
export async function withExifThumbnail(
  jpeg: Blob,
  thumbnail: Blob,
  {orientation = 1, bigEndian = false, afterJfif = false} = {}
): Promise<Blob> {
  const src = new Uint8Array(await jpeg.arrayBuffer());
  const t = new Uint8Array(await thumbnail.arrayBuffer());
  const tiff = new Uint8Array(68 + t.length);
  const v = new DataView(tiff.buffer);
  const little = !bigEndian;
  tiff.set(little ? [0x49, 0x49, 42, 0, 8, 0, 0, 0] : [0x4d, 0x4d, 0, 42, 0, 0, 0, 8]); // IFD0 at 8
  const entry = (at: number, tag: number, type: number, value: number) => {
    v.setUint16(at, tag, little);
    v.setUint16(at + 2, type, little);
    v.setUint32(at + 4, 1, little);
    if (type === 3) v.setUint16(at + 8, value, little);
    else v.setUint32(at + 8, value, little);
  };
  v.setUint16(8, 1, little);
  entry(10, 0x0112, 3, orientation);
  v.setUint32(22, 26, little); // IFD1 at 26
  v.setUint16(26, 3, little);
  entry(28, 0x0103, 3, 6); // Compression: JPEG
  entry(40, 0x0201, 4, 68); // JPEGInterchangeFormat: the thumbnail's TIFF offset
  entry(52, 0x0202, 4, t.length); // JPEGInterchangeFormatLength
  // (no IFD2: the next-IFD offset at 64 stays 0)
  tiff.set(t, 68);
  const length = 2 + 6 + tiff.length;
  if (length > 0xffff) throw new Error('EXIF thumbnail too large for one APP1 segment');
  const at = afterJfif && src[2] === 0xff && src[3] === 0xe0 ? 4 + ((src[4] << 8) | src[5]) : 2;
  // One contiguous buffer, as a file read from disk is (see withSegments).
  const out = new Uint8Array(src.length + 2 + length);
  out.set(src.subarray(0, at));
  out.set([0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0], at);
  out.set(tiff, at + 10);
  out.set(src.subarray(at), at + 2 + length);
  return new Blob([out], {type: 'image/jpeg'});
}

/**
 * A GIF with two 1×1 red frames at the top-left corner of a `width`×`height` screen (the rest
 * transparent), looping: tiny even when its screen is huge.
 */
export function animatedGif(width = 1, height = 1): File {
  const frame = [0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00];
  const bytes = [
    ...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
    width & 0xff, width >> 8, height & 0xff, height >> 8, 0x80, 0, 0, // screen size, global colour table of 2
    0xff, 0, 0, 0, 0, 0xff, // red, blue
    ...[0x21, 0xff, 0x0b, ...'NETSCAPE2.0'.split('').map(c => c.charCodeAt(0)), 3, 1, 0, 0, 0],
    ...frame,
    ...frame,
    0x3b,
  ];
  return new File([new Uint8Array(bytes)], 'anim.gif', {type: 'image/gif'});
}

/** One APP1 Exif segment whose IFD0 holds only an Orientation entry, stored as asked (big-endian TIFF). */
export function exifSegment(orientation: number, {type = 3, count = 1} = {}): Uint8Array {
  const value = type === 3 ? [0, orientation, 0, 0] : [0, 0, 0, orientation]; // SHORT left-justified, LONG whole
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, type, 0, 0, 0, count, ...value, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  return new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
}

/**
 * The JPEG with `segments` inserted right after its SOI marker, or right after its frame header
 * (SOF, before the Huffman tables and the scan) with `afterSof`.
 */
export async function withSegments(jpeg: Blob, segments: Uint8Array[], {afterSof = false} = {}): Promise<Blob> {
  const src = new Uint8Array(await jpeg.arrayBuffer());
  let at = 2;
  if (afterSof) {
    while (!(src[at + 1] >= 0xc0 && src[at + 1] <= 0xc3)) at += 2 + ((src[at + 2] << 8) | src[at + 3]);
    at += 2 + ((src[at + 2] << 8) | src[at + 3]);
  }
  const added = segments.reduce((n, s) => n + s.length, 0);
  // One contiguous buffer, as a file read from disk is: Firefox's createImageBitmap cannot
  // decode a Blob made of parts whose first part is shorter than the JPEG signature.
  const out = new Uint8Array(src.length + added);
  out.set(src.subarray(0, at));
  let to = at;
  for (const s of segments) {
    out.set(s, to);
    to += s.length;
  }
  out.set(src.subarray(at), to);
  return new Blob([out], {type: 'image/jpeg'});
}

/**
 * A still GIF: one `frame` (its place and size) on a logical screen of `screen`, painted by
 * `colour(x, y)` → 0 red, 1 blue, 2 green, 3 white. Its LZW data starts over every two pixels,
 * so codes stay 3 bits wide: no compression, and no encoder needed.
 */
export function stillGif(screen: {width: number; height: number}, frame: {x?: number; y?: number; width: number; height: number}, colour: (x: number, y: number) => number): File {
  const codes: number[] = [];
  for (let i = 0; i < frame.width * frame.height; i++) {
    if (i % 2 === 0) codes.push(4); // clear
    codes.push(colour(i % frame.width, Math.floor(i / frame.width)));
  }
  codes.push(5); // end of information
  const data: number[] = [];
  let bits = 0;
  let n = 0;
  for (const code of codes) {
    bits |= code << n;
    n += 3;
    while (n >= 8) {
      data.push(bits & 0xff);
      bits >>= 8;
      n -= 8;
    }
  }
  if (n) data.push(bits & 0xff);
  const blocks: number[] = [];
  for (let i = 0; i < data.length; i += 255) blocks.push(Math.min(255, data.length - i), ...data.slice(i, i + 255));
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const bytes = [
    ...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
    ...u16(screen.width), ...u16(screen.height), 0x81, 0, 0, // global colour table of 4
    0xff, 0, 0, 0, 0, 0xff, 0, 0xff, 0, 0xff, 0xff, 0xff, // red, blue, green, white
    0x2c, ...u16(frame.x ?? 0), ...u16(frame.y ?? 0), ...u16(frame.width), ...u16(frame.height), 0,
    2, // LZW minimum code size
    ...blocks,
    0, // block terminator
    0x3b,
  ];
  return new File([new Uint8Array(bytes)], 'frame.gif', {type: 'image/gif'});
}
