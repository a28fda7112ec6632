// The companions of chooseImage, by name: what a mini-program page calls on the paths it got.
// `my` loads them on first use, in two chunks (preview/index.ts: previewImage and the toast;
// path-apis.ts: the rest), and what only one of them needs (the header reader, the image
// pipeline) on its own first call. Import 'choose-image-sheet/companions' to load them up front
// and call them by name. (The old 'choose-image-sheet/preview' is the same module.)
export * from '../preview/index.js';
import {ChooseImageSaveSheet} from './save-sheet.js';

export {ChooseImageSaveSheet};
export {getImageInfo} from './path-apis.js';
export type {GetImageInfoOptions, ImageInfoResult, ImageOrientation} from './get-image-info.js';
export {compressImage} from './path-apis.js';
export {COMPRESS_LEVELS} from './compress-image.js';
export type {CompressImageOptions, CompressImageResult, CompressLevel} from './compress-image.js';
export {uploadFile} from './path-apis.js';
export type {UploadFileOptions, UploadFileResult, UploadProgress, UploadTask} from './upload-file.js';
export {saveImage} from './path-apis.js';
export type {SaveImageOptions} from './save-image.js';

declare global {
  interface HTMLElementTagNameMap {
    'choose-image-save-sheet': ChooseImageSaveSheet;
  }
}
