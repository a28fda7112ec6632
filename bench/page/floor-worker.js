// Bench E's floor: decodes each JPEG it is sent at 1/8 of its size (the smallest scale a JPEG
// decoder has) and throws the pixels away. Nothing is drawn, encoded or shown: the least work
// any decode-based thumbnail can do in this engine. `method`: WebCodecs ImageDecoder (Chromium
// decodes at n/8; Firefox scales to the size asked for), or createImageBitmap with resizeWidth
// where there is no ImageDecoder (WebKit).
const decoders = {
  async ImageDecoder(file, width, height) {
    const decoder = new ImageDecoder({data: file.stream(), type: 'image/jpeg', desiredWidth: Math.ceil(width / 8), desiredHeight: Math.ceil(height / 8)});
    try {
      const {image} = await decoder.decode();
      const decoded = image.displayWidth;
      image.close();
      return decoded;
    } finally {
      decoder.close();
    }
  },
  async createImageBitmap(file, width, height) {
    const bitmap = await createImageBitmap(await withoutProfile(file), {resizeWidth: Math.ceil(width / 8), resizeHeight: Math.ceil(height / 8), resizeQuality: 'low'});
    const decoded = bitmap.width;
    bitmap.close();
    return decoded;
  },
};

/**
 * The file without its ICC profile segment: the bench's photos carry only the sRGB profile their
 * encoder wrote, which changes no pixel, and the kit leaves such a profile out where
 * createImageBitmap decodes (WebKit converts through it otherwise). So does the floor, or it
 * would not be the least work. (Only the first 64 kB are looked at, where the encoder puts it.)
 */
async function withoutProfile(file) {
  const b = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  for (let at = 2; at + 16 < b.length && b[at] === 0xff && b[at + 1] !== 0xda; at += 2 + ((b[at + 2] << 8) | b[at + 3])) {
    const end = at + 2 + ((b[at + 2] << 8) | b[at + 3]);
    if (b[at + 1] === 0xe2 && end <= b.length && String.fromCharCode(...b.subarray(at + 4, at + 15)) === 'ICC_PROFILE') {
      return new Blob([b.slice(0, at), b.slice(end), file.slice(65536)], {type: file.type});
    }
  }
  return file;
}

self.onmessage = async ({data: {file, width, height, method}}) => {
  try {
    self.postMessage({width: await decoders[method](file, width, height)});
  } catch (e) {
    self.postMessage({error: String(e)});
  }
};
