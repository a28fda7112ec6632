// Build and dev-server plugins for the HEIC decoder (src/image/heic/decode-heic.ts), which uses
// libheif-js's WebAssembly build: its glue `libheif-wasm/libheif.js` and binary `libheif.wasm`.
//
// - The glue is a script that sets a global `libheif` (or module.exports under Node). Served and
//   shipped as an ES module: its export line swapped for `export default libheif`, and its
//   Node-only require() calls (never reached in a browser) renamed, so that bundlers do not
//   look for `fs` and `path`.
// - The build ships the glue, the .wasm and libheif's licence as files of their own in dist/
//   (libheif.js, libheif.wasm, libheif.LICENSE.txt), once for all three builds: LGPL code stays
//   a separate, replaceable part. The decoder imports `./libheif.js` and finds the .wasm beside it.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const GLUE_ID = 'libheif-js/libheif-wasm/libheif.js';
const GLUE_PATH = /[\\/]libheif-js[\\/]libheif-wasm[\\/]libheif\.js$/;
const EXPORT_LINE = 'typeof exports=="object"&&typeof module=="object"?module.exports=libheif:typeof define=="function"&&define.amd&&define([],()=>libheif);';
const WASM_URL = /new URL\((['"])[^'"]+\/libheif\.wasm\1,\s*import\.meta\.url\)/;

/** The glue as an ES module. Throws if a new libheif-js release changed the line this relies on. */
export function glueAsModule(code) {
  if (!code.includes(EXPORT_LINE)) throw new Error('libheif-js: the glue no longer ends as scripts/libheif.mjs expects; check its export line');
  return `${code.replace(EXPORT_LINE, '').replace(/\brequire\(/g, 'nodeOnlyRequire(')}\nexport default libheif;\n`;
}

/** Rollup: the glue stays an import of ./libheif.js; glue, .wasm and licence are emitted beside the chunks. */
export function libheif() {
  let wasmRef;
  return {
    name: 'libheif',
    buildStart() {
      const file = name => readFileSync(require.resolve(`libheif-js/libheif-wasm/${name}`));
      this.emitFile({type: 'asset', fileName: 'libheif.js', source: glueAsModule(file('libheif.js').toString())});
      wasmRef = this.emitFile({type: 'asset', fileName: 'libheif.wasm', source: file('libheif.wasm')});
      this.emitFile({type: 'asset', fileName: 'libheif.LICENSE.txt', source: file('LICENSE')});
    },
    resolveId(source) {
      // Every output chunk sits in dist/ beside libheif.js.
      return source === GLUE_ID ? {id: './libheif.js', external: 'absolute'} : null;
    },
    transform(code) {
      if (!WASM_URL.test(code)) return null;
      return {code: code.replace(WASM_URL, `new URL(import.meta.ROLLUP_FILE_URL_${wasmRef})`), map: null};
    },
  };
}

/** @web/dev-server: serves the glue from node_modules as a module, as the build ships it. */
export function libheifDevServer() {
  return {
    name: 'libheif',
    transform(context) {
      if (GLUE_PATH.test(context.path)) return {body: glueAsModule(context.body)};
    },
  };
}
