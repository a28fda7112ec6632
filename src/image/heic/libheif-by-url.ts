// libheif's glue and binary loaded from their URLs (kit-files.ts): where the image worker is the
// worker file, and on the main thread. The worker built into the package as a string
// (libheif-built-in.ts) gets them another way.
//
// WebAssembly needs `'wasm-unsafe-eval'` in a page's script-src when the page (or the worker's
// own response) has a Content-Security-Policy: without it the compile fails and so does the decode.
import type createLibheif from 'libheif-js/libheif-wasm/libheif.js';
import type {HeicFiles} from '../kit-files.js';

/** libheif's factory and its compiled binary, ready to make an instance. */
export interface Decoder {
  create: typeof createLibheif;
  module: WebAssembly.Module;
}

/** The import names a URL the bundler must leave alone: the glue is a file the app's build copied as it is. */
export async function loadLibheif({heicGlue, heicWasm}: HeicFiles): Promise<Decoder> {
  const [glue, module] = await Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ heicGlue) as Promise<{default: typeof createLibheif}>,
    compile(heicWasm),
  ]);
  return {create: glue.default, module};
}

async function compile(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // Streaming needs the application/wasm type; a server that sends another gets the plain compile.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
