// Two builds from src/index.ts: dist/index.js (+ dist/companions.js) for bundlers (lit stays an
// import, so apps share one copy; .d.ts beside it) and dist/choose-image-sheet.bundled.js with everything inside for a
// plain <script type="module">. Both load the image worker, dist/image-worker.js, from beside
// them: one minified file, so what a browser fetches for it is small. The HEIC decoder is a chunk
// of each build, loaded when a HEIC file is picked; libheif itself (libheif.js, libheif.wasm) is
// one pair of files in dist/ that all three share (scripts/libheif.mjs).
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {libheif} from './scripts/libheif.mjs';
import {minifyCss} from './scripts/minify-css.mjs';

const ts = (declarations) =>
  typescript({tsconfig: './tsconfig.json', declaration: declarations, declarationDir: declarations ? 'dist' : undefined, sourceMap: true});

// Two compress passes: a few dozen bytes of the entry, at no cost.
const minify = terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}});

export default [
  {
    input: {index: 'src/index.ts', companions: 'src/companions/index.ts'},
    // The companion chunk imports shared code from the entry itself, so no facade chunk.
    preserveEntrySignatures: 'allow-extension',
    external: id => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/'),
    output: {dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name].js'},
    plugins: [resolve(), ts(true), minifyCss(), libheif()],
  },
  {
    input: 'src/index.ts',
    preserveEntrySignatures: 'allow-extension',
    // The companions stay a chunk of their own here too, loaded on first use; Lit lives in
    // the entry and the chunk imports it from there.
    output: {dir: 'dist', format: 'es', sourcemap: true, entryFileNames: 'choose-image-sheet.bundled.js', chunkFileNames: 'choose-image-sheet.[name].bundled.js', experimentalMinChunkSize: 1000},
    plugins: [resolve(), ts(false), minifyCss(), libheif(), minify],
  },
  {
    input: 'src/image/image-worker.ts',
    output: {dir: 'dist', format: 'es', sourcemap: true, entryFileNames: 'image-worker.js', chunkFileNames: 'image-worker.[name].js'},
    plugins: [resolve(), ts(false), libheif(), minify],
  },
];
