// The consumers suite: the package as `npm pack` makes it, installed into the small apps in
// test/consumers/apps/ (each with its own package.json and lock file, every version pinned) and
// used the way their authors would, with nothing configured for the kit:
//
//   vite     Vite 8: the dev server, and `vite build` + `vite preview`
//   webpack  webpack 5, production
//   rollup   Rollup 4 with node-resolve (Rollup emits no file named by `new URL`: the kit's
//            built-in worker does the work)
//   esbuild  esbuild, the same; and a second page with the kit's worker and HEIC decoder from a
//            stand-in CDN (setAssetPath)
//   static   no bundler: the bundled build from a plain static server
//   ssr      a server-rendered page (Vite SSR) whose server module imports the package
//   node     a Node ESM project that imports every entry in package.json `exports`
//   types    strict TypeScript 5.9, 6.0 and 7.0, bundler and node16 resolution
//
// and what the tarball holds, are-the-types-wrong and publint. The browser apps run in one
// Chromium (see browser-flows.mjs); the pages that this suite serves itself get the README's
// strict Content-Security-Policy. Each check prints like a test; the run ends with
// `consumers: N passed, N failed` (and writes the counts to $CONSUMERS_SUMMARY if set).
//
// `node test/consumers/run.mjs [app…]` runs the named apps only. After changing an app's
// dependencies, `node test/consumers/run.mjs --update-locks` installs them and writes the
// apps' lock files back (the tarball's own entry without its hash, which changes every build).
import {execFile, spawn} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join, relative} from 'node:path';
import {promisify} from 'node:util';
import puppeteer from 'puppeteer-core';
import ts from 'typescript';
import {baseChromeArgs, findChrome} from '../../scripts/chrome-path.mjs';
import {browserFlows, makePhoto, withTimeout} from './browser-flows.mjs';
import {serveStatic} from './static-server.mjs';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const APPS = join(ROOT, 'test/consumers/apps');
const WORK = join(ROOT, '.consumers'); // the apps' installed copies and build output (git-ignored)
const TARBALL = join(WORK, 'choose-image-sheet.tgz');
const run = promisify(execFile);

/**
 * The README's strict policy, with the one addition HEIC needs; `cdn` adds a CDN's origin, and
 * `builtInWorker` what the kit's built-in worker needs.
 */
const strictCsp = ({cdn, builtInWorker} = {}) =>
  [
    "default-src 'self'",
    "img-src 'self' blob:",
    "media-src 'self' blob: mediastream:",
    "style-src 'self'",
    `script-src 'self' ${cdn ? `${cdn} ` : ''}'wasm-unsafe-eval'`,
    // From a CDN: the worker starts from a blob: that imports its script (worker-src covers both),
    // the HEIC glue is imported (script-src) and libheif.wasm fetched (connect-src) from there.
    ...(cdn ? [`connect-src 'self' ${cdn}`, `worker-src 'self' blob: ${cdn}`] : []),
    // The built-in worker starts from a blob: of the page's own making.
    ...(builtInWorker ? ["worker-src 'self' blob:"] : []),
    "require-trusted-types-for 'script'",
  ].join('; ');

// ---------------------------------------------------------------- checks and their report
const results = [];
/** The longest a check may take (an install under load takes a few minutes): past it, it fails. */
const CHECK_LIMIT = 10 * 60_000;

/** Runs one check and reports it; resolves with whether it passed. */
async function check(name, fn) {
  const start = performance.now();
  try {
    // Nothing here may hang the run: a wait with no time limit of its own fails its check, named.
    await withTimeout(fn(), CHECK_LIMIT, 'the check did not finish');
    results.push({name, ok: true});
    console.log(`  ✓ ${name} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    results.push({name, ok: false});
    console.log(`  ✗ ${name}\n${String(e?.stack ?? e).replace(/^/gm, '      ')}`);
    return false;
  }
}
async function failAll(names, why) {
  for (const name of names) await check(name, () => Promise.reject(new Error(why)));
}

function expectEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}:\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(actual)}`);
}

// ---------------------------------------------------------------- processes and ports
/** Runs a command in `cwd`; rejects with its output when it fails. */
async function sh(cwd, command, args, {env} = {}) {
  try {
    const {stdout, stderr} = await run(command, args, {cwd, env: {...process.env, ...env}, maxBuffer: 64 * 1024 * 1024});
    return stdout + stderr;
  } catch (e) {
    throw new Error(`${command} ${args.join(' ')} failed in ${relative(ROOT, cwd)}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts a long-running server process and waits until `url` answers. */
async function startServer(cwd, command, args, url, env = {}) {
  const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited: ${output}`);
    if (await fetch(url).then(r => r.ok, () => false)) return {stop: () => stop(child), output: () => output};
    await new Promise(r => setTimeout(r, 200));
  }
  stop(child);
  throw new Error(`${url} did not answer within 60 s: ${output}`);
}
function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise(resolve => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------- the package
/** `npm pack` into .consumers/; checks what the tarball holds; returns its size. */
async function pack() {
  rmSync(WORK, {recursive: true, force: true});
  mkdirSync(WORK, {recursive: true});
  const [info] = JSON.parse(await sh(ROOT, 'npm', ['pack', '--json', '--pack-destination', WORK]).then(out => out.slice(out.indexOf('['))));
  renameSync(join(WORK, info.filename), TARBALL);
  await check('package › the tarball holds what a user needs and nothing else', async () => {
    // The published build (dist/, source maps only beside the minified bundled build), the JSX
    // types, the manifest, package.json and the README. No source, no tests.
    const allowed = /^(package\.json|README\.md|LICENSE|custom-elements\.json|jsx\/[\w-]+\.d\.ts|dist\/([\w.-]+\.js|[\w.-]+\.bundled\.js\.map|libheif\.(wasm|LICENSE\.txt)|([\w-]+\/)*[\w.-]+\.d\.ts))$/;
    const strays = info.files.map(f => f.path).filter(p => !allowed.test(p));
    if (strays.length) throw new Error(`unexpected files: ${strays.join(', ')}`);
  });
  return info;
}

// ---------------------------------------------------------------- installing the apps
/** The tarball's lock entry without its hash: npm would otherwise install a cached older build. */
function withoutTarballHash(lockPath) {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const entry = lock.packages?.['node_modules/choose-image-sheet'];
  if (entry) delete entry.integrity;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}

async function install(app, updateLocks) {
  const dir = join(WORK, app);
  cpSync(join(APPS, app), dir, {recursive: true, filter: src => !/[\\/](node_modules|dist)$/.test(src)});
  if (updateLocks) {
    rmSync(join(dir, 'package-lock.json'), {force: true});
    await sh(dir, 'npm', ['install', '--no-audit', '--no-fund']);
    withoutTarballHash(join(dir, 'package-lock.json'));
    cpSync(join(dir, 'package-lock.json'), join(APPS, app, 'package-lock.json'));
    return;
  }
  withoutTarballHash(join(dir, 'package-lock.json'));
  await sh(dir, 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
}

/** Runs `fn` over `items`, `width` at a time. */
async function inParallel(items, width, fn) {
  const queue = [...items];
  await Promise.all(Array.from({length: width}, async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

// ---------------------------------------------------------------- Node and TypeScript
/** The names an entry's .d.ts exports as values (what `import * as m` must list, no more). */
function declaredValues(dts) {
  const program = ts.createProgram([dts], {module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, noEmit: true, types: []});
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(dts));
  return checker
    .getExportsOfModule(symbol)
    .filter(s => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0)
    .map(s => s.name)
    .sort();
}

async function nodeChecks() {
  const dir = join(WORK, 'node');
  let report;
  await check('node › the project runs', async () => (report = JSON.parse(await sh(dir, process.execPath, ['check.mjs']))));
  if (!report) return;
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/choose-image-sheet/package.json'), 'utf8'));
  for (const [entry, loaded] of Object.entries(report.entries)) {
    await check(`node › import('${entry}') exports its declared API, no more`, async () => {
      if (loaded.error) throw new Error(loaded.error);
      const subpath = entry === 'choose-image-sheet' ? '.' : `./${entry.slice('choose-image-sheet/'.length)}`;
      expectEqual(loaded.exports, declaredValues(join(dir, 'node_modules/choose-image-sheet', pkg.exports[subpath].types)), 'exports');
    });
  }
  await check('node › no DOM global touched by the package at module load', async () => expectEqual(report.touchedAtLoad, [], 'touched'));
  await check('node › the element registers where Lit\'s Node build provides customElements', async () => expectEqual(report.defined, true, 'defined'));
  for (const [api, outcome] of Object.entries(report.calls)) {
    const name = api.replace(/^my\./, '');
    await check(`node › ${api}() fails with code 3 saying why, fail then complete`, async () =>
      expectEqual(outcome, {error: 3, errorMessage: `未知错误: ${name} needs a browser (document is not defined)`, callbacks: ['fail', 'complete']}, api)
    );
  }
}

async function typeChecks() {
  const dir = join(WORK, 'types');
  const compilers = readdirSync(join(dir, 'node_modules')).filter(n => /^typescript-\d/.test(n)).sort();
  const jobs = compilers.flatMap(tsc => ['bundler', 'node16'].map(resolution => ({tsc, resolution})));
  await inParallel(jobs, 2, ({tsc, resolution}) => {
    const version = JSON.parse(readFileSync(join(dir, 'node_modules', tsc, 'package.json'), 'utf8')).version;
    return check(`types › TypeScript ${version}, ${resolution} resolution, strict, skipLibCheck false: the whole API, JSX for React, Preact and Vue, no cast`, () =>
      sh(dir, process.execPath, [join(dir, 'node_modules', tsc, 'bin/tsc'), '-p', `tsconfig.${resolution}.json`])
    );
  });
}

// ---------------------------------------------------------------- building the apps
const BUILDS = {
  vite: ['node_modules/vite/bin/vite.js', 'build'],
  webpack: ['node_modules/webpack-cli/bin/cli.js'],
  rollup: ['node_modules/rollup/dist/bin/rollup', '-c'],
  esbuild: ['node_modules/.bin/esbuild', 'src/main.js', 'src/cdn.js', '--bundle', '--format=esm', '--splitting', '--minify', '--outdir=dist'],
  ssr: null, // two builds, below
};

async function build(app) {
  const dir = join(WORK, app);
  const node = args => sh(dir, process.execPath, args);
  let output;
  if (app === 'ssr') {
    output = (await node(['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist/client'])) + (await node(['node_modules/vite/bin/vite.js', 'build', '--ssr', 'src/entry-server.js', '--outDir', 'dist/server']));
  } else if (BUILDS[app][0].startsWith('node_modules/.bin/')) {
    output = await sh(dir, join(dir, BUILDS[app][0]), BUILDS[app].slice(1)); // a native program (esbuild)
  } else {
    output = await node(BUILDS[app]);
  }
  // A warning about the kit's own files (a dynamic import the bundler cannot follow, a missing
  // source map) fails the build check; webpack's advice on large assets (libheif.wasm) does not.
  const warnings = output.split('\n').filter(line => /warn/i.test(line) && /choose-image-sheet/.test(line));
  if (warnings.length) throw new Error(warnings.join('\n'));
}

// ---------------------------------------------------------------- the browser apps
/** Each browser app: how to start what serves it, and the address to open. */
const BROWSER_APPS = {
  'vite dev': async () => {
    const port = await freePort();
    const dir = join(WORK, 'vite');
    const server = await startServer(dir, process.execPath, ['node_modules/vite/bin/vite.js', '--port', port, '--strictPort', '--host', '127.0.0.1'], `http://127.0.0.1:${port}/`);
    return {
      url: `http://127.0.0.1:${port}/`,
      stop: server.stop,
      // Vite's own word on the kit's files (a dynamic import it cannot follow, a missing source map).
      after: () => {
        const said = server.output().split('\n').filter(l => /choose-image-sheet/.test(l));
        if (said.length) throw new Error(said.join('\n'));
      },
    };
  },
  'vite build + preview': async () => {
    const port = await freePort();
    const server = await startServer(join(WORK, 'vite'), process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1'], `http://127.0.0.1:${port}/`);
    return {url: `http://127.0.0.1:${port}/`, stop: server.stop};
  },
  webpack: async () => {
    const server = await serveStatic(join(WORK, 'webpack/dist'));
    return {url: `${server.origin}/`, stop: server.close};
  },
  rollup: async () => {
    const server = await serveStatic(join(WORK, 'rollup'), {headers: {'content-security-policy': strictCsp({builtInWorker: true})}});
    return {url: `${server.origin}/`, stop: server.close, builtInWorker: true};
  },
  esbuild: async () => {
    const server = await serveStatic(join(WORK, 'esbuild'), {headers: {'content-security-policy': strictCsp({builtInWorker: true})}});
    return {url: `${server.origin}/`, stop: server.close, builtInWorker: true};
  },
  'esbuild, the kit from a CDN': async () => {
    const cdn = await serveStatic(join(WORK, 'esbuild/node_modules/choose-image-sheet/dist'), {headers: {'access-control-allow-origin': '*'}});
    const server = await serveStatic(join(WORK, 'esbuild'), {headers: {'content-security-policy': strictCsp({cdn: cdn.origin})}});
    return {url: `${server.origin}/cdn.html?cdn=${encodeURIComponent(`${cdn.origin}/`)}`, stop: () => Promise.all([server.close(), cdn.close()])};
  },
  'no bundler': async () => {
    const server = await serveStatic(join(WORK, 'static'), {headers: {'content-security-policy': strictCsp()}});
    return {url: `${server.origin}/`, stop: server.close};
  },
  'server-rendered page': async () => {
    const port = await freePort();
    const server = await startServer(join(WORK, 'ssr'), process.execPath, ['server.mjs'], `http://127.0.0.1:${port}/`, {PORT: String(port)});
    return {url: `http://127.0.0.1:${port}/`, stop: server.stop, serverRendered: true};
  },
};
/** The installed app each browser app runs from. */
const APP_OF = {'vite dev': 'vite', 'vite build + preview': 'vite', webpack: 'webpack', rollup: 'rollup', esbuild: 'esbuild', 'esbuild, the kit from a CDN': 'esbuild', 'no bundler': 'static', 'server-rendered page': 'ssr'};

async function browserChecks(names) {
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: [...baseChromeArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  try {
    const photo = join(WORK, 'IMG_4000x3000.jpg');
    await makePhoto(browser, photo);
    for (const name of names) {
      let app;
      try {
        app = await BROWSER_APPS[name]();
      } catch (e) {
        await check(`${name} › starts`, () => Promise.reject(e));
        continue;
      }
      try {
        await browserFlows(browser, {name, url: app.url, photo, check, serverRendered: app.serverRendered, builtInWorker: app.builtInWorker});
        if (app.after) await check(`${name} › the server said nothing about the kit's files`, async () => app.after());
      } finally {
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- the run
async function main() {
  const args = process.argv.slice(2);
  const updateLocks = args.includes('--update-locks');
  const chosen = args.filter(a => !a.startsWith('--'));
  const apps = readdirSync(APPS).filter(a => !chosen.length || chosen.includes(a));
  const started = performance.now();
  console.log(`Consumers of the packed package: ${apps.join(', ')}`);

  const tarball = await pack();
  console.log(`  (tarball: ${(tarball.size / 1000).toFixed(1)} kB, ${tarball.entryCount} files, ${(tarball.unpackedSize / 1e6).toFixed(2)} MB unpacked)`);
  if (!chosen.length) {
    await check('package › are-the-types-wrong (esm-only): no problem', () => sh(ROOT, process.execPath, [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), TARBALL, '--profile', 'esm-only']));
    await check('package › publint --strict: no problem', async () => {
      const out = await sh(ROOT, process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), '--strict']);
      if (!/All good!/.test(out)) throw new Error(out);
    });
  }

  const installed = new Set();
  await inParallel(apps, 3, app =>
    check(`${app} › installs from the tarball (${updateLocks ? 'npm install, lock written back' : 'npm ci'})`, async () => {
      await install(app, updateLocks);
      installed.add(app);
    })
  );
  if (updateLocks) return;

  const built = new Set(apps.filter(a => !(a in BUILDS) && installed.has(a)));
  for (const app of apps.filter(a => a in BUILDS && installed.has(a))) {
    await check(`${app} › builds, with no warning about the kit's files`, async () => {
      await build(app);
      built.add(app);
    });
  }

  if (installed.has('node')) await nodeChecks();
  if (installed.has('types')) await typeChecks();

  const browserApps = Object.keys(BROWSER_APPS).filter(name => apps.includes(APP_OF[name]));
  const ready = browserApps.filter(name => built.has(APP_OF[name]));
  await failAll(browserApps.filter(name => !ready.includes(name)).map(name => `${name} › runs`), 'not installed or not built');
  if (ready.length) await browserChecks(ready);

  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`\nconsumers: ${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (process.env.CONSUMERS_SUMMARY) writeFileSync(process.env.CONSUMERS_SUMMARY, JSON.stringify({passed, failed}));
  process.exitCode = failed ? 1 : 0;
}

if (!existsSync(join(ROOT, 'dist/index.js'))) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
await main();
