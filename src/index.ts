// The package entry: defines <choose-image-sheet> (once, even if loaded twice) and exports
// the public API.
import {ChooseImageSheet} from './choose-image-sheet.js';

if (!customElements.get('choose-image-sheet')) customElements.define('choose-image-sheet', ChooseImageSheet);

export {ChooseImageSheet};
export {chooseImage} from './choose-image.js';
export {my} from './my.js';
export {ChooseImageError, ErrorCode} from './errors.js';
export {revokeTempFiles} from './temp-files.js';
export {setAssetPath} from './image/asset-path.js';
export type {ChooseImageResult, TempFile} from './temp-files.js';
export type {ChooseImageOptions, CompressOptions, Facing, SizeType, SourceType} from './options.js';
export type {ChooseImageSheetEventMap} from './events.js';
// The companions' types, for code that calls them through `my` (their code loads on first use).
export type {
  CompressImageOptions,
  CompressImageResult,
  CompressLevel,
  GetImageInfoOptions,
  ImageInfoResult,
  ImageOrientation,
  PreviewImageOptions,
  SaveImageOptions,
  ShowToastOptions,
  UploadFileOptions,
  UploadFileResult,
  UploadProgress,
  UploadTask,
} from './companions/index.js';

declare global {
  interface HTMLElementTagNameMap {
    'choose-image-sheet': ChooseImageSheet;
  }
}
