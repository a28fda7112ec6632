// In-page generation of photo-like test images. Seeded, so every run compresses the same pixels.
// (.ts: the dev server compiles it; only src/ has .js names for .ts files)
import {withExifThumbnail} from '../test/helpers/image-bytes.ts';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sky and ground gradients, a sun, a few shapes: the smooth part of a photo. */
function drawScene(ctx, width, height, rand) {
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#3a6fb0');
  sky.addColorStop(0.55, '#bcd6ee');
  sky.addColorStop(0.56, '#6b8f3e');
  sky.addColorStop(1, '#2f4a1c');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  const s = Math.min(width, height);
  const sun = ctx.createRadialGradient(width * 0.75, height * 0.2, 0, width * 0.75, height * 0.2, s * 0.25);
  sun.addColorStop(0, 'rgba(255,240,200,1)');
  sun.addColorStop(1, 'rgba(255,240,200,0)');
  ctx.fillStyle = sun;
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 12; i++) {
    const hue = Math.floor(rand() * 360);
    ctx.fillStyle = `hsl(${hue} ${30 + rand() * 50}% ${25 + rand() * 50}%)`;
    ctx.beginPath();
    if (i % 2) ctx.ellipse(rand() * width, height * (0.4 + rand() * 0.6), s * (0.03 + rand() * 0.12), s * (0.03 + rand() * 0.12), rand() * Math.PI, 0, 2 * Math.PI);
    else ctx.rect(rand() * width, height * (0.3 + rand() * 0.6), s * (0.05 + rand() * 0.2), s * (0.05 + rand() * 0.3));
    ctx.fill();
  }
}

/**
 * A photo-like JPEG (quality 0.95): scene plus per-pixel sensor noise, which is what makes
 * JPEG encoding and decoding do real work.
 */
export async function photoJpeg(width, height, seed = 1) {
  const rand = prng(seed);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  drawScene(ctx, width, height, rand);
  const img = ctx.getImageData(0, 0, width, height);
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const luma = (rand() - 0.5) * 24; // shared: sensor noise is mostly luminance
    d[i] += luma + (rand() - 0.5) * 8;
    d[i + 1] += luma + (rand() - 0.5) * 8;
    d[i + 2] += luma + (rand() - 0.5) * 8;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.convertToBlob({type: 'image/jpeg', quality: 0.95});
}

/**
 * Cheap 12 MP gallery images: the scene and a tiled noise overlay are drawn once; each file
 * only repaints a small label, then encodes (quality 0.85). With `exifThumbnail`, each carries
 * a 160×120 EXIF thumbnail (quality 0.8), as phones' photos do.
 */
export function galleryMaker(width = 4000, height = 3000, seed = 7, {exifThumbnail = false} = {}) {
  const rand = prng(seed);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  drawScene(ctx, width, height, rand);
  const tile = new OffscreenCanvas(256, 256);
  const tctx = tile.getContext('2d');
  const noise = tctx.createImageData(256, 256);
  for (let i = 0; i < noise.data.length; i += 4) {
    noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = rand() * 255;
    noise.data[i + 3] = 40;
  }
  tctx.putImageData(noise, 0, 0);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(0, 0, width, height);
  return async index => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(80, 80, 1400, 360);
    ctx.fillStyle = '#222';
    ctx.font = 'bold 280px sans-serif';
    ctx.fillText(`#${index}`, 120, 380);
    const jpeg = await canvas.convertToBlob({type: 'image/jpeg', quality: 0.85});
    if (!exifThumbnail) return jpeg;
    const small = new OffscreenCanvas(160, 120);
    const sctx = small.getContext('2d');
    sctx.imageSmoothingQuality = 'high';
    sctx.drawImage(canvas, 0, 0, 160, 120);
    // As a phone's camera writes it: big-endian, after the JFIF segment.
    return withExifThumbnail(jpeg, await small.convertToBlob({type: 'image/jpeg', quality: 0.8}), {bigEndian: true, afterJfif: true});
  };
}

/** Width and height from a JPEG's SOF marker: reads the header only, no decode. */
export async function jpegSize(blob) {
  const b = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    const length = (b[i + 2] << 8) | b[i + 3];
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8]};
    }
    i += 2 + length;
  }
  return undefined;
}

/**
 * A huge photo-like JPEG: the scene, a tiled noise overlay of opacity `noise` (0–255, which
 * sets how many bytes a pixel costs), and a label, so that files of one size still differ.
 */
export async function hugeJpeg({width, height, noise, quality, label = ''}) {
  const rand = prng(width ^ height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  drawScene(ctx, width, height, rand);
  const tile = new OffscreenCanvas(509, 509); // a prime: the pattern does not line up with 8×8 blocks
  const tctx = tile.getContext('2d');
  const pixels = tctx.createImageData(509, 509);
  for (let i = 0; i < pixels.data.length; i += 4) {
    pixels.data[i] = rand() * 255;
    pixels.data[i + 1] = rand() * 255;
    pixels.data[i + 2] = rand() * 255;
    pixels.data[i + 3] = noise;
  }
  tctx.putImageData(pixels, 0, 0);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.font = `bold ${Math.round(height / 12)}px sans-serif`;
  ctx.fillText(label, width / 20, height / 8);
  return canvas.convertToBlob({type: 'image/jpeg', quality});
}
