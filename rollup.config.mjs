// What dist/ holds, and why each file is there. Every file sits in dist/ itself, beside the others:
// the kit finds its worker and libheif with `new URL('./file', import.meta.url)`
// (src/image/kit-files.ts), which bundlers follow and a plain server serves as it is.
//
// - index.js, companions.js and their chunks: the package for bundlers (the `.`, `./companions`
//   and `./preview` exports). Lit stays an import so an app has one copy; not minified (the app's bundler
//   minifies), no source maps (the JS is the TypeScript's own code, comments and all). Each
//   entry exports exactly its public API: code the lazy chunks share with an entry lives in
//   shared.js (sharedChunk), and `preserveEntrySignatures: 'strict'` makes sure of it.
// - choose-image-sheet.bundled.js and its chunks: everything inside, Lit too, minified, for a
//   plain <script type="module"> (the `./bundled` export); source maps with their sources, as
//   the code is unreadable without them. Its lazy chunks import Lit from the entry, so a page
//   fetches Lit once and in the first request.
// - image-worker.js: the image worker, one self-contained minified file that imports nothing, so
//   a bundler that copies it into an app as it is copies all of it.
// - image-worker-source.js: the same worker with libheif's glue inside, as one exported string,
//   and libheif-wasm.js with its parts: the .wasm as modules. JS that every bundler emits as it
//   follows an import(), for apps whose bundler emits no file named by `new URL` (esbuild, plain
//   Rollup): the kit starts this worker from a blob: where image-worker.js cannot load
//   (src/image/worker-client.ts). Both entries' builds import them from dist/ as they are.
// - libheif.js, libheif.wasm, libheif.LICENSE.txt: the HEIC decoder (scripts/libheif.mjs), loaded
//   by URL only when a HEIC file is picked; LGPL, kept a separate, replaceable part.
// - *.d.ts: the public types (scripts/prune-types.mjs removes those no public type reaches).
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {libheif, libheifGlueInside} from './scripts/libheif.mjs';
import {madeApart} from './scripts/made-apart.mjs';
import {minifyCss} from './scripts/minify-css.mjs';

const ts = ({declarations = false, maps = false} = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    declaration: declarations,
    declarationDir: declarations ? 'dist' : undefined,
    sourceMap: maps,
    inlineSources: maps,
  });

/**
 * Rollup puts a module that an entry and a chunk it loads later both use into the entry, which
 * then exports it under a one-letter name. This sends such modules, and those two entries share,
 * to one chunk, `shared.js`, with what they import from the entries' code.
 */
function sharedChunk() {
  let shared;
  return (id, {getModuleInfo, getModuleIds}) => {
    if (!shared) {
      const entries = [...getModuleIds()].filter(m => getModuleInfo(m).isEntry);
      const staticGraph = entry => {
        const seen = new Set([entry]);
        for (const m of seen) for (const dep of getModuleInfo(m).importedIds) if (!getModuleInfo(dep).isExternal) seen.add(dep);
        return seen;
      };
      const graphs = entries.map(staticGraph);
      const inEntries = new Set(graphs.flatMap(g => [...g]));
      shared = new Set(
        [...inEntries].filter(m => !entries.includes(m) && (graphs.filter(g => g.has(m)).length > 1 || getModuleInfo(m).importers.some(i => !inEntries.has(i))))
      );
      for (const m of shared) for (const dep of getModuleInfo(m).importedIds) if (inEntries.has(dep) && !entries.includes(dep)) shared.add(dep);
    }
    return shared.has(id) ? 'shared' : undefined;
  };
}

/** The built-in worker: libheif-built-in.ts in place of libheif-by-url.ts, the glue inside. */
const builtInLibheif = {
  name: 'built-in-libheif',
  resolveId(source, importer) {
    if (source === './libheif-by-url.js' && importer?.endsWith('decode-heic.ts')) return this.resolve('./libheif-built-in.ts', importer);
  },
};

/** The chunk as one exported string (after minifying). */
const asString = {name: 'as-string', renderChunk: code => `export default ${JSON.stringify(code)};\n`};

// Two compress passes: a few dozen bytes of the entry, at no cost.
const minify = terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}});

export default [
  {
    input: {index: 'src/index.ts', companions: 'src/companions/index.ts'},
    preserveEntrySignatures: 'strict',
    external: id => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
    output: {dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js', manualChunks: sharedChunk()},
    plugins: [madeApart, resolve(), ts({declarations: true}), minifyCss(), libheif()],
  },
  {
    input: 'src/index.ts',
    preserveEntrySignatures: 'allow-extension',
    output: {dir: 'dist', format: 'es', sourcemap: true, entryFileNames: 'choose-image-sheet.bundled.js', chunkFileNames: 'choose-image-sheet.[name].bundled.js', experimentalMinChunkSize: 1000},
    plugins: [madeApart, resolve(), ts({maps: true}), minifyCss(), minify],
  },
  {
    input: 'src/image/image-worker.ts',
    output: {file: 'dist/image-worker.js', format: 'es', inlineDynamicImports: true},
    plugins: [resolve(), ts(), minify],
  },
  {
    input: 'src/image/image-worker.ts',
    output: {file: 'dist/image-worker-source.js', format: 'es', inlineDynamicImports: true},
    plugins: [builtInLibheif, libheifGlueInside(), resolve(), ts(), minify, asString],
  },
];
