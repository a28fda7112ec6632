import {expect} from '@open-wc/testing';
import {compress, fitWithin} from '../src/internal/compress.js';
import {imageSize, isAnimatedGif, processImage} from '../src/internal/image.js';
import {useMainThread} from '../src/internal/worker-client.js';
import {revokeTempFiles} from '../src/index.js';
import {toResult} from '../src/temp-files.js';
import {asFile, makeImage} from './helpers/index.js';
import {animatedGif, withExifOrientation} from './helpers/image-bytes.js';

const target = {maxSize: 1920, quality: 0.8};
const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

async function pixel(blob: Blob, x: number, y: number) {
  const bitmap = await createImageBitmap(blob);
  const c = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data];
}

describe('image pipeline', () => {
  afterEach(() => useMainThread(false));

  it('should fit the long edge within maxSize and never upscale', () => {
    expect(fitWithin(4032, 3024, 1920)).to.deep.equal([1920, 1440]);
    expect(fitWithin(3024, 4032, 1920)).to.deep.equal([1440, 1920]);
    expect(fitWithin(800, 600, 1920)).to.deep.equal([800, 600]);
    expect(fitWithin(10000, 10, 1920)).to.deep.equal([1920, 2]);
  });

  it('should turn an EXIF orientation 6 JPEG upright, width and height swapped', async () => {
    const rotated = asFile(await withExifOrientation(await makeImage(400, 200), 6), 'rotated.jpg');
    const compressed = await processImage(rotated, 'compressed', {maxSize: 1920, quality: 0.8});
    expect([compressed.width, compressed.height]).to.deep.equal([200, 400]);
    const decoded = await createImageBitmap(compressed.file, {imageOrientation: 'none'});
    expect([decoded.width, decoded.height]).to.deep.equal([200, 400]); // upright in the pixels
    const original = await processImage(rotated, 'original', target);
    expect([original.width, original.height]).to.deep.equal([200, 400]);
    expect(await bytes(original.file)).to.deep.equal(await bytes(rotated));
  });

  it('should turn a large EXIF orientation 6 JPEG upright when it is decoded to scale', async () => {
    // 4032 wide: decoded at 4/8 by ImageDecoder where available, the orientation from the frame
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
    expect(out.file.name).to.match(/^IMG_\d{8}_\d{6}_\d+\.jpg$/);
    expect(out.file.size).to.be.lessThan(big.size);
    const decoded = await createImageBitmap(out.file);
    expect([decoded.width, decoded.height]).to.deep.equal([1920, 1440]);
  });

  it('should honour compress options', async () => {
    const big = asFile(await makeImage(1600, 1200, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const small = await processImage(big, 'compressed', {maxSize: 400, quality: 0.5});
    expect([small.width, small.height]).to.deep.equal([400, 300]);
  });

  it('should return the input itself when the JPEG would not be smaller', async () => {
    const tiny = asFile(await makeImage(300, 200, 'image/jpeg', {quality: 0.2}), 'tiny.jpg');
    const out = await processImage(tiny, 'compressed', target);
    expect(out.file).to.equal(tiny);
    expect([out.width, out.height]).to.deep.equal([300, 200]);
  });

  it('should flatten a transparent PNG on white', async () => {
    const png = asFile(await makeImage(600, 400, 'image/png', {alpha: true}), 'cut-out.png');
    const out = await processImage(png, 'compressed', target);
    expect(out.type).to.equal('image/jpeg');
    const [r, g, b] = await pixel(out.file, 2, 2); // a transparent corner
    expect(Math.min(r, g, b)).to.be.greaterThan(245);
  });

  it('should return an animated GIF untouched', async () => {
    const gif = animatedGif();
    expect(await isAnimatedGif(gif)).to.equal(true);
    const out = await processImage(gif, 'compressed', target);
    expect(out.file).to.equal(gif);
    expect(out).to.include({type: 'image/gif', width: 1, height: 1});
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

  it('should reject data that does not decode', async () => {
    const broken = new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], 'x.jpg', {type: 'image/jpeg'});
    const error = await compress(broken, target).catch(e => e);
    expect(error).to.be.instanceOf(Error);
    const sizeError = await imageSize(broken).catch(e => e);
    expect(sizeError.name).to.equal('EncodingError');
  });

  it('should keep size equal to file.size and make revoked URLs unusable', async () => {
    const a = asFile(await makeImage(100, 100), 'a.jpg');
    const b = asFile(await makeImage(120, 100), 'b.jpg');
    const result = toResult([
      {file: a, type: a.type, width: 100, height: 100},
      {file: b, type: b.type, width: 120, height: 100},
    ]);
    expect(result.tempFiles.map(f => f.size)).to.deep.equal([a.size, b.size]);
    expect(result.tempFilePaths).to.deep.equal(result.tempFiles.map(f => f.path));
    const loads = (url: string) => fetch(url).then(() => true, () => false);
    expect(await loads(result.tempFilePaths[0])).to.equal(true);
    revokeTempFiles([result.tempFilePaths[0]]);
    expect(await loads(result.tempFilePaths[0])).to.equal(false);
    expect(await loads(result.tempFilePaths[1])).to.equal(true);
    revokeTempFiles();
    expect(await loads(result.tempFilePaths[1])).to.equal(false);
  });
});
