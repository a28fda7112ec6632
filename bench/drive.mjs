// How the bench drives a page, the same in every engine (through scripts/drivers): a person's
// pace, the real file picker, and contenders run in turn.
import {cpuSince, cpuSnapshot} from './cpu.mjs';

export const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

// A person taps once the page is still, and spends at least a second in the system picker
// before a photo is picked. A tap that lands while the page is still drawing makes Chromium hold
// the page's other tasks until the next frame (DeferRendererTasksAfterInput), getUserMedia's
// answers among them.
// (BENCH_PICKER_PAUSE=ms sets another pause, to see what a faster pick would cost.)
export const TAP_PAUSE = 300;
export const PICKER_PAUSE = Number(process.env.BENCH_PICKER_PAUSE ?? 1000);

/**
 * The picker `open` opens (a click on a control, which opens the file input `input()`
 * returns) answered with `paths` at a person's pace: `arm` (a bench.* name) sets up the page's
 * probe, a person browses the picker, and `bench.markPick()` records the time just before the
 * files are set. Resolves with the probe's result.
 */
async function pick(page, point, input, paths, arm, armArgs) {
  const picker = await page.openPicker(point, input);
  await page.evaluate((a, x) => bench[a](x), arm, armArgs);
  await pause(PICKER_PAUSE);
  const before = cpuSnapshot(page.browser.contentProcesses());
  await page.evaluate(() => bench.markPick());
  await picker.answer(paths);
  const result = await page.evaluate(() => bench.probeResult());
  // What the pick cost each thread of the pages' processes, until the probe's end.
  return {...result, cpu: cpuSince(before, cpuSnapshot(page.browser.contentProcesses()))};
}

/** A call opened as a page opens it by default (camera and album), 从相册选择 tapped, `paths` picked. */
export async function throughSheet(page, paths, options, arm, armArgs) {
  const album = await page.evaluate(o => bench.openAlbum(o), options);
  await pause(TAP_PAUSE);
  return pick(page, album, () => bench.albumInput(), paths, arm, armArgs);
}

/** A bare baseline page's file input, clicked for real, answered with `paths`. */
export async function throughBarePage(page, paths, arm, armArgs) {
  const input = await page.evaluate(multiple => bench.bareInput({multiple}), paths.length > 1);
  await pause(TAP_PAUSE);
  return pick(page, input, () => bench.bareInputElement(), paths, arm, armArgs);
}

export async function closeSheet(page) {
  const code = await page.evaluate(() => bench.close());
  if (code !== 11 && code !== 'resolved') throw new Error(`close gave ${code}`);
}

/** Runs each contender once per round, in turn (the first round is a warm-up): samples per name. */
export async function alternate(contenders, runs) {
  const samples = Object.fromEntries(Object.keys(contenders).map(k => [k, []]));
  for (let i = -1; i < runs; i++) {
    for (const [name, run] of Object.entries(contenders)) {
      const started = performance.now();
      const r = await run();
      // BENCH_VERBOSE=1: each run as it ends, to see a slow or stuck one.
      if (process.env.BENCH_VERBOSE) console.error(`  ${i < 0 ? 'warm-up' : `run ${i + 1}`} ${name}: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(r?.ms ?? r?.median)}`);
      if (i >= 0) samples[name].push(r);
    }
  }
  return samples;
}
