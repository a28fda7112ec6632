// C. Open latency: chooseImage() → the sheet painted.
import {fmt, median, percentile, table} from '../report.mjs';

export async function openSection({page, runs: asked}) {
  const runs = Math.max(20, asked);
  const {ms, toOpen, floor} = await page.evaluate(n => bench.openLatency(n), runs);
  const r = {runs, median: median(ms), p95: percentile(ms, 95), samples: ms, toOpen: {median: median(toOpen), p95: percentile(toOpen, 95), samples: toOpen}, floor: {median: median(floor), samples: floor}};
  const row = (label, m, p) => [label, fmt.ms(m), fmt.ms(p), (m / 16.7).toFixed(1), (p / 16.7).toFixed(1)];
  table(`C. Open latency: chooseImage() → …; ${runs} runs after 1 warm-up`, ['until', 'median ms', 'p95 ms', 'median frames', 'p95 frames'], [
    row('dialog[open] + 2 rAF (first paint)', r.median, r.p95),
    row('dialog[open] (synchronous work)', r.toOpen.median, r.toOpen.p95),
    row('floor: 2 rAF with nothing opened', r.floor.median, percentile(floor, 95)),
  ], ['frames = ms / 16.7. Each run starts right after a frame, so "2 rAF" alone already measures 2 frames.']);
  return r;
}
