// Where the kit's own files are: the image worker, and libheif's glue and binary (HEIC). Each is
// named with `new URL('./file', import.meta.url)` in this module, which the app's bundler
// processes: Vite, webpack and Parcel emit each file into the app's build and rewrite the URL,
// and without a bundler the files sit beside this module in dist/. The worker is one
// self-contained file, so nothing it would import itself can go missing; it gets libheif's URLs
// from here with each job. esbuild and plain Rollup emit no such file: there the worker file is a
// 404 and worker-client.ts starts the built-in worker instead. setAssetPath() (asset-path.ts)
// points the kit at another copy, a CDN.
import {assetFolder} from './asset-path.js';

/** The URLs of the kit's files, as the page would fetch them. */
export interface KitFiles {
  worker: string;
  heicGlue: string;
  heicWasm: string;
}

/** HEIC decoding's part of it, sent to the worker with each job. */
export type HeicFiles = Pick<KitFiles, 'heicGlue' | 'heicWasm'>;

/** Where each file is now: in setAssetPath()'s folder, or where the bundler put it. */
export function kitFiles(): KitFiles {
  const folder = assetFolder();
  if (folder) {
    const at = (name: string) => new URL(name, folder).href;
    return {worker: at('image-worker.js'), heicGlue: at('libheif.js'), heicWasm: at('libheif.wasm')};
  }
  return {
    worker: new URL('./image-worker.js', import.meta.url).href,
    heicGlue: new URL('./libheif.js', import.meta.url).href,
    heicWasm: new URL('./libheif.wasm', import.meta.url).href,
  };
}
