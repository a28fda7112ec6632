// B. Size: the bytes a browser fetches from dist/ per flow (gzip -9 on the wire, nothing from a
// cache), and the built files' sizes.
import {fmt, table} from '../report.mjs';
import {bundleSizes} from '../size.mjs';
import {throughSheet} from '../drive.mjs';
import {pickPhoto} from './pick.mjs';

export async function sizeSection(ctx) {
  const {page, server} = ctx;
  const s = await bundleSizes();
  const photo = await pickPhoto(ctx);
  const flow = async (name, run) => {
    const mark = server.sent.length;
    await run();
    return {name, ...(await server.fetchedSince(mark))};
  };
  server.noStore = true;
  let flows;
  try {
    flows = [
      await flow('page import (the entry, with Lit)', () => page.evaluate(() => bench.importKit())),
      await flow('open with camera + album (panes, styles, pipeline)', async () => {
        await page.evaluate(() => bench.openBoth());
        await page.evaluate(() => bench.closeCall());
      }),
      await flow('first compression (the worker)', async () => {
        const r = await throughSheet(page, [photo], {count: 1, sizeType: ['compressed']}, 'armPick');
        if (r.type !== 'image/jpeg') throw new Error('size: no compressed result');
      }),
      await flow('previewImage (viewer and toast)', () => page.evaluate(() => bench.preview())),
    ];
  } finally {
    server.noStore = false;
  }
  const entry = flows[0].bytes;
  const all = flows.reduce((sum, f) => sum + f.bytes, 0);
  table(
    'B. Size: bytes a browser fetches from dist/ per flow (the bundled build, gzip -9 on the wire, nothing cached; kB = 1000 B)',
    ['flow', 'fetched', 'files'],
    [...flows.map(f => [f.name, fmt.kB(f.bytes), f.files.map(x => `${x.path} ${fmt.kB(x.bytes)}`).join(', ')]), ['everything', fmt.kB(all), '']],
    [
      `entry with Lit as fetched: ${fmt.kB(entry)} — ${entry <= 14000 ? 'ok' : 'MISSED'} (≤ 14 kB)`,
      `built files: our code alone (Lit external) ${fmt.kB(s.ours.gzipBytes)}, Lit alone ${fmt.kB(s.lit.gzipBytes)}, worker ${fmt.kB(s.worker.gzipBytes)}`,
      ...(s.stale ? ['NOTE: dist/ is older than src/ — run `npm run build` first.'] : []),
    ]
  );
  return {...s, flows, fetchedEntry: entry, fetchedAll: all};
}
