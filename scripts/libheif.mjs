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
//   separate, replaceable part. For apps whose bundler emits no such file (esbuild, plain Rollup)
//   it also ships the .wasm as JS modules (libheif-wasm.js and its parts) and the glue inside the
//   built-in worker (image-worker-source.js); see src/image/worker-client.ts. In the source tree the dev server answers for the same names
//   beside kit-files.ts (src/image/libheif.js, src/image/libheif.wasm).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {gzipSync} from 'node:zlib';

const require = createRequire(import.meta.url);
const EXPORT_LINE = 'typeof exports=="object"&&typeof module=="object"?module.exports=libheif:typeof define=="function"&&define.amd&&define([],()=>libheif);';
const file = name => readFileSync(require.resolve(`libheif-js/libheif-wasm/${name}`));

/** The glue as an ES module. Throws if a new libheif-js release changed the line this relies on. */
export function glueAsModule(code) {
  if (!code.includes(EXPORT_LINE)) throw new Error('libheif-js: the glue no longer ends as scripts/libheif.mjs expects; check its export line');
  return `${code.replace(EXPORT_LINE, '').replace(/\brequire\(/g, 'nodeOnlyRequire(')}\nexport default libheif;\n`;
}

/**
 * Below webpack's size hint for one file (244 KiB; Vite's is 500 kB), so that an app's build
 * says nothing about the parts of libheif-wasm.js.
 */
const PART = 240_000;

/**
 * libheif.wasm as modules, for the built-in worker (src/image/libheif-wasm.d.ts): gzip, base64,
 * cut into parts of at most PART characters, each imported on its own so that no bundler joins
 * them into one large chunk. Filename → source.
 */
export function wasmAsModules() {
  const text = gzipSync(file('libheif.wasm'), {level: 9}).toString('base64');
  const parts = Array.from({length: Math.ceil(text.length / PART)}, (_, i) => text.slice(i * PART, (i + 1) * PART));
  const modules = {
    'libheif-wasm.js':
      `// libheif.wasm (gzip, base64) in ${parts.length} modules; see scripts/libheif.mjs.\n` +
      `export default () => Promise.all([${parts.map((_, i) => `import('./libheif-wasm-${i + 1}.js')`).join(', ')}]).then(parts => parts.map(p => p.default).join(''));\n`,
  };
  parts.forEach((part, i) => (modules[`libheif-wasm-${i + 1}.js`] = `export default ${JSON.stringify(part)};\n`));
  return modules;
}

/** Rollup: glue, .wasm (as it is, and as modules) and licence emitted into dist/. */
export function libheif() {
  return {
    name: 'libheif',
    buildStart() {
      this.emitFile({type: 'asset', fileName: 'libheif.js', source: glueAsModule(file('libheif.js').toString())});
      this.emitFile({type: 'asset', fileName: 'libheif.wasm', source: file('libheif.wasm')});
      this.emitFile({type: 'asset', fileName: 'libheif.LICENSE.txt', source: file('LICENSE')});
      for (const [fileName, source] of Object.entries(wasmAsModules())) this.emitFile({type: 'asset', fileName, source});
    },
  };
}

/** Rollup, for the built-in worker: libheif-js's glue is the ES module glueAsModule() makes. */
export function libheifGlueInside() {
  const id = '\0libheif-glue';
  return {
    name: 'libheif-glue-inside',
    resolveId: source => (source === 'libheif-js/libheif-wasm/libheif.js' ? id : undefined),
    load: loaded => (loaded === id ? glueAsModule(file('libheif.js').toString()) : undefined),
  };
}

/**
 * @web/dev-server: the glue and the .wasm at the names kit-files.ts gives them in src/image/, and
 * beside them libheif-wasm.js and its parts, and the built-in worker, image-worker-source.js
 * (taken from dist/, which is built before the tests: it is the whole worker, bundled).
 */
export function libheifDevServer() {
  let modules;
  return {
    name: 'libheif',
    serve(context) {
      if (context.path === '/src/image/libheif.js') return {body: glueAsModule(file('libheif.js').toString()), type: 'js'};
      if (context.path === '/src/image/libheif.wasm') return {body: file('libheif.wasm'), type: 'application/wasm'};
      if (context.path === '/src/image/image-worker-source.js') return {body: readFileSync('dist/image-worker-source.js', 'utf8'), type: 'js'};
      const name = context.path.match(/^\/src\/image\/(libheif-wasm(-\d+)?\.js)$/)?.[1];
      if (name) return {body: (modules ??= wasmAsModules())[name], type: 'js'};
    },
  };
}
