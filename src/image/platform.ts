// What this engine's image decoders can do, found by feature tests in one place. Runs in the
// worker and on the main thread alike.
//
// - Chromium: WebCodecs ImageDecoder decodes a JPEG at n/8 of its size (the decoder's scaled
//   IDCT), and the frame carries the EXIF orientation as VideoFrame.rotation/flip, which
//   drawImage applies.
// - Firefox: ImageDecoder applies the orientation to the pixels itself and scales to exactly the
//   size asked for (no VideoFrame.rotation); its createImageBitmap rejects some JPEGs whose EXIF
//   segment comes before JFIF, which ImageDecoder decodes.
// - WebKit: no ImageDecoder; createImageBitmap with resizeWidth/resizeHeight.

/** How ImageDecoder treats a JPEG's orientation here, or 'none' where it is not usable. */
export type JpegDecoder = 'rotation' | 'oriented' | 'none';

let jpegDecoder: Promise<JpegDecoder> | undefined;

/** Which ImageDecoder path this engine has for JPEG (tested once). */
export function jpegDecoderKind(): Promise<JpegDecoder> {
  return (jpegDecoder ??= probeJpegDecoder().catch(() => 'none' as const));
}

async function probeJpegDecoder(): Promise<JpegDecoder> {
  if (typeof ImageDecoder === 'undefined' || !(await ImageDecoder.isTypeSupported('image/jpeg'))) return 'none';
  if (typeof VideoFrame !== 'undefined' && 'rotation' in VideoFrame.prototype) return 'rotation';
  // No rotation on the frame: usable only if the decoder turns the pixels upright itself. A 2×1
  // JPEG marked "rotate 90°" must come out 1×2.
  const decoder = new ImageDecoder({data: await rotatedPixel(), type: 'image/jpeg'});
  try {
    const {image} = await decoder.decode();
    const upright = image.displayWidth === 1 && image.displayHeight === 2;
    image.close();
    return upright ? 'oriented' : 'none';
  } finally {
    decoder.close();
  }
}

/** A 2×1 JPEG with EXIF orientation 6, made here (no image data in the bundle). */
async function rotatedPixel(): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(2, 1);
  canvas.getContext('2d')!.fillRect(0, 0, 1, 1);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({type: 'image/jpeg'})).arrayBuffer());
  // APP1 "Exif\0\0", big-endian TIFF with one IFD0 entry: Orientation (0x0112) SHORT = 6.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 1, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const app1 = [0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out.buffer;
}
