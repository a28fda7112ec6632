// The `my` object of Alipay mini-programs, so `my.chooseImage({...})` and the reference
// sample's `my.previewImage` / `my.showToast` run unchanged. The companions load on first use.
import {chooseImage} from './choose-image.js';
import type {PreviewImageOptions, ShowToastOptions} from './preview/preview-options.js';

const companions = () => import('./preview/index.js');

/** Alipay's `my` namespace, with the APIs this package brings to the web. */
export const my = {
  chooseImage,
  /** Full-screen viewer of `urls`, from index `current`. Loaded on first use. */
  previewImage: async (options: PreviewImageOptions) => (await companions()).previewImage(options),
  /** A short message over the page. Loaded on first use. */
  showToast: async (options?: ShowToastOptions) => (await companions()).showToast(options),
  hideToast: async () => (await companions()).hideToast(),
};
