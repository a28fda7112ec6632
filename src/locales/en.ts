import type {Translation} from './index.js';

export const en: Translation = {
  lang: 'en',
  title: 'Choose image',
  takePhoto: 'Take photo',
  chooseFromAlbum: 'Choose from album',
  cancel: 'Cancel',
  noCamera: 'This device has no camera',
};
