// 100 real cycles through the album and the camera: afterwards no live track, none of our
// blob: URLs alive, nothing of ours left in the container, and the JS heap (after a forced GC,
// --js-flags=--expose-gc) grown by less than 2 MB. Only Chromium exposes gc() and the heap size;
// the other engines check everything but the heap.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, revokeTempFiles} from '../src/index.js';
import {engine} from './helpers/engine.js';
import {asFile, chooseFiles, makeImage, openedSheet, part, partReady, recordObjectUrls, recordStreams, sheetsGone, videoPlaying, writeFiles} from './helpers/index.js';

declare const gc: (() => void) | undefined;
const memory = (performance as unknown as {memory?: {usedJSHeapSize: number}}).memory;
const heapMeasurable = typeof gc === 'function' && memory !== undefined;
/** The JS heap after a full GC, where the engine can tell (Chromium); else 0. */
const heap = () => {
  if (!heapMeasurable) return 0;
  gc!();
  return memory!.usedJSHeapSize;
};

describe('leaks', () => {
  const title = 'should leave nothing behind after 100 album and camera cycles';
  it(heapMeasurable ? title : `${title} [heap not measured in ${engine}: no gc() or heap size]`, async function () {
    this.timeout(240_000);
    const container = document.createElement('div');
    // No motion: what is left behind does not depend on it, and 200 ms of it per cycle, waited
    // out before each tap, was a third of the test's time.
    container.style.setProperty('--choose-image-sheet-duration', '0s');
    document.body.append(container);
    // Photos small enough to keep the cycles quick, through the same decode, thumbnail and
    // compression (they fit in 1920, as 1600×1200 did) as any photo.
    const files = await Promise.all([1, 2, 3, 4, 5].map(async i => asFile(await makeImage(800, 600, 'image/jpeg', {seed: i}), `leak-${i}.jpg`)));
    const paths = await writeFiles(files);
    const streams = recordStreams();

    const albumCycle = async () => {
      const pending = chooseImage({count: 5, container, sourceType: ['camera', 'album']});
      const sheet = await openedSheet(container);
      await chooseFiles(part(sheet, 'action-album')!, paths);
      await waitUntil(() => part<HTMLButtonElement>(sheet, 'confirm')?.disabled === false, 'no confirm', {timeout: 5000});
      part(sheet, 'confirm')!.click();
      const result = await pending;
      expect(result.tempFiles).to.have.length(5);
      revokeTempFiles();
    };
    const cameraCycle = async () => {
      const pending = chooseImage({container, sourceType: ['camera']}).catch(e => e);
      const sheet = await openedSheet(container);
      await videoPlaying(await partReady<HTMLVideoElement>(sheet, 'video'));
      sheet.close();
      expect((await pending).error).to.equal(11);
    };

    for (let i = 0; i < 5; i++) await albumCycle(); // warm up: lazy modules, the worker
    await cameraCycle();
    const urls = recordObjectUrls();
    const before = heap();
    for (let i = 0; i < 100; i++) {
      await albumCycle();
      if (i % 10 === 0) await cameraCycle();
    }
    await new Promise(r => setTimeout(r, 500));
    const after = heap();
    urls.restore();
    streams.restore();

    expect(streams.liveTracks()).to.have.length(0);
    expect(urls.urls.length).to.be.at.least(500); // every result was made (a thumbnail is a canvas, no URL)…
    expect(await urls.alive()).to.deep.equal([]); // …and every one released
    await sheetsGone(container);
    expect(container.childNodes.length).to.equal(0);
    if (heapMeasurable) {
      const growth = after - before;
      console.log(`heap growth over 100 cycles: ${(growth / 1024).toFixed(0)} kB`);
      expect(growth).to.be.lessThan(2 * 1024 * 1024);
    }
    container.remove();
  });
});
