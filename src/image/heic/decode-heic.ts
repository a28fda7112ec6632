// HEIC/HEIF decoding for engines that cannot decode it themselves (Chromium, Firefox): libheif
// and its HEVC decoder libde265, compiled to WebAssembly (npm `libheif-js`, LGPL-3.0). Part of the
// image worker, or where no worker runs a chunk of its own on the main thread. The glue
// (libheif.js) and the binary (libheif.wasm) are separate files (see kit-files.ts), so they can
// be replaced (LGPL) and are fetched only when a HEIC file is picked (libheif-by-url.ts; the
// built-in worker gets them another way, libheif-built-in.ts).
import type createLibheif from 'libheif-js/libheif-wasm/libheif.js';
import type {HeicFiles} from '../kit-files.js';
import {readHeifLayout, type HeifItem} from './heif-layout.js';
import {loadLibheif, type Decoder} from './libheif-by-url.js';

/** A decoded HEIC, upright, at the size asked for; drawImage() draws it. */
export interface DecodedHeic {
  image: ImageBitmap;
  width: number;
  height: number;
  /** Decoded from a thumbnail stored in the file rather than from the full image. */
  fromThumbnail: boolean;
  close(): void;
}

type Libheif = ReturnType<typeof createLibheif>;

/** libheif's error objects ({code, message}) where it answers in-band. */
interface HeifError {
  code?: {value: number};
  message?: string;
}

interface Plane {
  id: {value: number};
  width: number;
  height: number;
  stride: number;
  data: Uint8Array<ArrayBuffer>;
}

/** The first bytes read for the layout: `meta` comes first and an iPhone's is a few kB. */
const LAYOUT_BYTES = 256 * 1024;

let loaded: Promise<Decoder> | undefined;

/** libheif's glue imported and its .wasm compiled, once per worker (or page); a failure is tried again next time. */
function load(files: HeicFiles): Promise<Decoder> {
  loaded ??= loadLibheif(files).catch(e => {
    loaded = undefined;
    const why = e instanceof Error ? e.message : String(e);
    throw new DOMException(`the HEIC decoder (WebAssembly) cannot start here: ${why}`, 'NotSupportedError');
  });
  return loaded;
}

const failed = (what: string, e?: HeifError) => new DOMException(`HEIC ${what}${e?.message ? `: ${e.message}` : ''}`, 'EncodingError');

/**
 * The item to decode: the smallest stored thumbnail (with the primary image's shape) that covers
 * `want` on both edges; else the largest one that reaches half of it, used as it is: a phone's
 * thumbnail (about 320×240) is a little small for a gallery tile on a 3× screen, and the
 * alternative is seconds of decoding 12 MP per tile. Else the primary image (no id: libheif's own
 * idea of it, where the boxes could not be read).
 */
function pick(bytes: Uint8Array, want?: {width: number; height: number}): {id?: number; thumbnail: boolean} {
  const layout = readHeifLayout(bytes.subarray(0, LAYOUT_BYTES));
  if (!layout) return {thumbnail: false};
  const {primary, thumbnails} = layout;
  const usable = thumbnails.filter(t => Math.abs(t.width / t.height - primary.width / primary.height) < 0.02);
  const covers = (t: HeifItem, share: number) => !!want && t.width >= want.width * share && t.height >= want.height * share;
  const thumbnail = usable.find(t => covers(t, 1)) ?? usable.filter(t => covers(t, 0.5)).at(-1);
  return {id: (thumbnail ?? primary).id, thumbnail: !!thumbnail};
}

/**
 * Decodes a HEIC/HEIF image upright (its `irot` and `imir` applied). With `want`, the result
 * covers want.width × want.height and is no larger than that needs, or is a stored thumbnail of
 * at least half that size (see pick); without, full size.
 * @throws a DOMException (EncodingError) for bytes libheif cannot decode, NotSupportedError when
 * WebAssembly cannot run here or libheif's files cannot be loaded from `files`.
 */
export async function decodeHeic(blob: Blob, files: HeicFiles, want?: {width: number; height: number}): Promise<DecodedHeic> {
  const [{create, module}, buffer] = await Promise.all([load(files), blob.arrayBuffer()]);
  const bytes = new Uint8Array(buffer);
  const item = pick(bytes, want);
  // A fresh instance per image: WebAssembly memory never shrinks, so a 48 MP decode's memory
  // goes with its instance instead of staying with the worker.
  const heif: Libheif = create({
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => unknown) => done(new WebAssembly.Instance(module, imports)),
  });
  const context = heif.heif_context_alloc();
  try {
    const read = heif.heif_context_read_from_memory(context, bytes) as HeifError;
    if (read.code?.value) throw failed('cannot be read', read);
    const handle = item.id ? heif.heif_js_context_get_image_handle(context, item.id) : heif.heif_js_context_get_primary_image_handle(context);
    if (!handle || (handle as HeifError).code) throw failed('has no image', handle as HeifError);
    try {
      const image = heif.heif_js_decode_image2(handle, heif.heif_colorspace.heif_colorspace_RGB, heif.heif_chroma.heif_chroma_interleaved_RGBA);
      if (!image || image.code) throw failed('cannot be decoded', image);
      try {
        const plane = (image.channels as Plane[]).find(c => c.id.value === heif.heif_channel.heif_channel_interleaved.value);
        if (!plane) throw failed('gave no RGBA pixels');
        return await toBitmap(plane, want, item.thumbnail);
      } finally {
        heif.heif_image_release(image.image);
      }
    } finally {
      heif.heif_image_handle_release(handle);
    }
  } finally {
    heif.heif_context_free(context);
  }
}

/** The plane's pixels as an ImageBitmap, scaled down to cover `want` where it is larger. */
async function toBitmap({width, height, stride, data}: Plane, want: {width: number; height: number} | undefined, fromThumbnail: boolean): Promise<DecodedHeic> {
  let pixels: Uint8ClampedArray<ArrayBuffer>;
  if (stride === width * 4) {
    // A view on the instance's memory, no copy: createImageBitmap copies it once.
    pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, width * height * 4);
  } else {
    pixels = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) pixels.set(data.subarray(y * stride, y * stride + width * 4), y * width * 4);
  }
  const scale = want ? Math.min(1, Math.max(want.width / width, want.height / height)) : 1;
  const bitmap = await createImageBitmap(
    new ImageData(pixels, width, height),
    scale < 1 ? {resizeWidth: Math.ceil(width * scale), resizeHeight: Math.ceil(height * scale), resizeQuality: 'high'} : {}
  );
  return {image: bitmap, width: bitmap.width, height: bitmap.height, fromThumbnail, close: () => bitmap.close()};
}
