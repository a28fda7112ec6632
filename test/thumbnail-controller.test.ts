// Gallery thumbnails and the work around them, through the real file chooser: one decode per
// photo at the scale it is needed, the compression of a chosen photo from the moment it is
// chosen, and thumbnails bounded on both edges.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, type ChooseImageError, type ChooseImageResult, type ChooseImageSheet} from '../src/index.js';
import {PIXEL_BUDGET, ThumbnailController} from '../src/controllers/thumbnail-controller.js';
import {Priority, recordJobs, schedule} from '../src/image/scheduler.js';
import {untaggedJpeg} from './helpers/icc-profile.js';
import {useMainThread} from '../src/image/worker-client.js';
import {withExifThumbnail} from './helpers/image-bytes.js';
import {asFile, chooseFiles, clickOn, makeImage, openedSheet, part, parts, recordDecodes, recordObjectUrls, setViewportSize, ownThumbOf, thumbOf, thumbShown, thumbSize} from './helpers/index.js';

const items = (el: ChooseImageSheet) => parts<HTMLButtonElement>(el, 'gallery-item');
const thumbsShown = (el: ChooseImageSheet) => items(el).every(i => ownThumbOf(i));

async function pick(files: File[], options: Parameters<typeof chooseImage>[0]) {
  const pending = chooseImage({sourceType: ['album', 'camera'], ...options}).then(
    r => r,
    e => e as ChooseImageError
  );
  const sheet = await openedSheet();
  await chooseFiles(part(sheet, 'action-album')!, files);
  await waitUntil(() => items(sheet).length === files.length, 'not every file reached the gallery', {timeout: 5000});
  return {pending, sheet};
}

// Untagged: recordDecodes() knows a decode's photo by its Blob, and where createImageBitmap
// decodes (WebKit) an sRGB-tagged photo is decoded from a Blob without its profile (decode.ts).
const photo = async (name: string, width = 4000, height = 3000, seed = 1) =>
  asFile(await untaggedJpeg(await makeImage(width, height, 'image/jpeg', {quality: 0.95, seed})), name);

describe('ThumbnailController', () => {
  afterEach(() => {
    useMainThread(false);
    document.querySelectorAll('choose-image-sheet').forEach(el => el.remove());
  });

  it('should decode each photo once for its thumbnail and each chosen one once more to compress it (every decode call counted)', async () => {
    // On the main thread, so that every call to the browser's decoders is seen.
    useMainThread(true);
    const files = await Promise.all([1, 2, 3, 4].map(i => photo(`once-${i}.jpg`, 1600 + 16 * i, 1200, i)));
    const decodes = recordDecodes();
    try {
      const {pending, sheet} = await pick(files, {count: 2, sizeType: ['compressed']});
      await waitUntil(() => thumbsShown(sheet), 'no thumbnails', {timeout: 10000});
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => f.type)).to.deep.equal(['image/jpeg', 'image/jpeg']);
      const counts = files.map(f => decodes.of(f.name).length);
      expect(counts, 'decodes per photo').to.deep.equal([2, 2, 1, 1]);
    } finally {
      decodes.restore();
    }
  });

  it('should start compressing a chosen photo before its thumbnail is done', async function () {
    this.timeout(20000);
    useMainThread(true);
    const file = await photo('early.jpg');
    const decodes = recordDecodes();
    try {
      // (count 2: count 1 shows the pick large, not as a thumbnail)
      const {pending, sheet} = await pick([file], {count: 2, sizeType: ['compressed']});
      await waitUntil(() => thumbsShown(sheet), 'no thumbnail', {timeout: 10000});
      // the thumbnail's decode is the smallest, the compression's the largest
      const sizes = decodes.of(file.name).sort((a, b) => (a.width ?? Infinity) - (b.width ?? Infinity));
      const [thumb, compression] = [sizes[0], sizes.at(-1)!];
      expect(compression, 'the compression decode').to.exist;
      expect(compression.start, 'compression started before the thumbnail was decoded').to.be.lessThan(thumb.end!);
      sheet.close();
      await pending;
    } finally {
      decodes.restore();
    }
  });

  it('should run one thumbnail job per photo and one compression per chosen photo in the worker, the compression first once confirmed', async function () {
    this.timeout(20000);
    const files = await Promise.all([1, 2, 3, 4, 5, 6].map(i => photo(`job-${i}.jpg`, 3000, 2000, i)));
    const record = recordJobs();
    try {
      const {pending, sheet} = await pick(files, {count: 3, sizeType: ['compressed']});
      let confirmedAt = Infinity;
      sheet.shadowRoot!.addEventListener('click', () => (confirmedAt = Math.min(confirmedAt, performance.now())), {capture: true});
      await clickOn(part(sheet, 'confirm')!); // at once, as a quick person would
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([[1920, 1280], [1920, 1280], [1920, 1280]]);
      // The call is over: thumbnails still waiting were dropped, those running finish.
      await waitUntil(() => record.jobs.every(j => j.ended || j.dropped), 'jobs unfinished', {timeout: 10000});
      const of = (kind: string, name: string) => record.jobs.filter(j => j.label === `${kind} ${name}`);
      for (const [i, f] of files.entries()) {
        expect(of('thumbnail', f.name).length, `thumbnails of ${f.name}`).to.equal(1);
        expect(of('compress', f.name).length, `compressions of ${f.name}`).to.equal(i < 3 ? 1 : 0);
      }
      // (those running when the call ended were stopped, with their worker)
      const ran = record.jobs.filter(j => j.ok);
      expect(ran.map(j => `${j.label}: ${j.decodes}`), 'one decoder call per job').to.deep.equal(ran.map(j => `${j.label}: 1`));
      // A compression still waiting when 完成 was pressed went before every thumbnail from then on.
      const late = record.jobs.filter(j => j.label.startsWith('compress') && j.started! > confirmedAt);
      expect(late.map(j => j.priority)).to.deep.equal(late.map(() => Priority.URGENT));
    } finally {
      record.stop();
    }
  });

  it('should start compressing a chosen photo in the worker before its thumbnail is done', async function () {
    this.timeout(20000);
    const file = await photo('early-worker.jpg');
    const record = recordJobs();
    try {
      const {pending, sheet} = await pick([file], {count: 2, sizeType: ['compressed']});
      await waitUntil(() => thumbsShown(sheet), 'no thumbnail', {timeout: 10000});
      const [thumb] = record.jobs.filter(j => j.label === `thumbnail ${file.name}`);
      const [compression] = record.jobs.filter(j => j.label === `compress ${file.name}`);
      expect(compression.started!, 'compression started before the thumbnail was done').to.be.lessThan(thumb.ended!);
      sheet.close();
      await pending;
    } finally {
      record.stop();
    }
  });

  it("should decode two photos at once again once the screen's EXIF thumbnails are read", async function () {
    // While the screen's EXIF thumbnails are read and shown, one decode runs at a time (the main
    // thread's share of two cores); a narrowing that did not end would leave one core idle.
    this.timeout(30000);
    const exif = await makeImage(160, 120);
    const files = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(async i => asFile(await withExifThumbnail(await untaggedJpeg(await makeImage(3000, 2000, 'image/jpeg', {quality: 0.95, seed: i})), exif), `wide-${i}.jpg`)));
    const record = recordJobs();
    try {
      const {pending, sheet} = await pick(files, {count: 2, sizeType: ['original']});
      await waitUntil(() => thumbsShown(sheet), 'not every thumbnail decoded', {timeout: 20000});
      const thumbs = record.jobs.filter(j => j.label.startsWith('thumbnail') && j.ok);
      expect(thumbs.length, 'one job per photo').to.equal(files.length);
      const most = Math.max(...thumbs.map(a => thumbs.filter(b => b.started! <= a.started! && a.started! < b.ended!).length));
      expect(most, 'decodes at once, at most').to.equal(2);
      sheet.close();
      await pending;
    } finally {
      record.stop();
    }
  });

  it("should show a photo's EXIF thumbnail, turned upright, until its own decode replaces it", async function () {
    this.timeout(20000);
    const file = asFile(await withExifThumbnail(await makeImage(1600, 1200, 'image/jpeg', {seed: 3}), await makeImage(160, 120), {orientation: 6}), 'exif-thumbnail.jpg');
    // Both places in the scheduler held by urgent work: no decode starts until they are let go.
    const holds = [0, 1].map(() => {
      let release!: () => void;
      const held = new Promise<void>(r => (release = r));
      schedule(() => held, {label: 'hold', priority: Priority.URGENT});
      return release;
    });
    const urls = recordObjectUrls();
    try {
      const {pending, sheet} = await pick([file], {count: 2, sizeType: ['compressed']});
      await waitUntil(() => thumbShown(items(sheet)[0]), 'no EXIF thumbnail shown', {timeout: 5000});
      const embedded = thumbOf(items(sheet)[0])!;
      expect(embedded.classList.contains('embedded'), 'the EXIF thumbnail').to.equal(true);
      expect(thumbSize(embedded)).to.deep.equal([160, 120]);
      // orientation 6: turned a quarter clockwise, as the photo is shown
      const m = new DOMMatrix(getComputedStyle(embedded).transform);
      expect([m.a, m.b, m.c, m.d].map(Math.round)).to.deep.equal([0, 1, -1, 0]);
      holds.forEach(release => release());
      await waitUntil(() => ownThumbOf(items(sheet)[0]), 'the decode did not replace it', {timeout: 10000});
      const own = ownThumbOf(items(sheet)[0])!;
      expect(own.width, 'the decoded thumbnail, cropped square').to.equal(own.height);
      expect(getComputedStyle(own).transform).to.equal('none');
      const tile = items(sheet)[0].closest('[part~="gallery-tile"]')!;
      expect(tile.querySelectorAll('canvas, img').length, 'one picture in the tile').to.equal(1);
      // Shown by an <img> (where it is not drawn, see the ThumbnailController): its URL is revoked.
      if (embedded instanceof HTMLImageElement) expect(await urls.alive(), 'the EXIF thumbnail released').to.not.include(embedded.src);
      sheet.close();
      await pending;
    } finally {
      holds.forEach(release => release());
      urls.restore();
    }
  });

  it('should show thumbnails of very tall images, bounded on both edges', async function () {
    this.timeout(20000);
    const files = [
      asFile(await makeImage(40, 30000, 'image/png'), 'tall-40.png'),
      asFile(await makeImage(100, 30000, 'image/jpeg'), 'tall-100.jpg'),
      asFile(await makeImage(200, 30000, 'image/jpeg'), 'tall-200.jpg'),
      asFile(await makeImage(30000, 120, 'image/jpeg'), 'wide-30000.jpg'),
    ];
    const {pending, sheet} = await pick(files, {count: 4, sizeType: ['original']});
    await waitUntil(() => thumbsShown(sheet), 'no thumbnails', {timeout: 10000});
    const tile = Math.ceil(parts(sheet, 'gallery-tile')[0].getBoundingClientRect().width * devicePixelRatio);
    for (const item of items(sheet)) {
      expect(item.getAttribute('aria-disabled'), item.getAttribute('aria-label')!).to.equal('false');
      const thumb = ownThumbOf(item)!;
      expect(Math.max(thumb.width, thumb.height), 'the thumbnail fits the tile').to.be.at.most(tile);
    }
    // never upscaled: the 40 px wide image stays 40 px wide, cropped to the tile's height
    const narrow = ownThumbOf(items(sheet)[0])!;
    expect([narrow.width, narrow.height]).to.deep.equal([40, tile]);
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([[40, 30000], [100, 30000], [200, 30000], [30000, 120]]);
  });

  it('should decode the thumbnails of tiles reached after the tiles changed size at their new size', async function () {
    this.timeout(60000);
    await setViewportSize(800, 600);
    try {
      const one = await makeImage(640, 480, 'image/jpeg', {quality: 0.8});
      const files = Array.from({length: 60}, (_, i) => asFile(one, `resized-${i}.jpg`));
      const {pending, sheet} = await pick(files, {count: 9, sizeType: ['original']});
      const tiles = () => parts(sheet, 'gallery-tile');
      const tilePx = () => Math.ceil(tiles()[0].getBoundingClientRect().width * devicePixelRatio);
      await waitUntil(() => ownThumbOf(items(sheet)[0]), 'no first thumbnail', {timeout: 10000});
      const before = tilePx();
      expect(ownThumbOf(items(sheet)[0])!.width, 'a thumbnail is as wide as its tile').to.equal(before);
      const last = items(sheet).at(-1)!;
      expect(ownThumbOf(last) === null, 'the last tile is not decoded before it nears the view').to.equal(true);
      // A narrower window (a phone's, in every engine: MiniBrowser's is at least 447 px wide).
      await setViewportSize(480, 800);
      await waitUntil(() => tilePx() !== before, 'the tiles kept their size', {timeout: 5000});
      const after = tilePx();
      last.scrollIntoView();
      await waitUntil(() => ownThumbOf(last), 'the last tile got no thumbnail', {timeout: 20000});
      expect(ownThumbOf(last)!.width, `the tile went from ${before} to ${after} px`).to.equal(after);
      sheet.close();
      await pending;
    } finally {
      await setViewportSize(800, 600);
    }
  });

  it('should hold the pixels of tiles near the view only, past its budget, and draw a tile again when it comes back', async function () {
    this.timeout(60000);
    // No budget at all: only the tiles within half a screen of the view may hold pixels.
    ThumbnailController.pixelBudget = 0;
    try {
      const files = await Promise.all(Array.from({length: 90}, async (_, i) => asFile(await makeImage(320, 240, 'image/jpeg', {seed: i % 7}), `far-${i}.jpg`)));
      const {pending, sheet} = await pick(files, {count: 9, sizeType: ['original']});
      const grid = part(sheet, 'gallery')!;
      const [first, last] = [items(sheet)[0], items(sheet).at(-1)!];
      /** Items whose tile is within half a screen of the grid's view (the near margin). */
      const nearView = () => {
        const view = grid.getBoundingClientRect();
        const margin = view.height / 2;
        return items(sheet).filter(i => {
          const r = i.closest('[part~="gallery-tile"]')!.getBoundingClientRect();
          return r.bottom > view.top - margin && r.top < view.bottom + margin;
        });
      };
      const holding = () => items(sheet).filter(i => ownThumbOf(i));
      await waitUntil(() => ownThumbOf(first), 'no first thumbnail', {timeout: 10000});
      last.scrollIntoView();
      await waitUntil(() => ownThumbOf(last), 'the last tile got no thumbnail', {timeout: 20000});
      await waitUntil(() => !ownThumbOf(first), 'the first tile, far from the view, kept its pixels', {timeout: 10000});
      const near = nearView();
      expect(holding().filter(i => !near.includes(i)).map(i => i.getAttribute('aria-label')), 'tiles far from the view holding pixels').to.deep.equal([]);
      expect(holding().length, 'tiles holding pixels').to.be.greaterThan(0);
      // Back at the top: the first tile is drawn again; the first nine, chosen as picked, are returned.
      first.scrollIntoView();
      await waitUntil(() => ownThumbOf(first), 'the first tile was not drawn again', {timeout: 20000});
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(files.slice(0, 9).map(f => f.name));
    } finally {
      ThumbnailController.pixelBudget = PIXEL_BUDGET;
    }
  });
});
