// A. Compression in the page: ours (from src/) against compressorjs, browser-image-compression
// and the plain browser paths this engine has, on one photo, interleaved.
import {fmt, median, table} from '../report.mjs';

export async function compressSection({page, runs}) {
  const names = await page.evaluate(() => bench.contenderNames());
  // browser-image-compression falls back to the main thread silently when its worker fails,
  // so each worker variant is probed first and left out (with the reason) when it does not run.
  const unavailable = {};
  for (const name of names.filter(n => n.includes('worker ('))) {
    const p = await page.evaluate(n => bench.probeBicWorker(n), name);
    if (!p.ok) unavailable[name] = p.started ? `worker failed (${p.errors.join('; ')}); the library fell back to the main thread` : 'no worker started';
  }
  const timed = names.filter(n => !unavailable[n]);
  const out = {runs, unavailable, sizes: {}};
  for (const [width, height] of [[4032, 3024], [1920, 1080]]) {
    const data = await page.evaluate(o => bench.compression(o), {width, height, names: timed, runs});
    const stats = Object.fromEntries(
      Object.entries(data.results).map(([name, r]) => [
        name,
        {ms: median(r.ms), longestTask: median(r.longestTask), maxFrameGap: median(r.maxFrameGap), bytes: r.bytes, width: r.width, height: r.height, samples: r.ms},
      ])
    );
    const plain = Object.entries(stats).filter(([n]) => n.startsWith('plain'));
    const [fastestPlain, fp] = plain.reduce((a, b) => (b[1].ms < a[1].ms ? b : a));
    const cj = stats.compressorjs;
    const s = Math.min(1, 1920 / Math.max(width, height));
    const expected = `${Math.round(width * s)}x${Math.round(height * s)}`;
    const wrongDims = Object.entries(stats).filter(([, r]) => `${r.width}x${r.height}` !== expected).map(([n, r]) => `${n}: ${r.width}x${r.height}`);
    table(
      `A. Compression ${width}x${height} (input ${fmt.bytes(data.input.bytes)} B, q0.95) → long edge 1920, q0.8; median of ${runs} after 1 warm-up`,
      ['contender', 'ms', 'bytes', 'out WxH', 'ms/cjs', 'B/cjs', 'ms/plain*', 'B/plain*', 'longest task', 'max frame gap'],
      [
        ...Object.entries(stats).map(([n, r]) => [
          n === fastestPlain ? `${n} *` : n,
          fmt.ms(r.ms), fmt.bytes(r.bytes), `${r.width}x${r.height}`,
          fmt.x(r.ms / cj.ms), fmt.x(r.bytes / cj.bytes), fmt.x(r.ms / fp.ms), fmt.x(r.bytes / fp.bytes),
          fmt.ms(r.longestTask), fmt.ms(r.maxFrameGap),
        ]),
        ...Object.entries(unavailable).map(([n]) => [n, 'unavailable']),
      ],
      [
        `* fastest plain path. cjs = compressorjs. "longest task"/"max frame gap": main-thread blocking while it ran (0 = no task over 50 ms; ${data.mainThreadMethod}).`,
        wrongDims.length ? `OUTPUT SIZE MISMATCH (expected ${expected}): ${wrongDims.join(', ')}` : `all outputs ${expected}`,
        ...Object.entries(unavailable).map(([n, why]) => `${n}: ${why}`),
      ]
    );
    out.sizes[`${width}x${height}`] = {input: data.input, expected, fastestPlain, contenders: stats};
  }
  return out;
}
