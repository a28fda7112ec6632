// A. Compression in the page: ours (from src/) against compressorjs, browser-image-compression
// and the plain browser paths this engine has, on one photo, interleaved.
import {cpuSince, cpuSnapshot, cpuSummary} from '../cpu.mjs';
import {alternate} from '../drive.mjs';
import {fmt, median, table} from '../report.mjs';

/** One run of `name` in the page, with what it cost each thread of the page's processes. */
async function once(page, name) {
  const before = cpuSnapshot(page.browser.contentProcesses());
  const r = await page.evaluate(n => bench.compressOnce(n), name);
  return {...r, cpu: cpuSince(before, cpuSnapshot(page.browser.contentProcesses()))};
}

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
    const inputBytes = await page.evaluate(o => bench.compressionInput(o), {width, height});
    const samples = await alternate(Object.fromEntries(timed.map(n => [n, () => once(page, n)])), runs);
    const stats = Object.fromEntries(
      Object.entries(samples).map(([name, rs]) => {
        const med = key => median(rs.map(r => r[key]));
        const {bytes, width: w, height: h} = rs[0];
        return [name, {ms: med('ms'), longestTask: med('longestTask'), maxFrameGap: med('maxFrameGap'), bytes, width: w, height: h, cpu: cpuSummary(rs), samples: rs.map(r => r.ms)}];
      })
    );
    const method = Object.values(samples)[0][0].method;
    const plain = Object.entries(stats).filter(([n]) => n.startsWith('plain'));
    const [fastestPlain, fp] = plain.reduce((a, b) => (b[1].ms < a[1].ms ? b : a));
    const cj = stats.compressorjs;
    const s = Math.min(1, 1920 / Math.max(width, height));
    const expected = `${Math.round(width * s)}x${Math.round(height * s)}`;
    const wrongDims = Object.entries(stats).filter(([, r]) => `${r.width}x${r.height}` !== expected).map(([n, r]) => `${n}: ${r.width}x${r.height}`);
    table(
      `A. Compression ${width}x${height} (input ${fmt.bytes(inputBytes)} B, q0.95) → long edge 1920, q0.8; median of ${runs} after 1 warm-up`,
      ['contender', 'ms', 'bytes', 'out WxH', 'ms/cjs', 'B/cjs', 'ms/plain*', 'B/plain*', 'longest task', 'max frame gap', 'CPU ms (main / workers / other)', 'CPU/cjs'],
      [
        ...Object.entries(stats).map(([n, r]) => [
          n === fastestPlain ? `${n} *` : n,
          fmt.ms(r.ms), fmt.bytes(r.bytes), `${r.width}x${r.height}`,
          fmt.x(r.ms / cj.ms), fmt.x(r.bytes / cj.bytes), fmt.x(r.ms / fp.ms), fmt.x(r.bytes / fp.bytes),
          fmt.ms(r.longestTask), fmt.ms(r.maxFrameGap),
          r.cpu ? `${fmt.ms(r.cpu.all)} (${fmt.ms(r.cpu.main)} / ${fmt.ms(r.cpu.workers)} / ${fmt.ms(r.cpu.other)})` : '–', fmt.x(r.cpu?.all / cj.cpu?.all),
        ]),
        ...Object.entries(unavailable).map(([n]) => [n, 'unavailable']),
      ],
      [
        `* fastest plain path. cjs = compressorjs. "longest task"/"max frame gap": main-thread blocking while it ran (0 = no task over 50 ms; ${method}). CPU: time on a CPU of the page’s processes’ threads (/proc schedstat).`,
        wrongDims.length ? `OUTPUT SIZE MISMATCH (expected ${expected}): ${wrongDims.join(', ')}` : `all outputs ${expected}`,
        ...Object.entries(unavailable).map(([n, why]) => `${n}: ${why}`),
      ]
    );
    out.sizes[`${width}x${height}`] = {input: {width, height, bytes: inputBytes}, expected, fastestPlain, contenders: stats};
  }
  return out;
}
