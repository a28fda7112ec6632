// D. The camera: a tap on 拍照 → the first video frame, against a bare page's button; and the
// shutter → the compressed photo, against one encode of the same size and quality.
import {alternate, closeSheet, pause, TAP_PAUSE} from '../drive.mjs';
import {fmt, median, table} from '../report.mjs';

async function sheetFirstFrame(page) {
  await page.evaluate(() => bench.open({sourceType: ['camera', 'album']}));
  const target = await page.evaluate(() => bench.center('action-camera'));
  await page.evaluate(() => bench.armCameraFirstFrame());
  await pause(TAP_PAUSE);
  await page.click(target);
  const r = await page.evaluate(() => bench.probeResult());
  await closeSheet(page); // stops the tracks
  return r;
}

async function bareTapFirstFrame(page) {
  const target = await page.evaluate(() => bench.armBareTap());
  await pause(TAP_PAUSE);
  await page.click(target);
  return page.evaluate(() => bench.probeResult());
}

async function shutterToResult(page, quality) {
  const shutter = await page.evaluate(() => bench.openCamera('compressed'));
  await page.evaluate(() => bench.armShutterToResult());
  await pause(TAP_PAUSE);
  await page.click(shutter);
  return page.evaluate(() => bench.probeResult()).then(r => ({...r, quality}));
}

async function bareShutter(page, size, offscreen) {
  const shutter = await page.evaluate(() => bench.openBareCamera());
  await page.evaluate(o => bench.armBareShutter(o), {...size, quality: 0.8, offscreen});
  await pause(TAP_PAUSE);
  await page.click(shutter);
  const r = await page.evaluate(() => bench.probeResult());
  await page.evaluate(() => bench.closeBareCamera());
  return r;
}

export async function cameraSection({page, runs: asked}) {
  const runs = Math.max(10, asked);
  const med = (rs, key = 'ms') => median(rs.map(r => r[key]));
  const first = await alternate({sheet: () => sheetFirstFrame(page), tap: () => bareTapFirstFrame(page), script: () => page.evaluate(() => bench.bareFirstFrame())}, runs);
  const summary = rs => ({median: med(rs), beforeGum: med(rs, 'beforeGum'), gum: med(rs, 'gum'), afterGum: med(rs, 'afterGum'), size: `${rs[0].width}x${rs[0].height}`, by: [...new Set(rs.map(r => r.by))].join(', '), samples: rs});
  const firstFrame = {runs, tapPause: TAP_PAUSE, sheet: summary(first.sheet), bareTap: summary(first.tap), bare: summary(first.script)};
  firstFrame.ratio = firstFrame.sheet.median / firstFrame.bareTap.median;
  const row = (label, s) => [label, fmt.ms(s.median), fmt.ms(s.beforeGum), fmt.ms(s.gum), fmt.ms(s.afterGum), s.size, fmt.x(s.median / firstFrame.bareTap.median)];
  table(`D1. Camera: click → first decoded video frame; ${runs} runs each, alternated, after 1 warm-up; taps ${TAP_PAUSE} ms after the page is still`,
    ['path', 'median ms', 'before gUM', 'gUM', 'gUM → frame', 'video', 'ratio'], [
      row('sheet: click action-camera → video part', firstFrame.sheet),
      row('bare tap: click a button → getUserMedia + <video>', firstFrame.bareTap),
      row('bare script: getUserMedia + <video>, no click', firstFrame.bare),
    ], [
      `goal ≤ 1.10× the bare tap: ${firstFrame.ratio <= 1.1 ? 'ok' : 'MISSED'} (${fmt.x(firstFrame.ratio)})`,
      `first frame: the first of requestVideoFrameCallback and loadeddata; here ${firstFrame.sheet.by} (sheet), ${firstFrame.bareTap.by} (bare)`,
    ]);

  // The bare pages encode the size the sheet's photo had, which its full-bleed preview framed.
  let size;
  const ours = async () => {
    const r = await shutterToResult(page, 0.8);
    size = {width: r.width, height: r.height};
    return r;
  };
  const shots = await alternate({ours, toBlob: () => bareShutter(page, size, false), convertToBlob: () => bareShutter(page, size, true)}, runs);
  const stat = rs => ({ms: med(rs), shownMs: med(rs, 'shownMs'), totalMs: med(rs, 'totalMs'), bytes: med(rs, 'bytes'), size: `${rs[0].width}x${rs[0].height}`, type: rs[0].type, samples: rs});
  const shutter = {runs, ours: stat(shots.ours), toBlob: stat(shots.toBlob), convertToBlob: stat(shots.convertToBlob)};
  // The baseline is the faster of the two plain encodes: <canvas>.toBlob waits for an idle
  // main thread in Chromium (up to a second here), OffscreenCanvas.convertToBlob does not.
  shutter.bare = shutter.toBlob.ms <= shutter.convertToBlob.ms ? shutter.toBlob : shutter.convertToBlob;
  shutter.bareKind = shutter.bare === shutter.toBlob ? 'toBlob' : 'convertToBlob';
  shutter.ratio = shutter.ours.ms / shutter.bare.ms;
  const line = (label, x) => [label, fmt.ms(x.ms), `${x.size} ${x.type}`, fmt.bytes(x.bytes), fmt.x(x.ms / shutter.bare.ms)];
  table(`D2. Camera, compressed (count 1): shutter click → result; ${runs} runs each, alternated, after 1 warm-up`,
    ['path', 'median ms', 'result', 'bytes', 'vs faster bare'], [
      line('sheet: shutter → the compressed photo encoded', shutter.ours),
      ['sheet: shutter → its review shown (confirm enabled)', fmt.ms(shutter.ours.shownMs), '', '', fmt.x(shutter.ours.shownMs / shutter.bare.ms)],
      ['sheet: shutter → resolved, confirm clicked as it shows', fmt.ms(shutter.ours.totalMs), '', '', fmt.x(shutter.ours.totalMs / shutter.bare.ms)],
      line('bare: click → drawImage at that size → one <canvas>.toBlob q0.8', shutter.toBlob),
      line('bare: click → drawImage at that size → one OffscreenCanvas.convertToBlob q0.8', shutter.convertToBlob),
    ], [`goal ≤ 1.10× one encode at the same size and quality: ${shutter.ratio <= 1.1 ? 'ok' : 'MISSED'} (${fmt.x(shutter.ratio)})`]);
  return {firstFrame, shutter};
}
