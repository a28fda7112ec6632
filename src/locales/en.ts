import type {Translation} from './index.js';

export const en: Translation = {
  lang: 'en',
  title: 'Choose image',
  takePhoto: 'Take photo',
  chooseFromAlbum: 'Choose from album',
  cancel: 'Cancel',
  close: 'Close',
  galleryTitle: 'Album',
  original: 'Original',
  addMore: 'Add images',
  confirm: (selected, count) => `Done (${selected}/${count})`,
  selectLimit: count => `You can choose up to ${count} ${count === 1 ? 'image' : 'images'}`,
  item: (name, order) => (order ? `${name}, selected ${order}` : name),
  unusable: name => `${name}, this image cannot be read`,
  excluded: (name, extensions) => `${name}, only ${extensions.join(', ')} files can be chosen`,
  unusableBadge: 'Unusable',
  processing: 'Processing…',
  previewTitle: 'Image preview',
  previous: 'Previous image',
  next: 'Next image',
  imageOf: (n, total) => `Image ${n} of ${total}`,
};
