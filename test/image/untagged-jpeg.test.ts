// The gallery's thumbnails lose the sRGB ICC profile an engine's encoder writes into them, and
// not one pixel changes: an untagged JPEG is sRGB to every engine.
import {expect} from '@open-wc/testing';
import {untaggedJpeg} from '../../src/image/untagged-jpeg.js';
import {makeImage} from '../helpers/index.js';
import {exifSegment, withSegments} from '../helpers/image-bytes.js';

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const hasProfile = async (blob: Blob) => new TextDecoder('latin1').decode(await bytes(blob)).includes('ICC_PROFILE');

async function pixels(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height).data;
}

/** An APP2 ICC_PROFILE segment (chunk `n` of 2) with `size` bytes of profile after its header. */
function iccSegment(n: number, size: number) {
  const body = [...'ICC_PROFILE\0'].map(c => c.charCodeAt(0)).concat([n, 2], Array<number>(size).fill(n));
  return new Uint8Array([0xff, 0xe2, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
}

describe('untaggedJpeg', () => {
  it("should drop the profile this engine's encoder writes (if it writes one) and show the same pixels", async () => {
    const made = await makeImage(96, 96, 'image/jpeg', {seed: 5});
    const untagged = await untaggedJpeg(made);
    expect(await hasProfile(untagged), 'a profile left').to.equal(false);
    expect(untagged.type).to.equal('image/jpeg');
    const [before, after] = [await pixels(made), await pixels(untagged)];
    expect(after.length).to.equal(before.length);
    expect(after.every((v, i) => v === before[i]), 'the same pixels').to.equal(true);
  });

  it('should drop every ICC segment and keep the others (EXIF), and give an untagged JPEG back as it is', async () => {
    const plain = await untaggedJpeg(await makeImage(64, 48, 'image/jpeg', {seed: 2}));
    expect((await untaggedJpeg(plain)) === plain, "the same blob").to.equal(true);
    const tagged = await withSegments(plain, [iccSegment(1, 300), exifSegment(6), iccSegment(2, 200)]);
    const untagged = await untaggedJpeg(tagged);
    expect(await hasProfile(untagged)).to.equal(false);
    expect(untagged.size).to.equal(tagged.size - 2 * (4 + 14) - 300 - 200);
    const exif = exifSegment(6);
    expect([...(await bytes(untagged)).subarray(2, 2 + exif.length)]).to.deep.equal([...exif]);
    const bitmap = await createImageBitmap(untagged, {imageOrientation: 'from-image'});
    expect([bitmap.width, bitmap.height], 'turned by its EXIF').to.deep.equal([48, 64]);
    bitmap.close();
  });
});
