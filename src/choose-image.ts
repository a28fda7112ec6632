// chooseImage(): validate, allow one call at a time, mount a <choose-image-sheet>, show it,
// unmount it, and call Alipay's callbacks in order.
import type {ChooseImageSheet} from './choose-image-sheet.js';
import {cancelled, ChooseImageError, ErrorCode, unknownError} from './errors.js';
import type {Outcome} from './events.js';
import {failWith, succeed} from './internal/callbacks.js';
import {pageBusy} from './internal/page-call.js';
import {callbacksOf, normalizeOptions, type ChooseImageOptions, type NormalizedOptions} from './options.js';
import type {ChooseImageResult} from './temp-files.js';

/**
 * Lets the user take photos or choose images, like Alipay's `my.chooseImage`.
 * Settles exactly once: `success` or `fail`, then `complete`, then the promise.
 */
export function chooseImage(options?: ChooseImageOptions): Promise<ChooseImageResult> {
  const result = run(options);
  // Mini-program code handles failure in `fail`/`complete` and never looks at the promise: a
  // cancel must not surface as an unhandled rejection there. Awaiting it still throws.
  const {fail, complete} = callbacksOf(options);
  if (fail || complete) result.catch(() => {});
  return result;
}

async function run(options?: ChooseImageOptions): Promise<ChooseImageResult> {
  let opts: NormalizedOptions;
  try {
    opts = normalizeOptions(options);
  } catch (e) {
    return failWith(callbacksOf(options), unknownError(e));
  }
  // Before anything is mounted; the sheet's show() claims the page for this call.
  if (pageBusy()) return failWith(opts, new ChooseImageError(ErrorCode.UNKNOWN, 'another chooseImage is open'));
  if (opts.signal?.aborted) return failWith(opts, cancelled());

  let sheet: ChooseImageSheet;
  try {
    sheet = document.createElement('choose-image-sheet') as ChooseImageSheet;
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
  } catch (e) {
    return failWith(opts, unknownError(e));
  }

  const abort = () => sheet.close();
  opts.signal?.addEventListener('abort', abort);
  let outcome: Outcome;
  try {
    outcome = {ok: true, value: await sheet.show()};
  } catch (e) {
    outcome = {ok: false, error: unknownError(e)};
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    void unmount(sheet);
  }
  return outcome.ok ? succeed(opts, outcome.value) : failWith(opts, outcome.error);
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
