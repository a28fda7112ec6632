// setAssetPath(): the one setting for where the kit's files are, when an app hosts them itself.
// Only the setting is here, in the entry; kit-files.ts, loaded with the image pipeline, reads it.
import {invalid} from '../options.js';

let assetPath: URL | undefined;

/**
 * Loads the kit's worker and HEIC decoder (`image-worker.js`, `libheif.js`, `libheif.wasm`) from
 * `url`, a folder with a copy of the package's `dist/` (for example
 * `https://cdn.example.com/choose-image-sheet@0.1.0/dist/`), instead of from beside the kit's
 * code. Relative URLs are read against the page. Call it before the first chooseImage().
 * @throws ChooseImageError code 2 when `url` is not a URL.
 */
export function setAssetPath(url: string | URL): void {
  try {
    if (typeof url !== 'string' && !(url instanceof URL)) throw new TypeError();
    assetPath = new URL(String(url).replace(/\/?$/, '/'), globalThis.document?.baseURI);
  } catch {
    throw invalid('assetPath', url, 'a URL of a folder');
  }
}

/** The folder setAssetPath() named, if it was called. */
export const assetFolder = (): URL | undefined => assetPath;
