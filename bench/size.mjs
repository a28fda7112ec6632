// Section B, the part measured at build level: min+gzip sizes of every file of the bundled build
// in dist/, of our code alone (Lit external), and of Lit alone (what the project imports from
// it). What a browser fetches per flow is measured on the wire by run.mjs.
import {execSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {rollup} from 'rollup';
import {madeApart} from '../scripts/made-apart.mjs';
import {minifyCss} from '../scripts/minify-css.mjs';

const BUNDLED = 'dist/choose-image-sheet.bundled.js';
const isLit = id => /^(lit|lit-html|lit-element|@lit\/.*)(\/|$)/.test(id);
const gz = code => gzipSync(code, {level: 9}).length;
const sizes = code => ({minBytes: Buffer.byteLength(code), gzipBytes: gz(code)});
const rel = id => id.replace(`${process.cwd()}/`, '');

const newestIn = dir =>
  Math.max(...readdirSync(dir, {withFileTypes: true}).map(e => (e.isDirectory() ? newestIn(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));

/**
 * Bundles and minifies like rollup.config.mjs, in memory. Dynamic imports stay chunks of their
 * own (loaded on first use), as in the published build: returns the entry and those chunks.
 */
async function bundle(input, {external, plugins = []} = {}) {
  const build = await rollup({
    input,
    external,
    preserveEntrySignatures: 'allow-extension', // as rollup.config.mjs: shared code stays in the entry
    // The built-in worker and libheif's wasm modules are built apart (rollup.config.mjs) and
    // fetched only where the worker file is missing: outside what is measured here.
    plugins: [madeApart, resolve(), ...plugins, terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}})],
    onwarn: () => {},
  });
  const {output} = await build.generate({format: 'es'});
  await build.close();
  const chunks = output.filter(o => o.type === 'chunk');
  const entry = chunks.find(c => c.isEntry);
  if (entry.imports.some(f => chunks.some(c => c.fileName === f))) throw new Error(`${input}: the entry was split into static chunks`);
  return {entry, lazy: chunks.filter(c => !c.isEntry)};
}

/** Every `lit/...` module that src/ imports (directives, decorators). */
function litImports() {
  const found = new Set();
  const walk = dir =>
    readdirSync(dir, {withFileTypes: true}).forEach(e => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      for (const m of readFileSync(p, 'utf8').matchAll(/from\s+'(lit\/[^']+)'/g)) found.add(m[1]);
    });
  walk('src');
  return [...found].sort();
}

/** A virtual entry module for rollup. */
const virtual = (id, code) => ({
  name: 'virtual-entry',
  resolveId: source => (source === id ? id : null),
  load: source => (source === id ? code : null),
});

export async function bundleSizes() {
  if (!existsSync(BUNDLED)) execSync('npm run build', {stdio: 'inherit'});
  const stale = newestIn('src') > statSync(BUNDLED).mtimeMs;
  const ts = () => [typescript({tsconfig: './tsconfig.json', declaration: false, declarationMap: false, sourceMap: false, outDir: undefined, noEmitOnError: false}), minifyCss()];

  const published = readFileSync(BUNDLED);
  const publishedLazy = readdirSync('dist').filter(f => /^choose-image-sheet\..+\.bundled\.js$/.test(f));
  const {entry: ours, lazy: oursLazy} = await bundle('src/index.ts', {external: isLit, plugins: ts()});
  const subpaths = litImports();
  const litEntry = ["export * from 'lit';", ...subpaths.map((p, i) => `export * as m${i} from '${p}';`)].join('\n');
  const lit = (await bundle('lit-entry', {plugins: [virtual('lit-entry', litEntry)]})).entry.code;
  // Rendered (tree-shaken, not yet minified) length per module of the entry: where our bytes are.
  const ourModules = Object.entries(ours.modules)
    .map(([id, m]) => ({id: rel(id), bytes: m.renderedLength}))
    .sort((a, b) => b.bytes - a.bytes);

  return {
    stale, // dist/ older than src/: the published number may not match the source
    litSubpaths: subpaths,
    published: sizes(published),
    publishedLazy: publishedLazy.map(f => ({file: `dist/${f}`, ...sizes(readFileSync(join('dist', f)))})),
    ours: sizes(ours.code),
    oursLazy: oursLazy.map(c => ({file: c.fileName, modules: Object.keys(c.modules).map(rel), ...sizes(c.code)})),
    ourModules,
    worker: sizes(readFileSync('dist/image-worker.js')),
    lit: sizes(lit),
  };
}
