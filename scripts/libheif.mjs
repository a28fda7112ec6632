// libheif-js's WebAssembly build, which the HEIC decoder (src/image/heic/decode-heic.ts) loads by
// URL (src/image/kit-files.ts names them): its glue `libheif-wasm/libheif.js` and binary
// `libheif.wasm`.
//
// - The glue is a script that sets a global `libheif` (or module.exports under Node). Served and
//   shipped as an ES module: its export line swapped for `export default libheif`, and its
//   Node-only require() calls (never reached in a browser) renamed, so that no tool looks for `fs`
//   and `path`.
// - The build ships the glue, the .wasm and libheif's licence as files of their own in dist/
//   (libheif.js, libheif.wasm, libheif.LICENSE.txt), beside every chunk: LGPL code stays a
//   separate, replaceable part. In the source tree the dev server answers for the same names
//   beside kit-files.ts (src/image/libheif.js, src/image/libheif.wasm).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const EXPORT_LINE = 'typeof exports=="object"&&typeof module=="object"?module.exports=libheif:typeof define=="function"&&define.amd&&define([],()=>libheif);';
const file = name => readFileSync(require.resolve(`libheif-js/libheif-wasm/${name}`));

/** The glue as an ES module. Throws if a new libheif-js release changed the line this relies on. */
export function glueAsModule(code) {
  if (!code.includes(EXPORT_LINE)) throw new Error('libheif-js: the glue no longer ends as scripts/libheif.mjs expects; check its export line');
  return `${code.replace(EXPORT_LINE, '').replace(/\brequire\(/g, 'nodeOnlyRequire(')}\nexport default libheif;\n`;
}

/** Rollup: glue, .wasm and licence emitted into dist/. */
export function libheif() {
  return {
    name: 'libheif',
    buildStart() {
      this.emitFile({type: 'asset', fileName: 'libheif.js', source: glueAsModule(file('libheif.js').toString())});
      this.emitFile({type: 'asset', fileName: 'libheif.wasm', source: file('libheif.wasm')});
      this.emitFile({type: 'asset', fileName: 'libheif.LICENSE.txt', source: file('LICENSE')});
    },
  };
}

/** @web/dev-server: the glue and the .wasm at the names kit-files.ts gives them in src/image/. */
export function libheifDevServer() {
  return {
    name: 'libheif',
    serve(context) {
      if (context.path === '/src/image/libheif.js') return {body: glueAsModule(file('libheif.js').toString()), type: 'js'};
      if (context.path === '/src/image/libheif.wasm') return {body: file('libheif.wasm'), type: 'application/wasm'};
    },
  };
}
