// G. Huge images through the real file picker: time and the peak memory of every browser
// process, against the bare createImageBitmap({resizeWidth}) page.
import {statSync} from 'node:fs';
import {alternate, closeSheet, throughBarePage, throughSheet} from '../drive.mjs';
import {sampleTree} from '../memory.mjs';
import {fmt, median, table} from '../report.mjs';

const HUGE = {name: 'huge-12000x12000.jpg', width: 12000, height: 12000, noise: 21, quality: 0.85};
const BIG = i => ({name: `big-8800x6600-${i}.jpg`, width: 8800, height: 6600, noise: 180, quality: 0.97, label: `#${i}`});

/** Runs `flow` while sampling the memory of every browser process. */
async function withMemory(browser, flow) {
  const sampler = sampleTree(browser.pid);
  const r = await flow();
  return {...r, memory: sampler.stop()};
}

export async function hugeSection(ctx) {
  const {browser, runs: asked, file} = ctx;
  // The huge files are made in a page of their own, left before anything is measured.
  const make = spec => file(spec.name, () => ctx.page.evaluate(s => bench.storeHugeFile(s.name, s), spec));
  const huge = await make(HUGE);
  const big = [];
  for (let i = 1; i <= 9; i++) big.push(await make(BIG(i)));
  const page = await ctx.freshPage();
  const runs = Math.min(asked, 3);
  const ours = async (paths, options, arm, armArgs) =>
    withMemory(browser, async () => {
      const r = await throughSheet(page, paths, options, arm, armArgs);
      await closeSheet(page);
      return r;
    });
  const bare = (paths, armArgs) => withMemory(browser, () => throughBarePage(page, paths, 'armBareGallery', armArgs));
  const s = await alternate({
    // count 2: count 1 shows its pick large, with no thumbnail
    thumb: () => ours([huge], {count: 2, sizeType: ['original']}, 'armGallery', {}),
    compressed: () => ours([huge], {count: 1, sizeType: ['compressed']}, 'armPick'),
    bareThumb: () => bare([huge], {}),
  }, runs);
  const nine = await alternate({ours: () => ours(big, {count: 9}, 'armGallery', {all: true}), bare: () => bare(big, {all: true})}, runs);
  const med = rs => median(rs.map(r => r.ms));
  const stat = rs => ({ms: med(rs), peakGrowth: median(rs.map(r => r.memory.growth)), maxPeakGrowth: Math.max(...rs.map(r => r.memory.growth)), samples: rs});
  const r = {runs, files: {huge: {...HUGE, bytes: statSync(huge).size}, big: {...BIG('n'), bytes: statSync(big[0]).size}},
    thumb: stat(s.thumb), compressed: stat(s.compressed), bareThumb: stat(s.bareThumb), nine: stat(nine.ours), bareNine: stat(nine.bare)};
  const row = (label, x, goalMs) => [label, fmt.ms(x.ms), fmt.MB(x.peakGrowth), fmt.MB(x.maxPeakGrowth), goalMs ? `${x.ms <= goalMs ? 'ok' : 'MISSED'} (≤ ${goalMs} ms)` : ''];
  table(`G. Huge images through the real file picker: ${fmt.MB(r.files.huge.bytes)} 12000x12000 JPEG; nine ${fmt.MB(r.files.big.bytes)} 8800x6600 JPEGs; pick → …; median of ${runs}, alternated, after 1 warm-up`,
    ['flow', 'median ms', 'peak memory growth (median)', '(worst)', 'goal'], [
      row('12000x12000: pick → thumbnail shown (sheet)', r.thumb, 2000),
      row('12000x12000: pick → compressed result, 完成 at once (sheet)', r.compressed, 3000),
      row('12000x12000: pick → thumbnail (bare createImageBitmap({resizeWidth}) page)', r.bareThumb),
      row('nine 8800x6600: pick → all 9 thumbnails (sheet, count 9, compressing)', r.nine),
      row('nine 8800x6600: pick → all 9 thumbnails (bare page, 4 in flight)', r.bareNine),
    ], [
      'peak memory growth: the sum of the resident memory of every browser process, sampled every 25 ms, above its value before the picker was answered.',
      `goal peak growth ≤ 400 MB for one 12000x12000 image: ${Math.max(r.thumb.peakGrowth, r.compressed.peakGrowth) <= 400e6 ? 'ok' : 'MISSED'}`,
    ]);
  return r;
}
