// Every test file runs in Chromium, Firefox and WebKit (or the engines named by ENGINES, which
// `npm test -- --engine …` sets), each in browser groups that differ only in the camera the
// browser has: granted (most tests), refused at the prompt, blocked before the call, and none.
// Groups run one after another, each browser launched once for its group: running them at
// once hung WebKit's MiniBrowser, and a busy 2-core machine makes timings unfair.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {selectEngines} from './scripts/engines.mjs';
import {libheifDevServer} from './scripts/libheif.mjs';
import {tsAsJs} from './scripts/ts-as-js.mjs';
import {downloads} from './test/helpers/downloads.mjs';
import {launcher} from './test/helpers/launchers.mjs';
import {proxyRequests} from './test/helpers/proxy-requests.mjs';
import {requestLog} from './test/helpers/request-log.mjs';
import {serverCommands} from './test/helpers/server-commands.mjs';
import {summaryReporter} from './test/helpers/summary-reporter.mjs';
import {uploadServer} from './test/helpers/upload-server.mjs';
import {waitLimit} from './test/helpers/wait-limit.mjs';

const {engines} = selectEngines([], process.env);

/** The files each camera group runs; `granted` runs everything else. */
const cameraFiles = {
  granted: ['test/**/*.test.ts', '!test/camera-refused/**', '!test/camera-blocked/**', '!test/no-camera/**'],
  refused: ['test/camera-refused/**/*.test.ts'],
  blocked: ['test/camera-blocked/**/*.test.ts'],
  none: ['test/no-camera/**/*.test.ts'],
};
const groupName = (engine, camera) => (camera === 'granted' ? engine : `${engine}-camera-${camera}`);

/**
 * FILES=test/a.test.ts,test/no-camera/b.test.ts runs only those files, each in the group its
 * folder belongs to (for quick work; the runner's own file arguments do not reach groups).
 */
const listed = process.env.FILES?.split(',').filter(Boolean);
const only = listed?.length ? listed : undefined; // FILES= (empty): every file
const inFolder = (file, [glob]) => file.startsWith(glob.slice(0, glob.indexOf('*')));
const filesOf = (camera, files) => {
  if (!only) return files;
  const mine = only.filter(f => (camera === 'granted' ? !Object.values(cameraFiles).slice(1).some(g => inFolder(f, g)) : inFolder(f, files)));
  return mine.length ? mine : null;
};

const groups = engines.flatMap(engine =>
  Object.entries(cameraFiles).flatMap(([camera, all]) => {
    const files = filesOf(camera, all);
    const browser = files && launcher(engine, camera);
    return browser ? [{name: groupName(engine, camera), files, browsers: [browser]}] : [];
  })
);

/** The strict policy issue 7 asks the kit to run under, served for test/csp/ pages. */
export const strictCsp =
  "default-src 'self'; img-src 'self' blob:; media-src 'self' blob: mediastream:; style-src 'self'; require-trusted-types-for 'script'";

/** The policy for a test/csp/ page, by its query. */
function cspFor(query) {
  // ?no-worker: workers forbidden, to prove the main-thread fallback.
  if ('no-worker' in query) return `${strictCsp}; worker-src 'none'`;
  // ?wasm: the one addition HEIC decoding needs (WebAssembly), as the README documents it.
  if ('wasm' in query) return `${strictCsp}; script-src 'self' 'wasm-unsafe-eval'`;
  // ?built-in: the kit's files missing (test/csp/page-kit.ts), so its built-in worker starts from
  // a blob:, with what the README says that needs.
  if ('built-in' in query) return `${strictCsp}; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:`;
  return strictCsp;
}

async function cspHeader(ctx, next) {
  await next();
  if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) ctx.set('Content-Security-Policy', cspFor(ctx.query));
  // A worker runs under the policy of its own script's response, so a strict site sends it there
  // too: the worker a test/csp/ page starts gets the page's policy. Never cached, or a worker
  // started by another page would bring its response (and its policy, or none) along.
  if (ctx.get('sec-fetch-dest') !== 'worker') return;
  ctx.set('Cache-Control', 'no-store');
  const from = ctx.get('referer') && new URL(ctx.get('referer'));
  if (from?.pathname.startsWith('/test/csp/')) ctx.set('Content-Security-Policy', cspFor(Object.fromEntries(from.searchParams)));
}

export default {
  rootDir: '.',
  nodeResolve: true,
  // One page at a time: focus, animations and page visibility are real only in the front page.
  concurrency: 1,
  concurrentBrowsers: 1,
  // Firefox takes 8–30 s to launch on a busy machine; WebKit's launcher may start MiniBrowser
  // twice (90 s each, see launchers.mjs).
  browserStartTimeout: 200_000,
  testsStartTimeout: 120_000,
  testFramework: {config: {timeout: 20000}},
  // Per test file. A page that stops running (WebKit's MiniBrowser once stalled on a machine with
  // five runs at once) then fails in minutes, not twenty.
  testsFinishTimeout: 6 * 60 * 1000,
  // The runner insists on a top-level browser list; every group names its own.
  browsers: groups[0].browsers,
  groups,
  middleware: [cspHeader, requestLog.middleware],
  plugins: [proxyRequests(), tsAsJs(), libheifDevServer(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'}), serverCommands(), requestLog.plugin, uploadServer(), downloads(), waitLimit()],
  reporters: [defaultReporter(), summaryReporter()],
};
