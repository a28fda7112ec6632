// my.getImageInfo: size as stored, EXIF orientation and type, from the header alone; paths from a
// real pick, the page's own blob: URLs, data: URLs and http(s) URLs (same origin and another, with
// and without CORS); code 13 saying why a path cannot be read.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {my, revokeTempFiles, type ChooseImageError} from '../../src/index.js';
import {recordJobs} from '../../src/image/scheduler.js';
import {heicFile} from '../helpers/heic.js';
import {animatedGif, withExifOrientation} from '../helpers/image-bytes.js';
import {asFile, dataUrlOf, failure, makeImage, pickedPath, recordDecodes, recorder, writeFiles} from '../helpers/index.js';

const names = ['up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'];

/** A 3×2 24-bit BMP (BITMAPINFOHEADER), written by hand: no engine encodes BMP. */
function bmp(width = 3, height = 2): Blob {
  const row = Math.ceil((width * 3) / 4) * 4;
  const b = new DataView(new ArrayBuffer(54 + row * height));
  b.setUint16(0, 0x424d);
  b.setUint32(2, b.byteLength, true);
  b.setUint32(10, 54, true);
  b.setUint32(14, 40, true);
  b.setInt32(18, width, true);
  b.setInt32(22, height, true);
  b.setUint16(26, 1, true);
  b.setUint16(28, 24, true);
  return new Blob([b.buffer], {type: 'image/bmp'});
}

const blobUrl = (blob: Blob) => URL.createObjectURL(blob);

describe('my.getImageInfo', () => {
  it('should read a picked 12 MP photo\'s stored size, orientation and type from its header, decoding nothing', async () => {
    // 4000×3000 as stored, EXIF orientation 6: shown 3000×4000, reported as stored, as Alipay does.
    const photo = asFile(await withExifOrientation(await makeImage(4000, 3000), 6), 'IMG_0001.jpg');
    const apFilePaths = [await pickedPath(photo)];
    const decodes = recordDecodes();
    const jobs = recordJobs();
    try {
      const rec = recorder();
      const info = await my.getImageInfo({src: apFilePaths[0], ...rec});
      expect(info).to.deep.equal({width: 4000, height: 3000, path: apFilePaths[0], orientation: 'right', type: 'jpg'});
      expect(rec.calls).to.deep.equal(['success', 'complete']);
      expect(rec.args[0]).to.equal(info);
      expect(decodes.calls, 'decodes on the main thread').to.have.length(0);
      expect(jobs.jobs.map(j => j.label), 'jobs for the worker').to.deep.equal([]);
    } finally {
      decodes.restore();
      jobs.stop();
      revokeTempFiles(apFilePaths);
    }
  });

  it('should name all eight EXIF orientations', async () => {
    const jpeg = await makeImage(30, 20);
    for (let o = 1; o <= 8; o++) {
      const src = blobUrl(await withExifOrientation(jpeg, o));
      const info = await my.getImageInfo({src});
      expect([info.orientation, info.width, info.height], `orientation ${o}`).to.deep.equal([names[o - 1], 30, 20]);
      URL.revokeObjectURL(src);
    }
  });

  it('should tell PNG, GIF, WebP, BMP and AVIF by their bytes, whatever the name or Content-Type says', async () => {
    const cases: Array<[Blob, string, number, number]> = [
      [new Blob([await makeImage(64, 48, 'image/png')], {type: 'image/jpeg'}), 'png', 64, 48],
      [animatedGif(40, 30), 'gif', 40, 30],
      // A stored WebP: WebKit cannot encode one.
      [await (await fetch('/test/fixtures/photo-3000x2000.webp')).blob(), 'webp', 3000, 2000],
      [bmp(), 'bmp', 3, 2],
      [await (await fetch('/test/fixtures/wide.avif')).blob(), 'avif', 0, 0],
    ];
    for (const [blob, type, width, height] of cases) {
      const src = blobUrl(blob);
      const info = await my.getImageInfo({src});
      expect(info.type, type).to.equal(type);
      expect(info.orientation).to.equal('up');
      if (width) expect([info.width, info.height], type).to.deep.equal([width, height]);
      else expect(info.width * info.height, `${type} has a size`).to.be.greaterThan(0);
      URL.revokeObjectURL(src);
    }
  });

  it('should read a HEIC\'s stored size, rotation and mirroring from its boxes', async () => {
    // rotated.heic: 2400×1800 stored, irot a quarter turn anticlockwise (EXIF 8). mirrored.heic:
    // 400×300, imir left to right, as an iPhone's front camera writes it (EXIF 2).
    const expected = {rotated: [2400, 1800, 'left'], mirrored: [400, 300, 'up-mirrored'], upright: [400, 300, 'up']} as const;
    for (const [name, [width, height, orientation]] of Object.entries(expected)) {
      const src = blobUrl(await heicFile(name as keyof typeof expected));
      const jobs = recordJobs();
      const info = await my.getImageInfo({src});
      jobs.stop();
      expect(info, name).to.deep.equal({width, height, orientation, type: 'heic', path: src});
      expect(jobs.jobs, `${name}: nothing decoded`).to.have.length(0);
      URL.revokeObjectURL(src);
    }
  });

  it('should keep a data: path as given', async () => {
    const png = await makeImage(5, 4, 'image/png');
    const src = await dataUrlOf(png);
    expect(await my.getImageInfo({src})).to.deep.equal({width: 5, height: 4, path: src, orientation: 'up', type: 'png'});
  });

  it('should fetch an http(s) image into a new blob: path that revokeTempFiles() releases', async () => {
    const src = new URL('/test/fixtures/photo-3000x2000.webp', location.href).href;
    const {origin} = await executeServerCommand<{origin: string}, undefined>('upload-server');
    for (const url of [src, `${origin}/image?cors=1`]) {
      const info = await my.getImageInfo({src: url});
      expect(info.path).to.match(/^blob:/);
      expect((await (await fetch(info.path)).blob()).size).to.be.greaterThan(0);
      revokeTempFiles([info.path]);
      expect((await failure(fetch(info.path))) instanceof TypeError, 'revoked').to.equal(true);
    }
  });

  it('should fail with 13 saying why a path cannot be read: revoked, 404, CORS, no server', async () => {
    const {origin, refused} = await executeServerCommand<{origin: string; refused: string}, undefined>('upload-server');
    const revoked = blobUrl(await makeImage(4, 4));
    URL.revokeObjectURL(revoked);
    const cases: Array<[string, string]> = [
      [revoked, 'revoked'],
      ['/test/fixtures/no-such-file.jpg', 'HTTP 404'],
      [`${origin}/image?cors=0`, 'CORS'],
      [`${refused}/image`, 'could not be reached'],
      ['data:image/png;base64,%%%', 'data: URL'],
    ];
    for (const [src, reason] of cases) {
      const rec = recorder();
      const err = await failure(my.getImageInfo({src, ...rec}));
      expect(err.error, src).to.equal(13);
      expect(err.errorMessage, src).to.contain('无法读取文件').and.contain(reason);
      expect(rec.calls).to.deep.equal(['fail', 'complete']);
    }
  });

  it('should fail with 3 for bytes that are no image, and 13 for a picked file deleted since', async () => {
    const src = blobUrl(new Blob(['just text, not an image'], {type: 'image/png'}));
    const err = (await failure(my.getImageInfo({src}))) as ChooseImageError;
    expect(err.error).to.equal(3);
    expect(err.errorMessage).to.contain('no image');

    // A picked original deleted from disk after the pick: its path can no longer be read.
    const [path] = await writeFiles([asFile(await makeImage(40, 30), 'gone.jpg')]);
    const apFilePaths = [await pickedPath(path)];
    await executeServerCommand('delete-file', {path});
    const gone = await failure(my.getImageInfo({src: apFilePaths[0]}));
    expect(gone.error).to.equal(13);
    expect(gone.errorMessage).to.contain('can no longer be read');
    revokeTempFiles(apFilePaths);
  });
});
