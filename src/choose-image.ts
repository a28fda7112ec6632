// chooseImage(): validate, allow one call at a time, mount a <choose-image-sheet>, show it,
// unmount it, and call Alipay's callbacks in order.
import type {ChooseImageSheet} from './choose-image-sheet.js';
import {cancelled, ChooseImageError, ErrorCode} from './errors.js';
import {alipayCall} from './internal/callbacks.js';
import {needsPage} from './internal/needs-page.js';
import {pageBusy} from './internal/page-call.js';
import {normalizeOptions, type ChooseImageOptions} from './options.js';
import type {ChooseImageResult} from './temp-files.js';

/**
 * Lets the user take photos or choose images, like Alipay's `my.chooseImage`.
 * Settles exactly once: `success` or `fail`, then `complete`, then the promise.
 */
export function chooseImage(options?: ChooseImageOptions): Promise<ChooseImageResult> {
  return alipayCall(options, () => run(options));
}

async function run(options?: ChooseImageOptions): Promise<ChooseImageResult> {
  needsPage('chooseImage');
  const opts = normalizeOptions(options);
  // Before anything is mounted; the sheet's show() claims the page for this call.
  if (pageBusy()) throw new ChooseImageError(ErrorCode.UNKNOWN, 'another chooseImage is open');
  if (opts.signal?.aborted) throw cancelled();
  const sheet = document.createElement('choose-image-sheet') as ChooseImageSheet;
  if (typeof sheet.show !== 'function') throw new Error('<choose-image-sheet> is not defined');
  Object.assign(sheet, {
    count: opts.count,
    sizeType: opts.sizeType,
    sourceType: opts.sourceType,
    camera: opts.camera,
    compress: opts.compress,
    extension: opts.extension,
  });
  if (opts.locale) sheet.locale = opts.locale;
  (opts.container ?? document.body).append(sheet);
  const abort = () => sheet.close();
  opts.signal?.addEventListener('abort', abort);
  try {
    return await sheet.show();
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    void unmount(sheet);
  }
}

/**
 * Removes a settled sheet once it has slid away (its exit transition, `--choose-image-sheet-duration`;
 * at once under reduced motion or where the browser has none). The call has settled already:
 * nothing waits for this, and the page is usable while the sheet leaves.
 */
async function unmount(sheet: ChooseImageSheet) {
  await sheet.updateComplete;
  const leaving = sheet.shadowRoot?.getAnimations() ?? [];
  await Promise.race([Promise.all(leaving.map(a => a.finished.catch(() => {}))), new Promise(r => setTimeout(r, 1000))]);
  sheet.remove();
}
