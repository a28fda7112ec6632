// The three browser engines the tests run in: where each one's programs are on this machine,
// which Debian packages bring them, and which engines a run selects (`--engine` or ENGINES).
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {findChrome} from './chrome-path.mjs';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

const firstExisting = paths => paths.find(p => p && existsSync(p));

/** Every `<dir>/<arch>/<sub>/<name>` under /usr/lib, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser. */
function inArchLibs(sub, name) {
  const lib = '/usr/lib';
  if (!existsSync(lib)) return [];
  return readdirSync(lib).map(arch => join(lib, arch, sub, name));
}

/** Absolute path of a program on PATH, or undefined. */
function onPath(name) {
  return firstExisting((process.env.PATH ?? '').split(':').map(dir => dir && join(dir, name)));
}

export const engines = {
  chromium: {
    packages: ['chromium'],
    /** The Chromium or Chrome binary. */
    find: () => findChrome(),
  },
  firefox: {
    packages: ['firefox-esr'],
    /** The Firefox binary (stock Firefox speaks WebDriver BiDi; no geckodriver needed). */
    find: () => firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', onPath('firefox-esr'), onPath('firefox')]),
  },
  webkit: {
    packages: ['webkit2gtk-driver', 'xvfb'],
    /** WebKitGTK's WebDriver server, its MiniBrowser and Xvfb (MiniBrowser has no headless mode). */
    find() {
      const driver = firstExisting([process.env.WEBKIT_WEBDRIVER_PATH, onPath('WebKitWebDriver')]);
      const miniBrowser = firstExisting([
        process.env.MINIBROWSER_PATH,
        ...inArchLibs('webkit2gtk-4.1', 'MiniBrowser'),
        ...inArchLibs('webkitgtk-6.0', 'MiniBrowser'),
      ]);
      const xvfb = onPath('Xvfb');
      return driver && miniBrowser && xvfb ? {driver, miniBrowser, xvfb} : undefined;
    },
  },
};

/** `--engine consumers`: the packed package inside apps built by real bundlers (test/consumers/). */
export const CONSUMERS = 'consumers';

/**
 * The engines this run uses, in the order they run: `--engine a,b` (or `--engine=a`, repeatable)
 * on the command line, else ENGINES=a,b in the environment, else all three. `consumers` may be
 * named too; it is in the default selection unless FILES names test files.
 * Returns the selection, whether the consumers suite runs, and the command-line arguments left
 * for the test runner.
 */
export function selectEngines(argv = process.argv.slice(2), env = process.env) {
  const named = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--engine' || arg === '--engines') named.push(argv[++i] ?? '');
    else if (/^--engines?=/.test(arg)) named.push(arg.slice(arg.indexOf('=') + 1));
    else rest.push(arg);
  }
  const list = (named.length ? named.join(',') : env.ENGINES ?? '')
    .split(',')
    .map(s => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = list.filter(e => !ENGINE_NAMES.includes(e) && e !== CONSUMERS);
  if (unknown.length) throw new Error(`Unknown engine ${unknown.join(', ')}: choose from ${[...ENGINE_NAMES, CONSUMERS].join(', ')}.`);
  const selected = list.length ? ENGINE_NAMES.filter(e => list.includes(e)) : [...ENGINE_NAMES];
  const consumers = list.length ? list.includes(CONSUMERS) : !env.FILES;
  return {engines: selected, consumers, rest};
}
