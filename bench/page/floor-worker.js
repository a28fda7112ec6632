// Bench E's floor: decodes each JPEG it is sent at 1/8 of its size (the smallest scale a JPEG
// decoder has) through WebCodecs ImageDecoder, and throws the pixels away. Nothing is drawn,
// encoded or shown: the least work any decode-based thumbnail can do.
self.onmessage = async ({data: {file, width, height}}) => {
  const decoder = new ImageDecoder({data: file.stream(), type: 'image/jpeg', desiredWidth: Math.ceil(width / 8), desiredHeight: Math.ceil(height / 8)});
  try {
    const {image} = await decoder.decode();
    self.postMessage({width: image.displayWidth});
    image.close();
  } catch (e) {
    self.postMessage({error: String(e)});
  } finally {
    decoder.close();
  }
};
