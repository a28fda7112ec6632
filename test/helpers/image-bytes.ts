// Image bytes the browser cannot make itself: an EXIF orientation tag, an animated GIF.

/** The JPEG with an APP1 Exif segment saying `orientation` inserted after its SOI marker. */
export async function withExifOrientation(jpeg: Blob, orientation: number): Promise<Blob> {
  const src = new Uint8Array(await jpeg.arrayBuffer());
  // TIFF header (big endian), one IFD entry: 0x0112 Orientation, SHORT, count 1, value.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  // One contiguous buffer, as a file read from disk is: Firefox's createImageBitmap cannot
  // decode a Blob made of parts whose first part is shorter than the JPEG signature.
  const out = new Uint8Array(src.length + app1.length);
  out.set(src.subarray(0, 2));
  out.set(app1, 2);
  out.set(src.subarray(2), 2 + app1.length);
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
