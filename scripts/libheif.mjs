// Build and dev-server plugins for the HEIC decoder (src/image/heic/decode-heic.ts):
// - libheif-js ships its WebAssembly glue as a script that sets a global `libheif` (and
//   module.exports under Node). Ending it with `export default libheif` makes it an ES module as it is.
// - The build emits libheif.wasm (and libheif's licence) beside the chunks and points the
//   decoder's `new URL('…/libheif.wasm', import.meta.url)` at it.
import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {createRequire} from 'node:module';

const GLUE = /[\\/]libheif-js[\\/]libheif-wasm[\\/]libheif\.js$/;
const asModule = code => `${code}\nexport default libheif;\n`;
const WASM_URL = /new URL\((['"])([^'"]+\/libheif\.wasm)\1,\s*import\.meta\.url\)/;

/** Rollup: the glue as a module and a chunk of its own (`libheif`), the .wasm and licence as files. */
export function libheif() {
  return {
    name: 'libheif',
    transform(code, id) {
      if (GLUE.test(id)) return {code: asModule(code), map: null};
      const found = WASM_URL.exec(code);
      if (!found) return null;
      const ref = this.emitFile({type: 'asset', fileName: 'libheif.wasm', source: readFileSync(resolve(dirname(id), found[2]))});
      return {code: code.replace(WASM_URL, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`), map: null};
    },
    buildStart() {
      const license = createRequire(import.meta.url).resolve('libheif-js/libheif-wasm/LICENSE');
      this.emitFile({type: 'asset', fileName: 'libheif.LICENSE.txt', source: readFileSync(license)});
    },
  };
}

/** Rollup output.manualChunks entry: the glue alone in a chunk, so it can be replaced with the .wasm. */
export const libheifChunk = id => (GLUE.test(id) ? 'libheif' : undefined);

/** @web/dev-server: serves the glue as a module, as the build makes it. */
export function libheifDevServer() {
  return {
    name: 'libheif',
    transform(context) {
      if (GLUE.test(context.path)) return {body: asModule(context.body)};
    },
  };
}
