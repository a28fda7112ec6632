// The companions of chooseImage: what a mini-program page calls on the paths it got. One chunk,
// loaded by `my` on the first call of any of them; import 'choose-image-sheet/companions' to load
// it up front and call them by name. (The old 'choose-image-sheet/preview' is the same module.)
// What only one of them needs (the header reader, the image pipeline) loads on its first call.
import {ChooseImageSaveSheet} from './save-sheet.js';

if (!customElements.get('choose-image-save-sheet')) customElements.define('choose-image-save-sheet', ChooseImageSaveSheet);

export * from '../preview/index.js';
export {ChooseImageSaveSheet};
export {getImageInfo} from './get-image-info.js';
export type {GetImageInfoOptions, ImageInfoResult, ImageOrientation} from './get-image-info.js';
export {compressImage, COMPRESS_LEVELS} from './compress-image.js';
export type {CompressImageOptions, CompressImageResult, CompressLevel} from './compress-image.js';
export {uploadFile} from './upload-file.js';
export type {UploadFileOptions, UploadFileResult, UploadProgress, UploadTask} from './upload-file.js';
export {saveImage} from './save-image.js';
export type {SaveImageOptions} from './save-image.js';

declare global {
  interface HTMLElementTagNameMap {
    'choose-image-save-sheet': ChooseImageSaveSheet;
  }
}
