// The "compressed" size type: always within maxSize, orientation applied, JPEG except that a
// PNG or WebP with transparency stays in its own format; the input itself only where it fits
// and re-encoding would not be smaller; an animated image over the limit becomes its first frame.
import {expect} from '@open-wc/testing';
import {compress} from '../../src/image/compress.js';
import {fitWithin} from '../../src/image/info.js';
import {processImage} from '../../src/image/pipeline.js';
import {useMainThread} from '../../src/image/worker-client.js';
import {asFile, makeImage, paint} from '../helpers/index.js';
import {animatedGif, withExifOrientation} from '../helpers/image-bytes.js';

const target = {maxSize: 1920, quality: 0.8};
const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const fixture = async (name: string, type: string) => asFile(new Blob([await (await fetch(`/test/fixtures/${name}`)).arrayBuffer()], {type}), name);

async function pixel(blob: Blob, x: number, y: number) {
  const bitmap = await createImageBitmap(blob);
  const c = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data];
}

describe('compress', () => {
  afterEach(() => useMainThread(false));

  it('should fit the long edge within maxSize and never upscale', () => {
    expect(fitWithin(4032, 3024, 1920)).to.deep.equal([1920, 1440]);
    expect(fitWithin(3024, 4032, 1920)).to.deep.equal([1440, 1920]);
    expect(fitWithin(800, 600, 1920)).to.deep.equal([800, 600]);
    expect(fitWithin(10000, 10, 1920)).to.deep.equal([1920, 2]);
  });

  it('should turn an EXIF orientation 6 JPEG upright, width and height swapped', async () => {
    const rotated = asFile(await withExifOrientation(await makeImage(400, 200), 6), 'rotated.jpg');
    const compressed = await processImage(rotated, 'compressed', target);
    expect([compressed.width, compressed.height]).to.deep.equal([200, 400]);
    const decoded = await createImageBitmap(compressed.file, {imageOrientation: 'none'});
    expect([decoded.width, decoded.height]).to.deep.equal([200, 400]); // upright in the pixels
    const original = await processImage(rotated, 'original', target);
    expect([original.width, original.height]).to.deep.equal([200, 400]);
    expect(await bytes(original.file)).to.deep.equal(await bytes(rotated));
  });

  it('should turn a large EXIF orientation 6 JPEG upright when it is decoded to scale', async () => {
    const photo = await makeImage(4032, 3024, 'image/jpeg', {quality: 0.95});
    const rotated = asFile(await withExifOrientation(photo, 6), 'rotated.jpg');
    const out = await compress(rotated, target);
    expect([out.width, out.height]).to.deep.equal([1440, 1920]);
    const upright = await createImageBitmap(photo);
    const c = new OffscreenCanvas(1440, 1920);
    const ctx = c.getContext('2d')!;
    ctx.translate(1440, 0);
    ctx.rotate(Math.PI / 2); // orientation 6: 90° clockwise
    ctx.drawImage(upright, 0, 0, 1920, 1440);
    const expected = await c.convertToBlob();
    for (const [x, y] of [[40, 40], [1400, 40], [40, 1880], [1400, 1880], [720, 960]]) {
      const [a, b] = [await pixel(out.blob, x, y), await pixel(expected, x, y)];
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]))), `at ${x},${y}`).to.be.lessThan(40);
    }
  });

  it('should cap the long edge at 1920 and encode JPEG', async () => {
    const big = asFile(await makeImage(4032, 3024, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const out = await processImage(big, 'compressed', target);
    expect(out).to.include({width: 1920, height: 1440, type: 'image/jpeg'});
    expect(out.file.name, 'a made file, numbered when a result lists it (file-name.ts)').to.equal('IMG.jpg');
    expect(out.file.size).to.be.lessThan(big.size);
    const decoded = await createImageBitmap(out.file);
    expect([decoded.width, decoded.height]).to.deep.equal([1920, 1440]);
  });

  it('should honour compress options', async () => {
    const big = asFile(await makeImage(1600, 1200, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const small = await processImage(big, 'compressed', {maxSize: 400, quality: 0.5});
    expect([small.width, small.height]).to.deep.equal([400, 300]);
  });

  it('should return the input itself when it fits and the JPEG would not be smaller', async () => {
    const tiny = asFile(await makeImage(300, 200, 'image/jpeg', {quality: 0.2}), 'tiny.jpg');
    const out = await processImage(tiny, 'compressed', target);
    expect(out.file).to.equal(tiny);
    expect([out.width, out.height]).to.deep.equal([300, 200]);
  });

  it('should shrink a PNG diagram over the limit even when its JPEG is larger than the PNG', async () => {
    const png = await fixture('diagram-8000x6000.png', 'image/png'); // 13 kB
    const out = await processImage(png, 'compressed', target);
    expect(out).to.include({width: 1920, height: 1440, type: 'image/jpeg'});
    expect(out.file.size, 'larger than the tiny PNG, and still returned').to.be.greaterThan(png.size);
  });

  it('should keep a transparent PNG a PNG, resized, with its transparency', async () => {
    const png = asFile(await paint(3000, 2000, {alpha: true}).convertToBlob({type: 'image/png'}), 'cut-out.png');
    const out = await processImage(png, 'compressed', target);
    expect(out).to.include({width: 1920, height: 1280, type: 'image/png'});
    expect((await pixel(out.file, 2, 2))[3], 'a transparent corner').to.equal(0);
    expect((await pixel(out.file, 1400, 640))[3], 'the opaque box').to.equal(255);
  });

  it('should keep a transparent WebP in its own format (PNG where the engine cannot encode WebP)', async () => {
    const webp = await fixture('cut-out-3000x2000.webp', 'image/webp');
    const out = await processImage(webp, 'compressed', target);
    expect([out.width, out.height]).to.deep.equal([1920, 1280]);
    const probe = new OffscreenCanvas(1, 1);
    probe.getContext('2d');
    const encodesWebp = (await probe.convertToBlob({type: 'image/webp'})).type === 'image/webp';
    expect(out.type).to.equal(encodesWebp ? 'image/webp' : 'image/png');
    expect((await pixel(out.file, 2, 2))[3], 'a transparent corner').to.be.lessThan(10);
  });

  it('should make a PNG whose pixels are all opaque a JPEG', async () => {
    const png = asFile(await paint(3000, 2000).convertToBlob({type: 'image/png'}), 'opaque.png');
    const out = await processImage(png, 'compressed', target);
    expect(out).to.include({width: 1920, height: 1280, type: 'image/jpeg'});
  });

  it('should make an opaque WebP, an AVIF and a 16-bit PNG over the limit JPEGs within it', async () => {
    const webp = await fixture('photo-3000x2000.webp', 'image/webp');
    const avif = await fixture('wide.avif', 'image/avif'); // 2400×1600
    const deep = await fixture('deep-16bit.png', 'image/png'); // 2400×1600, 16 bits per channel
    for (const input of [webp, avif, deep]) {
      const out = await processImage(input, 'compressed', target);
      expect(out, input.name).to.include({width: 1920, height: 1280, type: 'image/jpeg'});
      const decoded = await createImageBitmap(out.file);
      expect([decoded.width, decoded.height], input.name).to.deep.equal([1920, 1280]);
    }
  });

  it('should make an animated GIF over the limit its first frame, and return one that fits untouched', async () => {
    const small = animatedGif();
    const kept = await processImage(small, 'compressed', target);
    expect(kept.file).to.equal(small);
    expect(kept).to.include({type: 'image/gif', width: 1, height: 1});

    const big = animatedGif(4000, 4000);
    const out = await processImage(big, 'compressed', target);
    expect(out).to.include({width: 1920, height: 1920, type: 'image/jpeg'}); // one frame, a still
  });

  it('should flatten transparency on white when the output is a JPEG (a transparent GIF)', async () => {
    const gif = animatedGif(3000, 3000); // one red pixel; the rest of the screen transparent
    const out = await processImage(gif, 'compressed', target);
    expect(out.type).to.equal('image/jpeg');
    const [r, g, b] = await pixel(out.file, 1000, 1000);
    expect(Math.min(r, g, b)).to.be.greaterThan(245);
  });

  it('should give the same result in the worker and on the main thread', async () => {
    const photo = await makeImage(3000, 2000, 'image/jpeg', {quality: 0.95});
    const inWorker = await processImage(photo, 'compressed', target);
    useMainThread(true);
    const onMain = await processImage(photo, 'compressed', target);
    expect([inWorker.width, inWorker.height]).to.deep.equal([onMain.width, onMain.height]);
    expect([inWorker.width, inWorker.height]).to.deep.equal([1920, 1280]);
    expect(Math.abs(inWorker.file.size - onMain.file.size) / onMain.file.size).to.be.lessThan(0.02);
  });

  it('should reject data that does not decode, for either size', async () => {
    const broken = new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], 'x.jpg', {type: 'image/jpeg'});
    expect(await compress(broken, target).catch(e => e)).to.be.instanceOf(Error);
    expect(await processImage(broken, 'compressed', target).catch(e => e)).to.be.instanceOf(Error);
    expect(await processImage(broken, 'original', target).catch(e => e)).to.be.instanceOf(Error);
  });
});
