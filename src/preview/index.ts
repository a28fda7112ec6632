// The companions of chooseImage, in their own chunk: previewImage and showToast/hideToast.
// `my.previewImage` and `my.showToast` load this on first use; import
// 'choose-image-sheet/preview' to load it up front.
import {ChooseImageViewer} from './image-viewer.js';
import {ChooseImageToast} from './toast.js';

if (!customElements.get('choose-image-viewer')) customElements.define('choose-image-viewer', ChooseImageViewer);
if (!customElements.get('choose-image-toast')) customElements.define('choose-image-toast', ChooseImageToast);

export {ChooseImageViewer, ChooseImageToast};
export {previewImage} from './preview-image.js';
export {showToast, hideToast} from './toast.js';
export type {PreviewImageOptions, ShowToastOptions, ToastType} from './preview-options.js';

declare global {
  interface HTMLElementTagNameMap {
    'choose-image-viewer': ChooseImageViewer;
    'choose-image-toast': ChooseImageToast;
  }
}
