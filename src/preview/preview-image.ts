// previewImage(): Alipay's my.previewImage, a full-screen viewer over the page. It settles
// (success, complete) once the viewer is open; the viewer stays until the user closes it.
import {alipayCall} from '../internal/callbacks.js';
import type {ChooseImageViewer} from './image-viewer.js';
import {normalizePreview, type PreviewImageOptions} from './preview-options.js';

/** Shows `urls` full screen, starting at index `current` (clamped to the last image). */
export function previewImage(options: PreviewImageOptions): Promise<void> {
  return alipayCall(options, async () => {
    const o = normalizePreview(options);
    document.querySelector('choose-image-viewer')?.close();
    const viewer = document.createElement('choose-image-viewer') as ChooseImageViewer;
    Object.assign(viewer, {urls: o.urls, current: o.current});
    if (o.locale) viewer.locale = o.locale;
    const returnFocusTo = document.activeElement as HTMLElement | null;
    viewer.addEventListener('close', () => {
      viewer.remove();
      returnFocusTo?.focus?.();
    });
    document.body.append(viewer);
    await viewer.show();
  });
}
