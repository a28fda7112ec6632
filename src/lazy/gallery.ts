// The gallery half of the sheet, loaded when a call may use the album.
export {ThumbnailController} from '../controllers/thumbnail-controller.js';
export {newItems} from '../internal/gallery-item.js';
export {galleryView, gridKeyTarget} from '../views/gallery-view.js';
export {default as styles} from '../views/gallery-view.styles.js';
