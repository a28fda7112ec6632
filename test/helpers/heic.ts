// HEIC fixtures (test/fixtures/heic/, made by scripts/make-heic-fixtures.mjs) and a reader of
// which way round a decoded picture came out: each has a red block in its top-left corner and a
// green one in its top-right before its irot/imir is applied.

export type HeicFixture = 'upright' | 'rotated' | 'mirrored';

/** The fixture as a File, as a person would pick it (named .HEIC, as an iPhone names it). */
export async function heicFile(name: HeicFixture, fileName = `IMG_${name}.HEIC`): Promise<File> {
  const blob = await (await fetch(`/test/fixtures/heic/${name}.heic`)).blob();
  return new File([blob], fileName, {type: 'image/heic', lastModified: 1_700_000_000_000});
}

/** A file that starts as a HEIC does (ftyp heic) and then is not one. */
export const corruptHeic = (name = 'broken.heic') =>
  new File([new Uint8Array([0, 0, 0, 24, ...'ftypheic'.split('').map(c => c.charCodeAt(0)), 0, 0, 0, 0, ...'mif1heic'.split('').map(c => c.charCodeAt(0)), ...Array(600).fill(7)])], name, {type: 'image/heic'});

/** 'red' / 'green' / 'other' at each corner of a decoded image (sampled 1/16 in from the edges). */
export async function corners(source: ImageBitmap | Blob): Promise<Record<'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight', string>> {
  const bitmap = source instanceof Blob ? await createImageBitmap(source) : source;
  const {width, height} = bitmap;
  const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  if (source instanceof Blob) bitmap.close();
  const at = (x: number, y: number) => {
    const [r, g, b] = ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data;
    if (r > 180 && g < 60 && b < 60) return 'red';
    if (g > 150 && r < 60 && b < 60) return 'green';
    return 'other';
  };
  const [l, r, t, b] = [width / 16, (width * 15) / 16, height / 16, (height * 15) / 16];
  return {topLeft: at(l, t), topRight: at(r, t), bottomLeft: at(l, b), bottomRight: at(r, b)};
}
