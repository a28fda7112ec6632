// The companions of chooseImage: what a mini-program page calls on the paths it got. One chunk,
// loaded by `my` on the first call of any of them; import 'choose-image-sheet/companions' to load
// it up front and call them by name. (The old 'choose-image-sheet/preview' is the same module.)
// What only one of them needs (the header reader, the image pipeline) loads on its first call.
export * from '../preview/index.js';
export {getImageInfo} from './get-image-info.js';
export type {GetImageInfoOptions, ImageInfoResult, ImageOrientation} from './get-image-info.js';
export {compressImage, COMPRESS_LEVELS} from './compress-image.js';
export type {CompressImageOptions, CompressImageResult, CompressLevel} from './compress-image.js';
export {uploadFile} from './upload-file.js';
export type {UploadFileOptions, UploadFileResult, UploadProgress, UploadTask} from './upload-file.js';
