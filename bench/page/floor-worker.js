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
    const bitmap = await createImageBitmap(file, {resizeWidth: Math.ceil(width / 8), resizeHeight: Math.ceil(height / 8), resizeQuality: 'low'});
    const decoded = bitmap.width;
    bitmap.close();
    return decoded;
  },
};

self.onmessage = async ({data: {file, width, height, method}}) => {
  try {
    self.postMessage({width: await decoders[method](file, width, height)});
  } catch (e) {
    self.postMessage({error: String(e)});
  }
};
