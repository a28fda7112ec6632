// `npm run bench [-- compress|size|open|camera|gallery|all ...] [--runs=N]`
// Serves the repo with @web/dev-server (src/*.ts compiled on the fly, as `npm start` does),
// drives headless Chromium through puppeteer-core on bench/bench.html, prints one table per
// section and writes every number to bench/results.json.
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import {join} from 'node:path';
import {startDevServer} from '@web/dev-server';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import {baseChromeArgs, findChrome} from '../scripts/chrome-path.mjs';
import {tsAsJs} from '../scripts/ts-as-js.mjs';
import {fmt, median, percentile, table} from './report.mjs';
import {bundleSizes} from './size.mjs';

const SECTIONS = ['compress', 'size', 'open', 'camera', 'gallery'];
const args = process.argv.slice(2);
const RUNS = Number(args.find(a => a.startsWith('--runs='))?.slice(7) ?? 5);
const chosen = args.filter(a => !a.startsWith('--'));
const wanted = chosen.length === 0 || chosen.includes('all') ? SECTIONS : chosen;
const unknown = wanted.filter(s => !SECTIONS.includes(s));
if (unknown.length || !(RUNS >= 1)) {
  console.error(`usage: npm run bench -- [${SECTIONS.join('|')}|all ...] [--runs=N]   (unknown: ${unknown.join(' ')})`);
  process.exit(2);
}
const VIEWPORT = {width: 412, height: 915}; // a phone: the sheet's camera and gallery fill it
const GALLERY_FILES = 200;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, () => {
      const {port} = s.address();
      s.close(() => resolve(port));
    });
  });

// --- A. compression -------------------------------------------------------------------------

async function compressSection(page) {
  const names = await page.evaluate(() => bench.contenderNames());
  // browser-image-compression falls back to the main thread silently when its worker fails,
  // so each worker variant is probed first and left out (with the reason) when it does not run.
  const unavailable = {};
  for (const name of names.filter(n => n.includes('worker ('))) {
    const p = await page.evaluate(n => bench.probeBicWorker(n), name);
    if (!p.ok) unavailable[name] = p.started ? `worker failed (${p.errors.join('; ')}); the library fell back to the main thread` : 'no worker started';
  }
  const timed = names.filter(n => !unavailable[n]);
  const out = {runs: RUNS, unavailable, sizes: {}};
  for (const [width, height] of [[4032, 3024], [1920, 1080]]) {
    const data = await page.evaluate(o => bench.compression(o), {width, height, names: timed, runs: RUNS});
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
      `A. Compression ${width}x${height} (input ${fmt.bytes(data.input.bytes)} B, q0.95) → long edge 1920, q0.8; median of ${RUNS} after 1 warm-up`,
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
        `* fastest plain path. cjs = compressorjs. "longest task"/"max frame gap": main-thread blocking while it ran (0 = no task over 50 ms).`,
        wrongDims.length ? `OUTPUT SIZE MISMATCH (expected ${expected}): ${wrongDims.join(', ')}` : `all outputs ${expected}`,
        ...Object.entries(unavailable).map(([n, why]) => `${n}: ${why}`),
      ]
    );
    out.sizes[`${width}x${height}`] = {input: data.input, expected, fastestPlain, contenders: stats};
  }
  return out;
}

// --- B. bundle size -------------------------------------------------------------------------

async function sizeSection() {
  const s = await bundleSizes();
  const goal = (v, kB) => (v <= kB * 1000 ? `≤ ${kB} kB ok` : `≤ ${kB} kB MISSED by ${fmt.kB(v - kB * 1000)}`);
  table(
    'B. Bundle size (terser, gzip -9; kB = 1000 B)',
    ['bundle', 'min', 'min+gzip', 'goal'],
    [
      ['published entry with Lit (dist/…bundled.js)', fmt.bytes(s.published.minBytes), fmt.kB(s.published.gzipBytes), goal(s.published.gzipBytes, 14)],
      ...s.publishedLazy.map(c => [`  + lazy chunk ${c.file}`, fmt.bytes(c.minBytes), fmt.kB(c.gzipBytes), '']),
      ['our code alone (Lit external), entry', fmt.bytes(s.ours.minBytes), fmt.kB(s.ours.gzipBytes), goal(s.ours.gzipBytes, 7)],
      ...s.oursLazy.map(c => [`  + lazy chunk (${c.modules.filter(m => m.startsWith('src/')).length} modules in ${[...new Set(c.modules.map(m => m.split('/').slice(0, -1).join('/')))].join(', ')})`, fmt.bytes(c.minBytes), fmt.kB(c.gzipBytes), '']),
      ['compress worker (fetched on first compress)', fmt.bytes(s.worker.minBytes), fmt.kB(s.worker.gzipBytes), ''],
      ['Lit alone (lit + the subpaths src imports)', fmt.bytes(s.lit.minBytes), fmt.kB(s.lit.gzipBytes), ''],
    ],
    [
      `Lit subpaths: ${s.litSubpaths.join(', ')}`,
      `largest modules of our entry before minifying: ${s.ourModules.slice(0, 5).map(m => `${m.id} ${fmt.bytes(m.bytes)}`).join(', ')}`,
      ...(s.stale ? ['NOTE: dist/ is older than src/ — the published number is of the last `npm run build`.'] : []),
    ]
  );
  return s;
}

// --- C. open latency ------------------------------------------------------------------------

async function openSection(page) {
  const runs = Math.max(20, RUNS);
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

// --- D. camera ------------------------------------------------------------------------------

async function click(page, point) {
  await page.mouse.click(point.x, point.y);
}

// Both taps wait this long once their page is still, as a person does before tapping. A tap
// that lands while the page is still drawing (the sheet's open animation has just ended) makes
// Chromium hold the page's other tasks until the next frame (DeferRendererTasksAfterInput),
// getUserMedia's answers among them: up to a frame more, whoever is tapped.
const TAP_PAUSE = 300;
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

async function sheetFirstFrame(page) {
  await page.evaluate(() => bench.open({sourceType: ['camera', 'album']}));
  const target = await page.evaluate(() => bench.center('action-camera'));
  await page.evaluate(() => bench.armCameraFirstFrame());
  await pause(TAP_PAUSE);
  await click(page, target);
  const r = await page.evaluate(() => bench.probeResult());
  const code = await page.evaluate(() => bench.close()); // stops the tracks
  if (code !== 11) throw new Error(`camera: close gave ${code}`);
  return r;
}

async function bareTapFirstFrame(page) {
  const target = await page.evaluate(() => bench.armBareTap());
  await pause(TAP_PAUSE);
  await click(page, target);
  return page.evaluate(() => bench.probeResult());
}

const bareFirstFrame = page => page.evaluate(() => bench.bareFirstFrame());

async function shutterAndConfirm(page, sizeType) {
  const shutter = await page.evaluate(s => bench.openCamera(s), sizeType);
  await page.evaluate(() => bench.armShutter());
  await click(page, shutter);
  const review = await page.evaluate(() => bench.probeResult());
  const confirm = await page.evaluate(() => bench.center('confirm'));
  await page.evaluate(() => bench.armConfirm());
  await click(page, confirm);
  return {review, result: await page.evaluate(() => bench.probeResult())};
}

async function cameraSection(page) {
  const runs = Math.max(10, RUNS);
  const paths = {sheet: sheetFirstFrame, tap: bareTapFirstFrame, script: bareFirstFrame};
  const samples = {sheet: [], tap: [], script: []};
  for (let i = -1; i < runs; i++) {
    // rotate which goes first, so none always meets a just-released camera
    const names = Object.keys(paths);
    const order = [...names.slice(((i % 3) + 3) % 3), ...names.slice(0, ((i % 3) + 3) % 3)];
    for (const name of order) {
      const r = await paths[name](page);
      if (i >= 0) samples[name].push(r);
    }
  }
  const summary = rs => {
    const m = k => median(rs.map(r => r[k]));
    return {median: m('ms'), mean: rs.reduce((sum, r) => sum + r.ms, 0) / rs.length, beforeGum: m('beforeGum'), gum: m('gum'), afterGum: m('afterGum'), size: `${rs[0].width}x${rs[0].height}`, samples: rs};
  };
  const first = {runs, tapPause: TAP_PAUSE, sheet: summary(samples.sheet), bareTap: summary(samples.tap), bare: summary(samples.script)};
  first.ratio = first.sheet.median / first.bareTap.median;
  first.ratioToScript = first.sheet.median / first.bare.median;
  const row = (label, s) => [label, fmt.ms(s.median), fmt.ms(s.beforeGum), fmt.ms(s.gum), fmt.ms(s.afterGum), s.size, fmt.x(s.median / first.bareTap.median)];
  table(`D1. Camera: click → first decoded video frame (requestVideoFrameCallback); ${runs} runs each, rotated, after 1 warm-up; taps ${TAP_PAUSE} ms after the page is still`,
    ['path', 'median ms', 'before gUM', 'gUM', 'gUM → frame', 'video', 'ratio'], [
      row('sheet: click action-camera → video part', first.sheet),
      row('bare tap: click a button → getUserMedia + <video>', first.bareTap),
      row('bare script: getUserMedia + <video>, no click', first.bare),
    ], [`goal ≤ 1.10× the bare tap: ${first.ratio <= 1.1 ? 'ok' : 'MISSED'} (${fmt.x(first.ratioToScript)} the script start, which no tap can match: a click costs the bare page too).`,
      `Means (less swayed by which side of a frame boundary the median falls): sheet ${fmt.ms(first.sheet.mean)}, bare tap ${fmt.ms(first.bareTap.mean)}, ${fmt.x(first.sheet.mean / first.bareTap.mean)}.`,
      'The three parts are medians of their own, so they need not add up.']);

  const shots = {};
  for (const sizeType of ['original', 'compressed']) {
    const samples = [];
    for (let i = -1; i < RUNS; i++) {
      const s = await shutterAndConfirm(page, sizeType);
      if (i >= 0) samples.push(s);
    }
    const r = samples[0].result;
    shots[sizeType] = {
      shutterToReview: median(samples.map(s => s.review.ms)),
      confirmToResolved: median(samples.map(s => s.result.ms)),
      reviewToClick: median(samples.map(s => s.result.reviewToClick)),
      result: {width: r.width, height: r.height, bytes: median(samples.map(s => s.result.bytes)), type: r.type},
      samples,
    };
  }
  table(`D2. Camera: shutter and confirm (count 1, stream asked 1920x1080); median of ${RUNS} after 1 warm-up`, ['sizeType', 'shutter → review ms', 'review → confirm click ms', 'confirm → resolved ms', 'result', 'bytes'],
    Object.entries(shots).map(([k, s]) => [k, fmt.ms(s.shutterToReview), fmt.ms(s.reviewToClick), fmt.ms(s.confirmToResolved), `${s.result.width}x${s.result.height} ${s.result.type}`, fmt.bytes(s.result.bytes)]),
    ['The sheet starts processing at the shutter, so confirm → resolved is what is left after "review → confirm click".']);
  return {firstFrame: first, shots};
}

// --- E. gallery -----------------------------------------------------------------------------

async function writeGalleryFiles(page, dir) {
  const t0 = performance.now();
  const paths = [];
  let totalBytes = 0;
  for (let i = 0; i < GALLERY_FILES; i++) {
    const bytes = Buffer.from(await page.evaluate(j => bench.galleryFileBase64(j), i), 'base64');
    const path = join(dir, `IMG_${String(i + 1).padStart(4, '0')}.jpg`);
    await writeFile(path, bytes);
    paths.push(path);
    totalBytes += bytes.length;
  }
  return {paths, totalBytes, generateMs: performance.now() - t0};
}

async function galleryRun(page, paths, sizeType) {
  const heapBefore = await page.evaluate(() => bench.heapAfterGc());
  const metricsBefore = (await page.metrics()).JSHeapUsedSize;
  const chooser = page.waitForFileChooser({timeout: 20_000});
  const {activated, album} = await page.evaluate(s => bench.openAlbum(s), sizeType);
  // With user activation the sheet opens the picker itself; without, the button is clicked.
  if (!activated) await click(page, album);
  const fileChooser = await chooser;
  await page.evaluate(() => bench.armGallery());
  const tAccept = await page.evaluate(() => performance.now());
  await fileChooser.accept(paths);
  const r = await page.evaluate(() => bench.probeResult());
  await click(page, await page.evaluate(() => bench.center('close')));
  const code = await page.evaluate(() => bench.close());
  if (code !== 11) throw new Error(`gallery: close gave ${code}`);
  const heapAfter = await page.evaluate(() => bench.heapAfterGc());
  const metricsAfter = (await page.metrics()).JSHeapUsedSize;
  return {
    activated, acceptToShown: r.tShown - tAccept, changeToShown: r.tShown - r.tChange, items: r.items, visible: r.visible,
    longestTask: r.longestTask, longTasks: r.longTasks, maxFrameGap: r.maxFrameGap, heapBefore, heapAfter, metricsBefore, metricsAfter,
  };
}

async function gallerySection(page) {
  const dir = await mkdtemp(join(os.tmpdir(), 'choose-image-sheet-bench-'));
  try {
    const files = await writeGalleryFiles(page, dir);
    // Default sizeType starts compressing the 9 auto-selected picks at once; ['original'] does
    // not, which shows what that work costs the first screen. Alternated run by run.
    const variants = {'default sizeType': undefined, "sizeType ['original']": ['original']};
    const runs = Object.fromEntries(Object.keys(variants).map(k => [k, []]));
    for (let i = -1; i < RUNS; i++) {
      for (const [name, sizeType] of Object.entries(variants)) {
        const r = await galleryRun(page, files.paths, sizeType);
        if (i >= 0) runs[name].push(r);
      }
    }
    const summary = rs => {
      const m = k => median(rs.map(r => r[k]));
      return {
        pickerOpenedBy: rs[0].activated ? 'the sheet (page had user activation)' : 'action-album click',
        acceptToShown: m('acceptToShown'), changeToShown: m('changeToShown'), visible: m('visible'),
        longestTask: m('longestTask'), maxLongestTask: Math.max(...rs.map(r => r.longestTask)), maxFrameGap: m('maxFrameGap'),
        heap: {firstBefore: rs[0].heapBefore, lastAfter: rs.at(-1).heapAfter, medianBefore: m('heapBefore'), medianAfter: m('heapAfter')},
        metrics: {firstBefore: rs[0].metricsBefore, lastAfter: rs.at(-1).metricsAfter, medianBefore: m('metricsBefore'), medianAfter: m('metricsAfter')},
        samples: rs,
      };
    };
    const out = {
      files: {count: files.paths.length, size: '4000x3000', totalBytes: files.totalBytes, generateMs: files.generateMs},
      runs: RUNS,
      variants: Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, summary(rs)])),
    };
    const v = Object.values(out.variants);
    const row = (label, f) => [label, ...v.map(f)];
    const heap = h => `${fmt.MB(h.medianBefore)} → ${fmt.MB(h.medianAfter)}`;
    table(
      `E. Gallery: ${out.files.count} JPEGs 4000x3000 (${fmt.MB(files.totalBytes)}) through the real file chooser, count 9; median of ${RUNS} after 1 warm-up`,
      ['measure', ...Object.keys(out.variants)],
      [
        row('chooser accept → first screen of thumbnails', s => `${fmt.ms(s.acceptToShown)} ms`),
        row('input change → first screen', s => `${fmt.ms(s.changeToShown)} ms`),
        row('gallery items in view', s => String(s.visible)),
        row('longest main-thread task (median / worst run)', s => `${fmt.ms(s.longestTask)} / ${fmt.ms(s.maxLongestTask)} ms`),
        row('longest gap between frames', s => `${fmt.ms(s.maxFrameGap)} ms`),
        row('usedJSHeapSize after gc: before open → after close', s => heap(s.heap)),
        row('page.metrics() JSHeapUsedSize: before → after', s => heap(s.metrics)),
      ],
      [
        `heap over the whole section: ${fmt.MB(v[0].heap.firstBefore)} before the first open, ${fmt.MB(v.at(-1).heap.lastAfter)} after the last close`,
        `picker opened by ${v[0].pickerOpenedBy}; files generated and written in ${fmt.ms(files.generateMs / 1000)} s`,
      ]
    );
    return out;
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

// --- main -----------------------------------------------------------------------------------

const inBrowser = {compress: compressSection, open: openSection, camera: cameraSection, gallery: gallerySection};
// Sections not run this time keep their last numbers, so `npm run bench -- size` does not wipe
// the rest; `ranAt` says when each section was measured.
const previous = await readFile(new URL('./results.json', import.meta.url), 'utf8').then(JSON.parse, () => ({}));
const results = {
  ...previous,
  machine: {date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`},
  sections: [...new Set([...(previous.sections ?? []), ...wanted])],
  ranAt: {...previous.ranAt},
};

let server, browser, url;
try {
  if (wanted.some(s => inBrowser[s])) {
    const port = await freePort();
    // web-dev-server.config.mjs's setup, except that Lit is served in its production build, as
    // users get it: the dev server's default 'development' condition serves Lit's slower dev mode.
    server = await startDevServer({
      config: {rootDir: '.', port, nodeResolve: {exportConditions: ['production']}, plugins: [tsAsJs(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'})]},
      readCliArgs: false, readFileConfig: false, logStartMessage: false, autoExitProcess: false,
    });
    const executablePath = findChrome();
    if (!executablePath) throw new Error('no Chromium found: set CHROME_PATH');
    browser = await puppeteer.launch({
      executablePath, headless: true, defaultViewport: VIEWPORT, protocolTimeout: 600_000,
      args: [...baseChromeArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    });
    Object.assign(results.machine, {chromium: await browser.version(), viewport: VIEWPORT, lit: 'production build'});
    console.log(`${results.machine.chromium}, node ${process.version}, ${results.machine.cpus}× ${results.machine.cpuModel}`);
    url = `http://localhost:${port}/bench/bench.html`;
  }
  for (const section of wanted) {
    const started = performance.now();
    console.error(`\n[${section}] running…`);
    if (!inBrowser[section]) {
      results[section] = await sizeSection();
      results.ranAt[section] = results.machine.date;
      continue;
    }
    // A fresh page per section: no worker, camera or memory left over from the one before.
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', e => console.error(`[page error] ${e.message}`));
    page.on('console', m => ['error', 'warn'].includes(m.type()) && console.error(`[page ${m.type()}] ${m.text()}`));
    await page.goto(url);
    await page.waitForFunction(() => window.bench);
    results[section] = await inBrowser[section](page);
    results.ranAt[section] = results.machine.date;
    await page.close();
    console.error(`[${section}] ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await writeFile(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwrote bench/results.json');
} finally {
  await browser?.close();
  await server?.stop();
}
