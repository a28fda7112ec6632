// F. One photo, compressed, returned at the pick: what a person feels from picking a photo in
// the system picker to the page having the result. Every contender gets the same file through
// the same real file input (its control clicked, the picker answered at a person's pace), timed
// in the page from just before the file is set to the result, alternated run by run.
import {cpuSummary} from '../cpu.mjs';
import {alternate, throughBarePage, throughSheet} from '../drive.mjs';
import {fmt, median, table} from '../report.mjs';

export const PICK_PHOTO = 'pick-4032x3024.jpg';

/** The 4032×3024 photo (q0.95, sensor noise) of sections A, F and H, stored on first use. */
export const pickPhoto = ({page, file}) => file(PICK_PHOTO, () => page.evaluate(n => bench.storePickFile(n), PICK_PHOTO));

const BARE = ['compressorjs', 'browser-image-compression', 'img'];

export async function pickSection(ctx) {
  const {page, runs} = ctx;
  const photo = await pickPhoto(ctx);
  const samples = await alternate(
    {
      ours: () => throughSheet(page, [photo], {count: 1, sizeType: ['compressed']}, 'armPick'),
      ...Object.fromEntries(BARE.map(kind => [kind, () => throughBarePage(page, [photo], 'armBarePick', kind)])),
    },
    runs
  );
  const med = (rs, key) => median(rs.map(r => r[key]));
  const r = Object.fromEntries(Object.entries(samples).map(([k, rs]) => [k, {ms: med(rs, 'ms'), toChange: med(rs, 'toChange'), bytes: med(rs, 'bytes'), cpu: cpuSummary(rs), samples: rs}]));
  r.ratio = r.ours.ms / r.compressorjs.ms;
  const cpu = c => (c ? `${fmt.ms(c.all)} (${fmt.ms(c.main)} / ${fmt.ms(c.workers)} / ${fmt.ms(c.other)})` : '–');
  const row = (label, x) => [label, fmt.ms(x.ms), fmt.ms(x.toChange), fmt.bytes(x.bytes), fmt.x(x.ms / r.compressorjs.ms), cpu(x.cpu), fmt.ms(x.cpu?.wait)];
  table(
    `F. One 4032x3024 JPEG, compressed to 1920 q0.8 (count 1, one size type: the pick is returned at once): pick → result, timed from just before the file is set on the picker's input; median of ${runs}, alternated, after 1 warm-up`,
    ['path', 'median ms', 'pick → change', 'bytes', 'vs compressorjs', 'CPU ms (main / workers / other threads)', 'waiting for a CPU ms'],
    [
      row('sheet (opened with camera and album, 从相册选择 tapped)', r.ours),
      row('bare page: compressorjs at change', r.compressorjs),
      row('bare page: browser-image-compression at change (its worker)', r['browser-image-compression']),
      row('bare page: <img> + canvas at change', r.img),
    ],
    [
      `goal ≤ 1.0× compressorjs: ${r.ratio <= 1 ? 'ok' : 'MISSED'} (${fmt.x(r.ratio)})`,
      'CPU: time on a CPU of the threads of the pages’ processes, pick → result (/proc/<pid>/task/<tid>/schedstat; the work, whatever the load); waiting: their time ready to run but not running (the load).',
    ]
  );
  return r;
}
