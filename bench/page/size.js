// Section B in the page: the flows whose fetched bytes run.mjs counts on the wire (the server
// gzips what it sends, as a production server does).
import {getKit, importKit, open, close, center} from './sheet.js';

export {importKit};

/** Opens a call that offers camera and album, and waits for what it fetches to arrive. */
export async function openBoth() {
  await open({sourceType: ['camera', 'album']});
  await center('action-album');
}

export const closeCall = close;

/** my.previewImage of one image: fetches the viewer's chunk. */
export async function preview() {
  const canvas = Object.assign(document.createElement('canvas'), {width: 64, height: 48});
  canvas.getContext('2d').fillRect(0, 0, 32, 24);
  const url = URL.createObjectURL(await new Promise(r => canvas.toBlob(r, 'image/png')));
  await new Promise((success, fail) => getKit().my.previewImage({urls: [url], success, fail}));
  document.querySelector('choose-image-viewer')?.remove();
  URL.revokeObjectURL(url);
}
