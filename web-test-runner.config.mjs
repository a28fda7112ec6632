// Tests run in a real headless Chromium, in three groups that differ only in the camera the
// browser has: a granted fake camera (most tests), a fake camera whose permission prompts are
// refused, and no camera at all.
import {chromeLauncher} from '@web/test-runner-chrome';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {baseChromeArgs, findChrome} from './scripts/chrome-path.mjs';
import {libheifDevServer} from './scripts/libheif.mjs';
import {tsAsJs} from './scripts/ts-as-js.mjs';
import {requestLog} from './test/helpers/request-log.mjs';
import {serverCommands} from './test/helpers/server-commands.mjs';
import {summaryReporter} from './test/helpers/summary-reporter.mjs';

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chromium found: run `npm test` (its pretest installs one) or set CHROME_PATH.');

const chromium = (...args) =>
  chromeLauncher({
    launchOptions: {executablePath, headless: true, args: [...baseChromeArgs, ...args]},
  });

// Two fake cameras, so switching between them is tested for real.
const fakeCamera = '--use-fake-device-for-media-stream=device-count=2';
const autoGrant = '--use-fake-ui-for-media-stream';

/** The strict policy issue 7 asks the kit to run under, served for test/csp/ pages. */
export const strictCsp =
  "default-src 'self'; img-src 'self' blob:; media-src 'self' blob: mediastream:; style-src 'self'; require-trusted-types-for 'script'";

/** The policy for a test/csp/ page, by its query. */
function cspFor(query) {
  // ?no-worker: workers forbidden, to prove the main-thread fallback.
  if ('no-worker' in query) return `${strictCsp}; worker-src 'none'`;
  // ?wasm: the one addition HEIC decoding needs (WebAssembly), as the README documents it.
  if ('wasm' in query) return `${strictCsp}; script-src 'self' 'wasm-unsafe-eval'`;
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
  testFramework: {config: {timeout: 10000}},
  testsFinishTimeout: 20 * 60 * 1000,
  // gc() and exact heap sizes for the leak tests.
  browsers: [chromium(fakeCamera, autoGrant, '--js-flags=--expose-gc', '--enable-precise-memory-info')],
  files: ['test/**/*.test.ts', '!test/camera-refused/**', '!test/no-camera/**'],
  groups: [
    {name: 'camera-refused', files: 'test/camera-refused/**/*.test.ts', browsers: [chromium(fakeCamera, '--deny-permission-prompts')]},
    // insecure.test → the test server over http: a real insecure context, for the no-mediaDevices path.
    {name: 'no-camera', files: 'test/no-camera/**/*.test.ts', browsers: [chromium(autoGrant, '--host-resolver-rules=MAP insecure.test 127.0.0.1')]},
  ],
  middleware: [cspHeader, requestLog.middleware],
  plugins: [tsAsJs(), libheifDevServer(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'}), serverCommands(), requestLog.plugin],
  reporters: [defaultReporter(), summaryReporter()],
};
