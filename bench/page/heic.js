// Section H in the page: HEIC. The libraries compared with the kit's decoder, each converting the
// picked 12 MP HEIC to a full-size JPEG (q0.8) as its README shows, on a bare page whose
// <input type=file> answers run.mjs's file chooser: libheif-js (the kit's choice, used directly:
// decode in WebAssembly + canvas), heic-to, heic2any. The kit itself goes through the sheet
// (armPick, armGallery in album.js).
import {state} from './sheet.js';
import {nextBarePick, pickedAt, removeBareInput} from './util.js';

/** heic2any ships a UMD script only: loaded as a classic script (window.heic2any). */
let heic2anyLoaded;
function heic2any() {
  heic2anyLoaded ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), {src: '/node_modules/heic2any/dist/heic2any.min.js'});
    script.onload = () => resolve(window.heic2any);
    script.onerror = reject;
    document.head.append(script);
  });
  return heic2anyLoaded;
}

async function fullSizeJpeg(bitmap) {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({type: 'image/jpeg', quality: 0.8});
}

// Imported on first use, so that no other section's page carries them.
const converters = {
  'libheif-js': async file => fullSizeJpeg((await (await import('/src/image/heic/decode-heic.ts')).decodeHeic(file, (await import('/src/image/kit-files.ts')).kitFiles())).image),
  'heic-to': async file => (await import('heic-to')).heicTo({blob: file, type: 'image/jpeg', quality: 0.8}),
  heic2any: async file => (await heic2any())({blob: file, toType: 'image/jpeg', quality: 0.8}),
};

/** The bare page: the pick → `kind` converts the picked HEIC (on bench.bareInput()). */
export function armBareHeic(kind) {
  const picked = nextBarePick();
  state.probe = (async () => {
    const {input, files} = await picked;
    const t0 = pickedAt();
    const blob = await converters[kind](files[0]);
    const ms = performance.now() - t0;
    removeBareInput(input);
    const bitmap = await createImageBitmap(blob);
    const out = {ms, bytes: blob.size, type: blob.type, width: bitmap.width, height: bitmap.height};
    bitmap.close();
    return out;
  })();
}
