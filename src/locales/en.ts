import type {Translation} from './index.js';

export const en: Translation = {
  lang: 'en',
  title: 'Choose image',
  takePhoto: 'Take photo',
  chooseFromAlbum: 'Choose from album',
  cancel: 'Cancel',
  close: 'Close',
  noCamera: 'This device has no camera',
  confirm: (selected, count) => `Done (${selected}/${count})`,
  usePhoto: 'Use photo',
  unusable: name => `${name}, this image cannot be read`,
  processing: 'Processing…',
};
