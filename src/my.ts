// The `my` object of Alipay mini-programs, so `my.chooseImage({...})` and what a page calls on
// the paths it got (`my.previewImage`, `my.uploadFile`, …) run unchanged. The companions load on
// first use.
import {chooseImage} from './choose-image.js';
import {alipayCall, quiet} from './internal/callbacks.js';

/** The two chunks of companions: a page that only previews fetches only the first. */
const preview = () => import('./preview/index.js');
const pathApis = () => import('./companions/path-apis.js');

/**
 * `my[name]` from the chunk `load` brings, once it has loaded (a chunk that cannot load fails the
 * call with code 3, callbacks and all). `methods` of what the call returns (an upload task's) can
 * be called at once: they reach the task as soon as it has started, before anything it does.
 */
function later<M, K extends keyof M>(load: () => Promise<M>, name: K, methods: string[] = []): M[K] {
  return ((options: unknown) => {
    // In an array, so the task is not awaited here.
    const task = load().then(
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
  previewImage: later(preview, 'previewImage'),
  /** A short message over the page. Loaded on first use. */
  showToast: later(preview, 'showToast'),
  hideToast: later(preview, 'hideToast'),
  /** Size as stored, EXIF orientation and type of the image at `src`, from its header. Loaded on first use. */
  getImageInfo: later(pathApis, 'getImageInfo'),
  /** New, smaller copies of `apFilePaths` at `compressLevel`, through the image worker. Loaded on first use. */
  compressImage: later(pathApis, 'compressImage'),
  /**
   * POSTs the file at `filePath` as multipart/form-data. The promise is also the upload task:
   * `onProgressUpdate`, `offProgressUpdate` and `abort` work at once, before the chunk loads.
   */
  uploadFile: later(pathApis, 'uploadFile', ['onProgressUpdate', 'offProgressUpdate', 'abort']),
  /** The share sheet with the image on a phone, a download elsewhere; the kit's 保存图片 / 取消 first. Loaded on first use. */
  saveImage: later(pathApis, 'saveImage'),
};
