// The `my` object of Alipay mini-programs, so `my.chooseImage({...})` and what a page calls on
// the paths it got (`my.previewImage`, `my.uploadFile`, …) run unchanged. The companions load on
// first use.
import {chooseImage} from './choose-image.js';
import type * as Companions from './companions/index.js';
import {alipayCall, quiet} from './internal/callbacks.js';

type Companion = keyof typeof Companions & ('previewImage' | 'showToast' | 'hideToast' | 'getImageInfo' | 'compressImage' | 'uploadFile' | 'saveImage');

/**
 * `my[name]`, from the companions' chunk once it has loaded (a chunk that cannot load fails the
 * call with code 3, callbacks and all). `methods` of what the call returns (an upload task's) can
 * be called at once: they reach the task as soon as it has started, before anything it does.
 */
function later<K extends Companion>(name: K, methods: string[] = []): (typeof Companions)[K] {
  return ((options: unknown) => {
    // In an array, so the task is not awaited here.
    const task = import('./companions/index.js').then(
      m => [(m[name] as (o: unknown) => Promise<unknown>)(options)],
      e => [alipayCall(options, () => Promise.reject(e))]
    );
    const call = quiet(options, task.then(([t]) => t)) as Promise<unknown> & Record<string, unknown>;
    for (const k of methods) call[k] = (arg: unknown) => void task.then(([t]) => (t as never as Record<string, (a: unknown) => void>)[k]?.(arg));
    return call;
  }) as never;
}

/** Alipay's `my` namespace, with the APIs this package brings to the web. */
export const my = {
  chooseImage,
  /** Full-screen viewer of `urls`, from index `current`. Loaded on first use. */
  previewImage: later('previewImage'),
  /** A short message over the page. Loaded on first use. */
  showToast: later('showToast'),
  hideToast: later('hideToast'),
  /** Size as stored, EXIF orientation and type of the image at `src`, from its header. Loaded on first use. */
  getImageInfo: later('getImageInfo'),
  /** New, smaller copies of `apFilePaths` at `compressLevel`, through the image worker. Loaded on first use. */
  compressImage: later('compressImage'),
  /**
   * POSTs the file at `filePath` as multipart/form-data. The promise is also the upload task:
   * `onProgressUpdate`, `offProgressUpdate` and `abort` work at once, before the chunk loads.
   */
  uploadFile: later('uploadFile', ['onProgressUpdate', 'offProgressUpdate', 'abort']),
  /** The share sheet with the image on a phone, a download elsewhere; the kit's 保存图片 / 取消 first. Loaded on first use. */
  saveImage: later('saveImage'),
};
