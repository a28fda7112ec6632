// The kit's idea of an image is the engine's: for files whose header can be read more than one
// way (EXIF orientation in two segments, after the frame header, stored as LONG or with count 2;
// a GIF frame larger than its screen), the size returned and the orientation of its pixels are
// what this engine's own <img> shows. And bytes that are no raster image (an SVG, which an <img>
// draws and which can carry a script) are never returned, in any engine.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, type ChooseImageError, type ChooseImageOptions, type ChooseImageResult} from '../src/index.js';
import {fitWithin} from '../src/image/info.js';
import {exifSegment, stillGif, withSegments} from './helpers/image-bytes.js';
import {chooseFiles, clickOn, items, openedSheet, part, pick} from './helpers/index.js';

/** A 400×200 JPEG, blue with a red top-left quarter: where the red lands tells how it was turned. */
async function redCornered() {
  const canvas = new OffscreenCanvas(400, 200);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#00f';
  ctx.fillRect(0, 0, 400, 200);
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 100, 50);
  return canvas.convertToBlob({type: 'image/jpeg', quality: 0.95});
}

/** An APP1 segment of another kind (XMP), which Firefox weighs as it does an Exif one. */
const xmpSegment = () => {
  const payload = [...'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'].map(c => c.charCodeAt(0));
  return new Uint8Array([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
};

/** Files the engines read otherwise than a naive header reader, each named for what it is. */
async function crafted(): Promise<File[]> {
  const jpeg = await redCornered();
  const red = (x: number, y: number) => (x < 100 && y < 50 ? 0 : 1);
  const named = (blob: Blob, name: string) => new File([blob], name, {type: blob.type, lastModified: 1_700_000_000_000});
  return [
    named(await withSegments(jpeg, [exifSegment(6)]), 'exif-6.jpg'), // the ordinary case, turned by every engine
    named(await withSegments(jpeg, [exifSegment(1), exifSegment(6)]), 'exif-1-then-6.jpg'),
    named(await withSegments(jpeg, [exifSegment(6)], {afterSof: true}), 'exif-after-sof.jpg'),
    named(await withSegments(jpeg, [exifSegment(6, {type: 4})]), 'exif-6-long.jpg'),
    named(await withSegments(jpeg, [exifSegment(6, {count: 2})]), 'exif-6-count-2.jpg'),
    // Where the engines part: WebKit looks on past an Orientation it cannot use; Firefox reads the first APP1 only.
    named(await withSegments(jpeg, [exifSegment(3, {type: 4}), exifSegment(6)]), 'exif-long-then-6.jpg'),
    named(await withSegments(jpeg, [xmpSegment(), exifSegment(6)]), 'xmp-then-exif-6.jpg'),
    named(stillGif({width: 10, height: 10}, {width: 400, height: 200}, red), 'frame-over-screen.gif'),
    // Chromium shows the union of screen and frame (400×300); Firefox and WebKit the frame.
    named(stillGif({width: 300, height: 300}, {width: 400, height: 200}, red), 'frame-wider-than-screen.gif'),
  ];
}

interface Shown {
  width: number;
  height: number;
  /** The corners that are red: tl, tr, bl, br. */
  red: string;
}

/** What this engine's <img> shows of `blob`. */
async function shownByImg(blob: Blob): Promise<Shown> {
  const img = new Image();
  img.src = URL.createObjectURL(blob);
  try {
    await img.decode();
    const [width, height] = [img.naturalWidth, img.naturalHeight];
    const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const isRed = (x: number, y: number) => {
      const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
      return r > 150 && g < 100 && b < 100;
    };
    const m = 3; // inside the red quarter even at 100 px wide
    const red = ['tl', 'tr', 'bl', 'br'].filter((_, i) => isRed(i % 2 ? width - 1 - m : m, i < 2 ? m : height - 1 - m)).join(',');
    return {width, height, red};
  } finally {
    URL.revokeObjectURL(img.src);
  }
}

describe('the image as the engine shows it', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet').forEach(el => el.remove()));

  const rounds: Array<[string, ChooseImageOptions, number]> = [
    ['original', {sizeType: ['original']}, Infinity],
    ['compressed', {sizeType: ['compressed']}, 1920],
    ['compressed to 100 px', {sizeType: ['compressed'], compress: {maxSize: 100}}, 100],
  ];
  for (const [label, options, maxSize] of rounds) {
    it(`should return each file at the size and turn this engine's <img> shows it (${label})`, async function () {
      this.timeout(60000);
      const files = await crafted();
      const expected = await Promise.all(
        files.map(async f => {
          const shown = await shownByImg(f);
          const [width, height] = fitWithin(shown.width, shown.height, maxSize);
          return {name: f.name, width, height, red: shown.red};
        })
      );
      const {pending, sheet} = await pick(files, {count: files.length, ...options});
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles, String((result as unknown as ChooseImageError).errorMessage)).to.have.length(files.length);
      const got = await Promise.all(
        result.tempFiles.map(async (f, i) => {
          const shown = await shownByImg(f.file);
          expect([shown.width, shown.height], `${files[i].name}: the file returned is shown at the size reported`).to.deep.equal([f.width, f.height]);
          return {name: files[i].name, width: f.width, height: f.height, red: shown.red};
        })
      );
      expect(got).to.deep.equal(expected);
    });
  }

  describe('bytes that are no raster image', () => {
    /** An SVG that runs a script where it is opened as a document (an iframe, a new tab). */
    const svg = () =>
      new File(['<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="red"/><script>parent.svgRan = true</script></svg>'], 'drawing.svg', {
        type: 'image/svg+xml',
      });

    it('should show an SVG picked beside a photo as unusable, saying so, and return the photo only', async () => {
      const photo = new File([await redCornered()], 'photo.jpg', {type: 'image/jpeg', lastModified: 1_700_000_000_000});
      for (const sizeType of ['original', 'compressed'] as const) {
        const {pending, sheet} = await pick([svg(), photo], {count: 2, sizeType: [sizeType]});
        await waitUntil(() => items(sheet)[0].getAttribute('aria-label') === 'drawing.svg，无法读取此图片', `${sizeType}: the SVG is not marked unusable`, {timeout: 10000});
        expect(items(sheet)[0].getAttribute('aria-pressed')).to.equal('false');
        await clickOn(part(sheet, 'confirm')!);
        const result = (await pending) as ChooseImageResult;
        expect(result.tempFiles.map(f => f.type), sizeType).to.deep.equal(['image/jpeg']);
        if (sizeType === 'original') expect(result.tempFiles[0].file.name).to.equal('photo.jpg');
      }
    });

    it('should never return an SVG picked alone (count 1), and say why', async () => {
      for (const sizeType of ['original', 'compressed'] as const) {
        const pending = chooseImage({sourceType: ['album', 'camera'], sizeType: [sizeType]}).then(
          r => r,
          e => e as ChooseImageError
        );
        const sheet = await openedSheet();
        await chooseFiles(part(sheet, 'action-album')!, [svg()]);
        const settled = await Promise.race([pending, waitUntil(() => part(sheet, 'message')?.textContent?.includes('无法读取'), 'no message', {timeout: 10000}).then(() => null)]);
        expect(settled && (settled as ChooseImageResult).tempFiles?.map(f => f.type), `${sizeType}: returned`).to.equal(null);
        expect(part(sheet, 'message')!.textContent).to.contain('drawing.svg，无法读取此图片');
        sheet.close();
        expect(((await pending) as ChooseImageError).error).to.equal(11);
      }
    });
  });
});
