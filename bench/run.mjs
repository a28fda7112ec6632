// `npm run bench [-- compress|size|open|camera|pick|gallery|huge|heic|all ...]
//   [--engine chromium|firefox|webkit|all] [--profile low-end] [--runs=N] [--trace]`
// Serves the repo (bench/server.mjs), drives each engine through its driver (scripts/drivers:
// puppeteer over CDP or BiDi, WebKitWebDriver) on bench/bench.html, prints one table per section
// and then every goal with its baseline, ratio and verdict per engine, and one table across the
// engines; writes every number to bench/results.json, one key per engine (and profile), as each
// section ends.
import {execSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import os from 'node:os';
import {ENGINE_NAMES} from '../scripts/engines.mjs';
import {ensureBrowsers} from '../scripts/ensure-browsers.mjs';
import {launch} from '../scripts/drivers/index.mjs';
import {goalRows, printAcross, printGoals} from './goals.mjs';
import {startBenchServer, testFile} from './server.mjs';
import {cameraSection} from './sections/camera.mjs';
import {compressSection} from './sections/compress.mjs';
import {gallerySection} from './sections/gallery.mjs';
import {heicSection} from './sections/heic.mjs';
import {hugeSection} from './sections/huge.mjs';
import {openSection} from './sections/open.mjs';
import {pickSection} from './sections/pick.mjs';
import {sizeSection} from './sections/size.mjs';

const SECTIONS = {compress: compressSection, size: sizeSection, open: openSection, camera: cameraSection, pick: pickSection, gallery: gallerySection, huge: hugeSection, heic: heicSection};

/**
 * Profiles: the default (each engine as it runs here, a phone-sized viewport), and a low-end
 * phone: Chromium with its CPU (the page's main thread and its workers) throttled 4×, as a
 * mid-range Android phone's cores are 3–6× slower than this machine's, in a phone's viewport.
 */
const PROFILES = {
  default: {engines: ENGINE_NAMES, sections: Object.keys(SECTIONS), viewport: {width: 412, height: 915}},
  'low-end': {engines: ['chromium'], sections: ['pick', 'gallery', 'camera'], viewport: {width: 360, height: 780, deviceScaleFactor: 2, isMobile: true, hasTouch: true}, cpuThrottle: 4},
};

function usage(problem) {
  console.error(`usage: npm run bench -- [${Object.keys(SECTIONS).join('|')}|all ...] [--engine ${ENGINE_NAMES.join('|')}|all] [--profile ${Object.keys(PROFILES).join('|')}] [--runs=N] [--trace]\n${problem}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {engines: [], sections: [], runs: 5, trace: false, profile: 'default'};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--engine' || flag === '--engines') opts.engines.push(...value().split(','));
    else if (flag === '--profile') opts.profile = value();
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--trace') opts.trace = true;
    else if (flag.startsWith('--')) usage(`unknown option ${flag}`);
    else opts.sections.push(flag);
  }
  const profile = PROFILES[opts.profile] ?? usage(`unknown profile ${opts.profile}`);
  const engines = opts.engines.length === 0 || opts.engines.includes('all') ? profile.engines : opts.engines;
  const wrongEngine = engines.filter(e => !profile.engines.includes(e));
  if (wrongEngine.length) usage(`profile ${opts.profile} runs in ${profile.engines.join(', ')} only, not ${wrongEngine.join(', ')}`);
  const sections = opts.sections.length === 0 || opts.sections.includes('all') ? profile.sections : opts.sections;
  const wrongSection = sections.filter(s => !profile.sections.includes(s));
  if (wrongSection.length) usage(`profile ${opts.profile} has no section ${wrongSection.join(', ')}`);
  if (!(opts.runs >= 1)) usage('--runs must be at least 1');
  return {...opts, engines: ENGINE_NAMES.filter(e => engines.includes(e)), sections, profile, profileName: opts.profile};
}

const opts = parseArgs(process.argv.slice(2));
ensureBrowsers(opts.engines);

/** The results key of an engine under the chosen profile. */
const targetName = engine => (opts.profileName === 'default' ? engine : `${engine}-${opts.profileName}`);

const machine = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model,
  totalMemBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, lit: 'production build',
};

// Sections not run this time keep their last numbers, so `npm run bench -- size` does not wipe
// the rest; `ranAt` says when each section was measured.
const resultsUrl = new URL('./results.json', import.meta.url);
const readResults = async () => {
  const stored = await readFile(resultsUrl, 'utf8').then(JSON.parse, () => ({}));
  // Results from before there was a key per engine were Chromium's alone, on the default profile.
  return stored.sections && !stored.chromium ? {} : stored;
};

/**
 * Writes `target`'s numbers into bench/results.json as they come (after each section), merged
 * into the file as it is now: a run stopped or stuck in one engine (WebKit's camera can deadlock
 * its web process) keeps what the others measured, and the keys this run does not touch stay.
 */
async function save(target, out) {
  const stored = await readResults();
  stored.machine = machine;
  stored[target] = {...out, goals: goalRows(out)};
  stored.across = acrossOf(stored, false);
  await writeFile(resultsUrl, JSON.stringify(stored, null, 2) + '\n');
}

/** The goals of every target in `stored`, in one table (printed when `print`), as Markdown. */
function acrossOf(stored, print) {
  const targets = Object.fromEntries(Object.entries(stored).filter(([, v]) => v?.goals).map(([k, v]) => [k, v.goals]));
  return printAcross(targets, print);
}

const newest = dir => Math.max(...execSync(`find ${dir} -type f -printf '%T@\\n'`).toString().trim().split('\n').map(Number));
if (!existsSync('dist/choose-image-sheet.bundled.js') || newest('src') > newest('dist')) execSync('npm run build', {stdio: 'inherit'});

console.log(`node ${process.version}, ${machine.cpus}× ${machine.cpuModel}, load ${os.loadavg().map(l => l.toFixed(1)).join(' ')}`);

const server = await startBenchServer();
try {
  for (const engine of opts.engines) {
    const target = targetName(engine);
    const previous = (await readResults())[target] ?? {};
    const out = {...previous, ranAt: {...previous.ranAt}};
    const started = performance.now();
    console.error(`\n[${target}] launching…`);
    const browser = await launch(engine, {viewport: opts.profile.viewport});
    try {
      Object.assign(out, {browser: await browser.version(), viewport: opts.profile.viewport, cpuThrottle: opts.profile.cpuThrottle ?? 1, loadBefore: os.loadavg()});
      console.log(`\n=== ${target}: ${out.browser}${opts.profile.cpuThrottle ? `, CPU throttled ${opts.profile.cpuThrottle}×` : ''} ===`);
      for (const name of opts.sections) {
        await runSection(browser, engine, name, out);
        out.loadAfter = os.loadavg();
        await save(target, out);
      }
    } finally {
      await browser.close();
    }
    printGoals(target, goalRows(out));
    console.log(`wrote ${target} to bench/results.json`);
    console.error(`[${target}] ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  acrossOf(await readResults(), true);
} finally {
  await server.stop();
}

/** Runs section `name` in a fresh page of `browser` (no worker, camera or memory left over from the one before). */
async function runSection(browser, engine, name, out) {
  const started = performance.now();
  console.error(`\n[${engine} ${name}] running…`);
  const pages = [];
  const freshPage = async () => {
    const page = await browser.newPage(server.url);
    await page.evaluate(() => new Promise(r => (window.bench ? r() : addEventListener('bench-ready', () => r(), {once: true}))));
    // Kept open for the page's life: the throttle holds while its session does.
    if (opts.profile.cpuThrottle) await (await page.cdp()).send('Emulation.setCPUThrottlingRate', {rate: opts.profile.cpuThrottle});
    pages.push(page);
    ctx.page = page;
    return page;
  };
  const ctx = {
    engine, browser, server, runs: opts.runs, freshPage,
    /** The stored test file `name`, made in the section's first page (see server.mjs). */
    file: (file, make) => testFile(file, make),
  };
  const page = await freshPage();
  // --trace: a DevTools trace of the section, to see what a long task was (not kept in git).
  const trace = opts.trace && engine === 'chromium';
  if (trace) await page.page.tracing.start({path: `bench/trace-${name}.json`, categories: ['blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline.frame', ...(process.env.BENCH_JS_PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])]});
  out[name] = await SECTIONS[name](ctx);
  if (trace) await page.page.tracing.stop();
  out.ranAt[name] = machine.date;
  for (const p of pages) await p.close();
  console.error(`[${engine} ${name}] ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
