// E. The gallery: 50 phone photos (12 MP, each with an EXIF thumbnail) picked at once, count 9,
// against a bare createImageBitmap({resizeWidth}) page and the decode-only floor, alternated.
import {cpuSummary} from '../cpu.mjs';
import {alternate, closeSheet, pause, throughBarePage, throughSheet} from '../drive.mjs';
import {pss, total} from '../memory.mjs';
import {fmt, median, table} from '../report.mjs';

const FILES = 50;

async function galleryFiles({page, file}) {
  const paths = [];
  for (let i = 0; i < FILES; i++) {
    // (-exif: since they carry an EXIF thumbnail; files stored before that had other names)
    const name = `IMG_${String(i + 1).padStart(4, '0')}-exif.jpg`;
    paths.push(await file(name, () => page.evaluate((j, n) => bench.storeGalleryFile(j, n), i, name)));
  }
  return paths;
}

/**
 * Memory of the page's renderer(s), PSS in bytes, once garbage is collected and the allocators
 * have handed freed pages back (a simulated memory-pressure signal, as a phone's OS sends):
 * what is still held, not what an allocator keeps for reuse. Chromium only: the others' drivers
 * can neither collect garbage nor signal memory pressure.
 */
async function rendererMemory(page, browser) {
  const cdp = await page.cdp();
  await page.evaluate(() => bench.heapAfterGc());
  // Freed memory goes back over a few seconds (worker heaps, decoder buffers): the same wait
  // before opening and after closing.
  for (let i = 0; i < 3; i++) {
    await cdp.send('Memory.simulatePressureNotification', {level: 'critical'});
    await pause(2000);
    await page.evaluate(() => bench.heapAfterGc());
  }
  await cdp.detach();
  return {pss: total(browser.contentProcesses(), pss), heap: await page.evaluate(() => bench.heapAfterGc())};
}

const cpuCell = c => (c ? `${fmt.ms(c.all)} (${fmt.ms(c.main)} / ${fmt.ms(c.workers)} / ${fmt.ms(c.other)}), waiting ${fmt.ms(c.wait)}` : '–');

export async function gallerySection(ctx) {
  const {page, browser, runs, engine} = ctx;
  const paths = await galleryFiles(ctx);
  const memory = engine === 'chromium';
  const ours = async () => {
    const before = memory && (await rendererMemory(page, browser));
    const r = await throughSheet(page, paths, {count: 9}, 'armGallery', {});
    await page.click(await page.evaluate(() => bench.center('close')));
    await closeSheet(page);
    if (!memory) return r;
    const after = await rendererMemory(page, browser);
    return {...r, memoryBefore: before.pss, memoryAfter: after.pss, heapBefore: before.heap, heapAfter: after.heap};
  };
  const samples = await alternate(
    {
      ours,
      bare: () => throughBarePage(page, paths, 'armBareGallery', {}),
      floor: () => throughBarePage(page, paths, 'armFloorGallery', {width: 4000, height: 3000}),
    },
    runs
  );
  const med = (rs, key = 'ms') => median(rs.map(r => r[key]));
  const o = samples.ours, b = samples.bare, f = samples.floor;
  const r = {
    files: FILES,
    mainThreadMethod: o[0].method,
    floorMethod: f[0].method,
    ours: {
      ms: med(o), sharpMs: med(o, 'sharpMs'), toChange: med(o, 'toChange'), visible: o[0].visible,
      longestTask: med(o, 'longestTask'), worstTask: Math.max(...o.map(x => x.longestTask)), maxFrameGap: med(o, 'maxFrameGap'),
      ...(memory && {
        memoryBefore: med(o, 'memoryBefore'), memoryAfter: med(o, 'memoryAfter'), memoryGrowth: median(o.map(x => x.memoryAfter - x.memoryBefore)),
        heapBefore: med(o, 'heapBefore'), heapAfter: med(o, 'heapAfter'),
      }),
      samples: o,
    },
    bare: {ms: med(b), visible: b[0].visible, longestTask: med(b, 'longestTask'), cpu: cpuSummary(b), samples: b},
    floor: {ms: med(f), visible: f[0].visible, cpu: cpuSummary(f), samples: f},
  };
  r.ours.cpu = cpuSummary(o);
  r.ratio = r.ours.ms / r.bare.ms;
  r.floorRatio = r.floor.ms / r.bare.ms;
  r.sharpRatio = r.ours.sharpMs / r.bare.ms;
  r.sharpToFloor = r.ours.sharpMs / r.floor.ms;
  const task = r.mainThreadMethod === 'longtask' ? 'Long Tasks API' : 'lateness of a 10 ms timer (no Long Tasks API here)';
  table(
    `E. Gallery: ${FILES} JPEGs 4000x3000, each with a 160x120 EXIF thumbnail as phones write, picked at once, count 9 (9 chosen and compressing); pick → …; median of ${runs}, alternated, after 1 warm-up`,
    ['measure', 'sheet', 'bare createImageBitmap({resizeWidth}) page, 4 in flight'],
    [
      ['pick → first screen of thumbnails (any: EXIF thumbnail or own decode)', `${fmt.ms(r.ours.ms)} ms (${fmt.x(r.ratio)})`, `${fmt.ms(r.bare.ms)} ms`],
      ['pick → first screen sharp (every tile its own decode)', `${fmt.ms(r.ours.sharpMs)} ms (${fmt.x(r.sharpRatio)}; ${fmt.x(r.sharpToFloor)} the floor)`, `${fmt.ms(r.bare.ms)} ms`],
      [`floor: the tiles in view decoded at 1/8 (${r.floorMethod}), 2 workers, nothing drawn or shown`, `${fmt.ms(r.floor.ms)} ms (${fmt.x(r.floorRatio)})`, ''],
      ['tiles in view', String(r.ours.visible), String(r.bare.visible)],
      ['CPU ms, pick → its end (main / workers / other threads): sheet (to sharp) and bare page', cpuCell(r.ours.cpu), cpuCell(r.bare.cpu)],
      ['CPU ms of the floor (main / workers / other threads)', cpuCell(r.floor.cpu), ''],
      [`longest main-thread task (median / worst run; ${task})`, `${fmt.ms(r.ours.longestTask)} / ${fmt.ms(r.ours.worstTask)} ms`, `${fmt.ms(r.bare.longestTask)} ms`],
      ...(memory
        ? [
            ['renderer memory (PSS, after GC and a memory-pressure signal): before open → after close', `${fmt.MB(r.ours.memoryBefore)} → ${fmt.MB(r.ours.memoryAfter)}`, ''],
            ['JS heap after GC: before open → after close', `${fmt.MB(r.ours.heapBefore)} → ${fmt.MB(r.ours.heapAfter)}`, ''],
          ]
        : []),
    ],
    [
      `goals: first screen ≤ 0.2× bare: ${r.ratio <= 0.2 ? 'ok' : 'MISSED'}; sharp ≤ 1.2× the floor: ${r.sharpToFloor <= 1.2 ? 'ok' : 'MISSED'} (${fmt.x(r.sharpToFloor)}); longest task ≤ 50 ms: ${r.ours.longestTask <= 50 ? 'ok' : 'MISSED'}` +
        (memory ? `; memory after close within 10 MB: ${Math.abs(r.ours.memoryGrowth) <= 10e6 ? 'ok' : 'MISSED'} (${fmt.MB(r.ours.memoryGrowth)})` : ''),
    ]
  );
  return r;
}
