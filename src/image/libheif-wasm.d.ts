// dist/libheif-wasm.js, made by the build (scripts/libheif.mjs): libheif.wasm, gzip, base64, in
// parts each a module of its own (a bundler warns of a chunk over 244 kB, webpack, or 500 kB, Vite),
// imported only when the built-in worker decodes a HEIC (worker-client.ts).
/** The parts, imported and joined. */
declare const libheifWasm: () => Promise<string>;
export default libheifWasm;
