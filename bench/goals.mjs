// The goals: each with ours, its baseline from the same run, the ratio and the verdict, per
// engine (and profile); then one table with a column per engine, also as Markdown for the README.
import {fmt, table} from './report.mjs';

/**
 * The goal rows of one engine's results. `id` names a row across engines; `ratio` is a number
 * where the goal is a ratio.
 */
export function goalRows(results) {
  const rows = [];
  const add = (id, goal, ours, baseline, ratio, ok, ranAt, note = '') =>
    rows.push({id, goal, ours, baseline, ratio, verdict: ok === undefined ? '–' : ok ? 'ok' : 'MISSED', ranAt, note});
  const {pick, gallery, camera, size, huge, heic, ranAt = {}} = results;
  if (pick?.ours) add('pick', 'one 12 MP JPEG, compressed: pick → result ≤ 1.0× compressorjs', `${fmt.ms(pick.ours.ms)} ms`, `compressorjs ${fmt.ms(pick.compressorjs.ms)} ms`, pick.ratio, pick.ratio <= 1, ranAt.pick);
  if (gallery?.ours) {
    add('gallery-first', `${gallery.files} × 12 MP: pick → first screen with any thumbnail ≤ 0.2× the bare page`, `${fmt.ms(gallery.ours.ms)} ms`, `bare ${fmt.ms(gallery.bare.ms)} ms`, gallery.ratio, gallery.ratio <= 0.2, ranAt.gallery);
    add('gallery-sharp', `${gallery.files} × 12 MP: pick → sharp first screen ≤ 1.2× the decode-only floor`, `${fmt.ms(gallery.ours.sharpMs)} ms`, `floor ${fmt.ms(gallery.floor.ms)} ms (${gallery.floorMethod})`, gallery.sharpToFloor, gallery.sharpToFloor <= 1.2, ranAt.gallery,
      `${fmt.x(gallery.sharpRatio)} the bare page`);
    add('gallery-task', `${gallery.files} × 12 MP: longest main-thread task ≤ 50 ms`, gallery.ours.longestTask ? `${fmt.ms(gallery.ours.longestTask)} ms` : 'none over 50 ms', `bare ${fmt.ms(gallery.bare.longestTask)} ms`, undefined, gallery.ours.longestTask <= 50, ranAt.gallery,
      gallery.mainThreadMethod === 'longtask' ? 'Long Tasks API' : 'a 10 ms timer’s lateness');
    if (gallery.ours.memoryGrowth !== undefined) add('gallery-memory', `${gallery.files} × 12 MP: renderer memory after close within 10 MB of before`, fmt.MB(gallery.ours.memoryAfter), fmt.MB(gallery.ours.memoryBefore), undefined, Math.abs(gallery.ours.memoryGrowth) <= 10e6, ranAt.gallery, `${fmt.MB(gallery.ours.memoryGrowth)}`);
  }
  if (camera?.shutter) add('camera-shutter', 'camera compressed: shutter → compressed photo ≤ 1.1× one encode at the same size and quality', `${fmt.ms(camera.shutter.ours.ms)} ms`, `${camera.shutter.bareKind} ${fmt.ms(camera.shutter.bare.ms)} ms`, camera.shutter.ratio, camera.shutter.ratio <= 1.1, ranAt.camera);
  if (camera?.firstFrame) add('camera-open', 'tap on 拍照 → first video frame ≤ 1.1× a bare page’s button', `${fmt.ms(camera.firstFrame.sheet.median)} ms`, `${fmt.ms(camera.firstFrame.bareTap.median)} ms`, camera.firstFrame.ratio, camera.firstFrame.ratio <= 1.1, ranAt.camera);
  if (size?.fetchedEntry) add('entry', 'entry with Lit ≤ 14 kB min+gzip as fetched', fmt.kB(size.fetchedEntry), '14 kB', undefined, size.fetchedEntry <= 14000, ranAt.size);
  // In bytes: 6961 B and 7040 B both print as 7.0 kB.
  if (size?.ours) add('ours-size', 'our code in the entry, Lit external, ≤ 7 kB min+gzip', `${size.ours.gzipBytes} B`, '7000 B', undefined, size.ours.gzipBytes <= 7000, ranAt.size);
  if (huge?.thumb) {
    add('huge-thumb', '12000×12000 JPEG: thumbnail ≤ 2 s', `${fmt.ms(huge.thumb.ms)} ms`, `bare ${fmt.ms(huge.bareThumb.ms)} ms`, huge.thumb.ms / huge.bareThumb.ms, huge.thumb.ms <= 2000, ranAt.huge);
    add('huge-compressed', '12000×12000 JPEG: compressed result ≤ 3 s', `${fmt.ms(huge.compressed.ms)} ms`, '3000 ms', undefined, huge.compressed.ms <= 3000, ranAt.huge);
    const peak = Math.max(huge.thumb.peakGrowth, huge.compressed.peakGrowth);
    add('huge-memory', '12000×12000 JPEG: peak memory growth ≤ 400 MB', fmt.MB(peak), `bare ${fmt.MB(huge.bareThumb.peakGrowth)}`, undefined, peak <= 400e6, ranAt.huge);
    add('huge-nine', 'nine 61 MB JPEGs: all thumbnails (time, peak growth)', `${fmt.ms(huge.nine.ms)} ms, ${fmt.MB(huge.nine.peakGrowth)}`, `bare ${fmt.ms(huge.bareNine.ms)} ms, ${fmt.MB(huge.bareNine.peakGrowth)}`, huge.nine.ms / huge.bareNine.ms, undefined, ranAt.huge);
  }
  if (heic?.sheet) add('heic', '12 MP HEIC: pick → compressed JPEG (completes; vs the same photo as JPEG)', `${fmt.ms(heic.sheet.heicCompressed.ms)} ms`, `JPEG ${fmt.ms(heic.sheet.jpegCompressed.ms)} ms`, heic.ratio, undefined, ranAt.heic);
  return rows;
}

/** Prints one engine's goals. */
export function printGoals(target, rows) {
  table(`Goals, ${target}: ours, baseline from the same run, ratio, verdict`,
    ['goal', 'ours', 'baseline', 'ratio', 'verdict', 'measured'],
    rows.map(r => [r.note ? `${r.goal} (${r.note})` : r.goal, r.ours, r.baseline, r.ratio === undefined ? '' : fmt.x(r.ratio), r.verdict, r.ranAt?.slice(0, 16) ?? '']));
}

/** The goal rows of issue 24, one column per engine and profile: ratio (or value) and verdict. */
const ACROSS = ['pick', 'gallery-first', 'gallery-sharp', 'gallery-task', 'camera-shutter', 'camera-open'];

/** One table of every target's goals (targets: {name: rows}): printed when `print`, and returned as Markdown. */
export function printAcross(targets, print = true) {
  const names = Object.keys(targets);
  const cell = (rows, id) => {
    const r = rows.find(x => x.id === id);
    if (!r) return 'not run';
    return `${r.ratio === undefined ? r.ours : fmt.x(r.ratio)} ${r.verdict}`;
  };
  const goalOf = id => Object.values(targets).flat().find(r => r.id === id)?.goal ?? id;
  const rows = ACROSS.map(id => [goalOf(id), ...names.map(n => cell(targets[n], id))]);
  if (print) table('Goals across engines (each ratio against its baseline in the same engine and run)', ['goal', ...names], rows);
  const md = [`| goal | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`, ...rows.map(r => `| ${r.join(' | ')} |`)];
  return md.join('\n');
}
