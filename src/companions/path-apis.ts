// The companions that work on a path the page got (getImageInfo, compressImage, uploadFile,
// saveImage): the chunk `my` loads on the first call of any of them. previewImage and the toast
// are a chunk of their own, so a page that only previews fetches none of this.
export {getImageInfo} from './get-image-info.js';
export {compressImage} from './compress-image.js';
export {uploadFile} from './upload-file.js';
export {saveImage} from './save-image.js';
