// What getImageInfo reads from an image's header, in one chunk loaded on its first call.
export {readHeader} from '../image/header.js';
export {heifOrientation, readHeifLayout} from '../image/heic/heif-layout.js';
