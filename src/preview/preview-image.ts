// previewImage(): Alipay's my.previewImage, a full-screen viewer over the page. It settles
// (success, complete) once the viewer is open; the viewer stays until the user closes it.
import {alipayCall} from '../internal/callbacks.js';
import {deepActiveElement} from '../internal/focus.js';
import {needsPage} from '../internal/needs-page.js';
import type {ChooseImageViewer} from './image-viewer.js';
import {normalizePreview, type PreviewImageOptions} from './preview-options.js';

/** The viewer previewImage shows now, and where focus goes when it closes. */
let shown: {viewer: ChooseImageViewer; returnFocusTo: HTMLElement | null} | undefined;

/** Shows `urls` full screen, starting at index `current` (clamped to the last image). */
export function previewImage(options: PreviewImageOptions): Promise<void> {
  return alipayCall(options, async () => {
    needsPage('previewImage');
    const o = normalizePreview(options);
    // One viewer at a time: a new call replaces the one shown, even one not open yet (called in
    // the same task), and focus still goes back to where it was before the first.
    const previous = shown;
    previous?.viewer.remove();
    const viewer = document.createElement('choose-image-viewer') as ChooseImageViewer;
    Object.assign(viewer, {urls: o.urls, current: o.current});
    if (o.locale) viewer.locale = o.locale;
    const mine = (shown = {viewer, returnFocusTo: previous ? previous.returnFocusTo : deepActiveElement()});
    viewer.addEventListener('close', () => {
      viewer.remove();
      if (shown !== mine) return;
      shown = undefined;
      mine.returnFocusTo?.focus();
    });
    document.body.append(viewer);
    await viewer.show();
  });
}
