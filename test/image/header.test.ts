// What the header says before any decode: the type by signature (not by name), the size with
// the EXIF orientation applied, transparency and animation.
import {expect} from '@open-wc/testing';
import {readHeader} from '../../src/image/header.js';
import {sniffType} from '../../src/image/sniff.js';
import {makeImage, paint} from '../helpers/index.js';
import {animatedGif, exifSegment, stillGif, withExifOrientation, withExifThumbnail, withSegments} from '../helpers/image-bytes.js';

const fixture = async (name: string) => new Blob([await (await fetch(`/test/fixtures/${name}`)).arrayBuffer()]);
const start = async (b: Blob) => new Uint8Array(await b.slice(0, 64).arrayBuffer());

/** A 3×2 BMP (24 bits, bottom-up), written here: no engine encodes BMP. */
function bmp(): Blob {
  const row = 12; // 3 pixels × 3 bytes, padded to 4
  const b = new Uint8Array(54 + row * 2);
  const v = new DataView(b.buffer);
  b.set([0x42, 0x4d]);
  v.setUint32(2, b.length, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true); // BITMAPINFOHEADER
  v.setInt32(18, 3, true);
  v.setInt32(22, 2, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  return new Blob([b]);
}

describe('image header', () => {
  it('should tell the type from the first bytes, whatever the name or the declared type says', async () => {
    const typeless = (b: Blob) => new Blob([b]);
    const cases: Array<[string, Blob]> = [
      ['image/jpeg', typeless(await makeImage(8, 8, 'image/jpeg'))],
      ['image/png', typeless(await makeImage(8, 8, 'image/png'))],
      ['image/webp', await fixture('photo-3000x2000.webp')], // a file: WebKit cannot encode WebP
      ['image/gif', new File([animatedGif()], 'photo.jpg', {type: 'image/jpeg'})],
      ['image/avif', await fixture('wide.avif')],
      ['image/heic', await fixture('small.heic')],
      ['image/bmp', bmp()],
      ['', new Blob(['BM is not a bitmap, just text'])],
      ['', new Blob(['hello'])],
      ['', new Blob([])],
    ];
    for (const [type, blob] of cases) expect(sniffType(await start(blob)), type || 'not an image').to.equal(type);
  });

  it('should read the size, orientation applied, of JPEG, PNG, GIF, WebP and BMP', async () => {
    const jpeg6 = await withExifOrientation(await makeImage(400, 200), 6);
    expect(await readHeader(jpeg6)).to.include({type: 'image/jpeg', width: 200, height: 400, orientation: 6, alpha: false, animated: false});
    expect(await readHeader(await makeImage(300, 100, 'image/png'))).to.include({type: 'image/png', width: 300, height: 100});
    expect(await readHeader(animatedGif(640, 480))).to.include({type: 'image/gif', width: 640, height: 480, animated: true});
    expect(await readHeader(await fixture('photo-3000x2000.webp'))).to.include({type: 'image/webp', width: 3000, height: 2000, alpha: false});
    expect(await readHeader(await fixture('cut-out-3000x2000.webp'))).to.include({type: 'image/webp', width: 3000, height: 2000, alpha: true});
    expect(await readHeader(bmp())).to.include({type: 'image/bmp', width: 3, height: 2});
    // AVIF and HEIC: the decoder finds the size
    expect(await readHeader(await fixture('wide.avif'))).to.include({type: 'image/avif', width: 0, height: 0, animated: false});
  });

  it('should find a JPEG size behind large header segments', async () => {
    const jpeg = new Uint8Array(await (await makeImage(640, 480)).arrayBuffer());
    const big = 60000; // an APP2 segment (an ICC profile, say) larger than the first read
    const app2 = new Uint8Array(big + 4);
    app2.set([0xff, 0xe2, (big + 2) >> 8, (big + 2) & 0xff]);
    const blob = new Blob([jpeg.subarray(0, 2), app2, app2, jpeg.subarray(2)]);
    expect(await readHeader(blob)).to.include({width: 640, height: 480});
  });

  it("should find a JPEG's EXIF thumbnail: where its bytes are and its size, behind a segment larger than the first read", async () => {
    const thumbnail = await makeImage(160, 120);
    const photo = await withExifThumbnail(await makeImage(1600, 1200), thumbnail, {orientation: 6});
    const head = await readHeader(photo);
    expect(head).to.include({width: 1200, height: 1600, orientation: 6});
    expect(head.embedded).to.include({width: 160, height: 120, end: head.embedded!.start + thumbnail.size});
    const bytes = async (b: Blob) => [...new Uint8Array(await b.arrayBuffer())];
    expect(await bytes(photo.slice(head.embedded!.start, head.embedded!.end))).to.deep.equal(await bytes(thumbnail));
    // 70 kB of other segments (two APP2) before it: beyond the first 64 kB read
    const jpeg = new Uint8Array(await photo.arrayBuffer());
    const segment = (length: number) => {
      const b = new Uint8Array(length);
      b.set([0xff, 0xe2, (length - 2) >> 8, (length - 2) & 0xff]);
      return b;
    };
    const far = new Blob([jpeg.subarray(0, 2), segment(65536), segment(4462), jpeg.subarray(2)]);
    const farHead = await readHeader(far);
    expect(await bytes(far.slice(farHead.embedded!.start, farHead.embedded!.end))).to.deep.equal(await bytes(thumbnail));
    // EXIF with no IFD1, and no EXIF at all
    expect((await readHeader(await withExifOrientation(await makeImage(40, 30), 3))).embedded).to.equal(undefined);
    expect((await readHeader(await makeImage(40, 30))).embedded).to.equal(undefined);
  });

  it("should read a JPEG's orientation as the engines do, and say where they read it differently", async () => {
    const jpeg = await makeImage(400, 200);
    const read = async (segments: Uint8Array[], afterSof = false) => {
      const {width, height, orientation, orientationAgreed} = await readHeader(await withSegments(jpeg, segments, {afterSof}));
      return {width, height, orientation, orientationAgreed};
    };
    const turned = {width: 200, height: 400, orientation: 6, orientationAgreed: true};
    const upright = {width: 400, height: 200, orientation: 1, orientationAgreed: true};
    expect(await read([exifSegment(1), exifSegment(6)]), 'the first Exif segment counts').to.deep.equal(upright);
    expect(await read([exifSegment(6)], true), 'after the frame header too').to.deep.equal(turned);
    expect(await read([exifSegment(6, {type: 4})]), 'a LONG is ignored').to.deep.equal(upright);
    expect(await read([exifSegment(6, {count: 2})]), 'so is a count of 2').to.deep.equal(upright);
    expect(await read([exifSegment(9), exifSegment(6)]), 'and a value out of range').to.deep.equal(upright);
    // WebKit reads on past an Orientation it cannot use; Firefox reads the first APP1 segment only.
    expect(await read([exifSegment(3, {type: 4}), exifSegment(6)])).to.deep.equal({...upright, orientationAgreed: false});
    const xmp = new Uint8Array([0xff, 0xe1, 0, 6, 0x68, 0x74, 0x74, 0x70]); // "http…", as XMP starts
    expect(await read([xmp, exifSegment(6)])).to.deep.equal({...turned, orientationAgreed: false});
    expect(await read([exifSegment(6), xmp]), 'an XMP packet after the Exif one, as editors write it').to.deep.equal(turned);
  });

  it("should size a GIF by its first frame where that does not fit in the screen", async () => {
    const blue = () => 1;
    expect(await readHeader(stillGif({width: 10, height: 10}, {width: 40, height: 20}, blue))).to.include({width: 40, height: 20, animated: false});
    expect(await readHeader(stillGif({width: 50, height: 30}, {x: 5, y: 5, width: 40, height: 20}, blue))).to.include({width: 50, height: 30});
  });

  it('should say which images may be transparent and which are animated', async () => {
    expect((await readHeader(await paint(10, 10, {alpha: true}).convertToBlob({type: 'image/png'}))).alpha).to.equal(true);
    expect((await readHeader(await fixture('deep-16bit.png'))).alpha).to.equal(false);
    expect((await readHeader(animatedGif())).animated).to.equal(true);
    const still = new Uint8Array(await animatedGif().arrayBuffer());
    // the same GIF cut after its first frame (and a trailer): one image, not animated
    const oneFrame = new Blob([still.subarray(0, still.length - 24), new Uint8Array([0x3b])]);
    expect((await readHeader(oneFrame)).animated).to.equal(false);
  });
});
