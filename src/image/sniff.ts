// The image type from a file's first bytes, not its name: a GIF named .jpg is a GIF, and a
// file with no extension still has a type.

/** Whether the bytes of `b` from `at` spell `text`. */
export const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/** ISO BMFF brands (AVIF, HEIC/HEIF) of the `ftyp` box at the start, or none. */
function brands(b: Uint8Array): string[] {
  if (!ascii(b, 4, 'ftyp')) return [];
  const size = Math.min(b.length, (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]);
  const text = (at: number) => String.fromCharCode(...b.subarray(at, at + 4));
  const found = [text(8)]; // the major brand, then the compatible ones after the minor version
  for (let at = 16; at + 4 <= size; at += 4) found.push(text(at));
  return found;
}

/** Every type sniffType() can tell. */
export const SNIFFED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/avif', 'image/heic', 'image/heif'];

/**
 * The MIME type of an image by its signature: JPEG, PNG, GIF, WebP, AVIF, HEIC/HEIF or BMP;
 * '' for anything else. `b` is the start of the file (32 bytes are enough).
 */
export function sniffType(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (ascii(b, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  // 'BM' and a known DIB header size: two letters alone would match text files.
  if (ascii(b, 0, 'BM') && [12, 40, 52, 56, 64, 108, 124].includes(b[14] | (b[15] << 8))) return 'image/bmp';
  const box = brands(b);
  if (box.some(x => x === 'avif' || x === 'avis')) return 'image/avif';
  if (box.some(x => /^he[iv][cmsx]$/.test(x))) return 'image/heic';
  if (box.some(x => x === 'mif1' || x === 'msf1')) return 'image/heif';
  return '';
}
