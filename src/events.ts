// Names and detail types of the events <choose-image-sheet> fires.
import type {ChooseImageError} from './errors.js';
import type {ChooseImageResult} from './temp-files.js';

/**
 * The element's events, all bubbling and composed. `<choose-image-sheet>`'s addEventListener
 * knows them: `sheet.addEventListener('success', e => e.detail.tempFilePaths)` is typed.
 */
export interface ChooseImageSheetEventMap {
  success: CustomEvent<ChooseImageResult>;
  fail: CustomEvent<ChooseImageError>;
  complete: CustomEvent<ChooseImageResult | ChooseImageError>;
}

/** How a call ended: a result or a failure. */
export type Outcome = {ok: true; value: ChooseImageResult} | {ok: false; error: ChooseImageError};

/** Dispatches one of the element's events, bubbling and composed. */
export function emit<K extends keyof ChooseImageSheetEventMap>(
  target: EventTarget,
  name: K,
  detail: ChooseImageSheetEventMap[K]['detail']
) {
  target.dispatchEvent(new CustomEvent(name, {detail, bubbles: true, composed: true}));
}
