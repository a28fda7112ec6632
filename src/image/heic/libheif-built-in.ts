// libheif inside the built-in worker (the worker that starts from a blob: where the app's bundler
// emitted no worker file; see worker-client.ts). Its build (rollup.config.mjs) puts this module in
// place of libheif-by-url.ts: the glue is bundled into the worker, and the binary, which the
// worker cannot import itself (a blob: has no address to import beside), comes from the page,
// which imports it as modules its bundler emitted (libheif-wasm.js: gzip, base64).
import createLibheif from 'libheif-js/libheif-wasm/libheif.js';
import type {Decoder} from './libheif-by-url.js';

export async function loadLibheif(): Promise<Decoder> {
  const gzipped = Uint8Array.from(atob(await wasmFromPage()), c => c.charCodeAt(0));
  const wasm = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return {create: createLibheif, module: await WebAssembly.compile(wasm)};
}

/** Asks the page for libheif.wasm (worker-client.ts answers). */
function wasmFromPage(): Promise<string> {
  return new Promise((resolve, reject) => {
    const answer = ({data}: MessageEvent<{libheifWasm?: string | null}>) => {
      if (data.libheifWasm === undefined) return;
      self.removeEventListener('message', answer);
      if (data.libheifWasm) resolve(data.libheifWasm);
      else reject(new Error('the page could not load libheif.wasm'));
    };
    self.addEventListener('message', answer);
    self.postMessage({need: 'libheif.wasm'});
  });
}
