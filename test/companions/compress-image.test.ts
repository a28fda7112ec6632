// my.compressImage: the `compressed` pipeline and worker on paths the page has, at Alipay's five
// levels; new paths registered for revokeTempFiles().
import {expect} from '@open-wc/testing';
import {my, revokeTempFiles} from '../../src/index.js';
import {COMPRESS_LEVELS, networkLevel} from '../../src/companions/compress-image.js';
import {recordJobs} from '../../src/image/scheduler.js';
import {asFile, dataUrlOf, failure, makeImage, pickedPath, recordDecodes, recorder} from '../helpers/index.js';

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const sizeOf = (url: string) =>
  new Promise<[number, number]>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
    img.onerror = reject;
    img.src = url;
  });

describe('my.compressImage', () => {
  afterEach(() => revokeTempFiles());

  it('should make each level\'s size in the worker, smaller level by level, and 3 the bytes as they are', async () => {
    const photo = asFile(await makeImage(4000, 3000, 'image/jpeg', {quality: 0.95}), 'IMG_0002.jpg');
    const path = await pickedPath(photo);
    const sizes: number[] = [];
    for (const level of [0, 1, 2] as const) {
      const decodes = recordDecodes();
      const jobs = recordJobs();
      const rec = recorder();
      const result = await my.compressImage({apFilePaths: [path], compressLevel: level, ...rec});
      decodes.restore();
      jobs.stop();
      expect(rec.calls).to.deep.equal(['success', 'complete']);
      const [file] = result.tempFiles;
      const {maxSize} = COMPRESS_LEVELS[level];
      expect([file.width, file.height], `level ${level}`).to.deep.equal([maxSize, (maxSize * 3) / 4]);
      expect(await sizeOf(result.apFilePaths[0])).to.deep.equal([maxSize, (maxSize * 3) / 4]);
      expect(result.tempFilePaths).to.deep.equal(result.apFilePaths);
      expect(result.apFilePaths[0]).to.not.equal(path);
      expect(file.type).to.equal('image/jpeg');
      expect(jobs.jobs.map(j => j.label)).to.deep.equal(['compress IMG_0002.jpg']);
      // Off the main thread wherever a worker runs (all three engines here).
      expect(decodes.calls, 'decodes on the main thread').to.have.length(0);
      sizes.push(file.size);
    }
    expect(sizes[0]).to.be.lessThan(sizes[1]);
    expect(sizes[1]).to.be.lessThan(sizes[2]);
    expect(sizes[2]).to.be.lessThan(photo.size);

    const none = await my.compressImage({apFilePaths: [path], compressLevel: 3});
    expect(await bytes(none.tempFiles[0].file)).to.deep.equal(await bytes(photo));
    expect(none.apFilePaths[0]).to.not.equal(path);
  });

  it('should take filePaths, http(s) and data: paths, and keep their order', async () => {
    const png = await makeImage(3000, 1000, 'image/png');
    const dataUrl = await dataUrlOf(png);
    const http = new URL('/test/fixtures/photo-3000x2000.webp', location.href).href;
    const result = await my.compressImage({filePaths: [http, dataUrl], compressLevel: 1});
    expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([
      [1920, 1280],
      [1920, 640],
    ]);
  });

  it('should adapt level 4 to the network where the browser tells it, else compress as level 1', async () => {
    const connection = (navigator as {connection?: {effectiveType?: string; saveData?: boolean}}).connection;
    const expected = COMPRESS_LEVELS[connection ? networkLevel(connection) : 1].maxSize;
    const src = URL.createObjectURL(await makeImage(3200, 2400));
    const result = await my.compressImage({apFilePaths: [src]});
    expect(result.tempFiles[0].width).to.equal(expected);
    URL.revokeObjectURL(src);
    // What each connection maps to: 4g high quality, 3g medium, 2g or Save-Data low.
    expect([{effectiveType: '4g'}, {effectiveType: '3g'}, {effectiveType: 'slow-2g'}, {effectiveType: '4g', saveData: true}, {}].map(c => networkLevel(c))).to.deep.equal([2, 1, 0, 0, 1]);
  });

  it('should release its paths with revokeTempFiles() and fail with 13 or 3 for paths it cannot use', async () => {
    const src = URL.createObjectURL(await makeImage(200, 100));
    const {apFilePaths} = await my.compressImage({apFilePaths: [src], compressLevel: 0});
    revokeTempFiles(apFilePaths);
    const gone = await failure(my.compressImage({apFilePaths}));
    expect(gone.error).to.equal(13);
    expect(gone.errorMessage).to.contain('revoked');
    const text = URL.createObjectURL(new Blob(['not an image'], {type: 'image/jpeg'}));
    const rec = recorder();
    const bad = await failure(my.compressImage({apFilePaths: [src, text], ...rec}));
    expect(bad.error).to.equal(3);
    expect(rec.calls).to.deep.equal(['fail', 'complete']);
    URL.revokeObjectURL(src);
    URL.revokeObjectURL(text);
  });
});
