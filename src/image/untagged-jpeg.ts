// The gallery's thumbnails are drawn on an sRGB canvas, and the engines' JPEG encoders tag what
// they make with an sRGB ICC profile (WebKit and Chromium: a 472-byte APP2 segment). An untagged
// JPEG is sRGB to every browser, so the tag changes no pixel; but WebKit's <img> builds a colour
// transform (lcms) on the main thread for each tagged image it decodes, in the first screen's
// critical path (see README › Performance). A photo whose profile is sRGB is decoded without it
// for the same reason: WebKit's worker spends about a third of a 12 MP decode converting through it.
import {ascii} from './sniff.js';

const ICC = 'ICC_PROFILE\0';

/** `jpeg` (a small one: it is read whole) without its ICC profile segments; itself when it has none. */
export async function untaggedJpeg(jpeg: Blob): Promise<Blob> {
  const b = new Uint8Array(await jpeg.arrayBuffer());
  const kept: Uint8Array[] = [];
  let from = 0; // where the bytes still to keep start
  for (let at = 2; at + 4 + ICC.length <= b.length && b[at] === 0xff && b[at + 1] !== 0xda; ) {
    const end = at + 2 + ((b[at + 2] << 8) | b[at + 3]);
    if (b[at + 1] === 0xe2 && ascii(b, at + 4, ICC)) {
      kept.push(b.subarray(from, at));
      from = end;
    }
    at = end;
  }
  if (!from) return jpeg;
  kept.push(b.subarray(from));
  // One buffer, not a Blob of parts: Firefox's createImageBitmap cannot decode a Blob whose first
  // part is shorter than the JPEG signature.
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  kept.reduce((at, k) => (out.set(k, at), at + k.length), 0);
  return new Blob([out], {type: jpeg.type});
}

/**
 * `jpeg` (any size: it is sliced, not read) without the segment at `start`..`end` — an sRGB
 * profile, which header.ts found and srgb-profile.ts judged.
 */
export async function withoutSegment(jpeg: Blob, {start, end}: {start: number; end: number}): Promise<Blob> {
  // The first part a copy that runs past the cut: Firefox's createImageBitmap cannot decode a
  // Blob whose first part is shorter than the JPEG signature, and the cut may start at byte 2.
  const head = await Promise.all([jpeg.slice(0, start), jpeg.slice(end, end + 64)].map(async b => new Uint8Array(await b.arrayBuffer())));
  const first = new Uint8Array(head[0].length + head[1].length);
  first.set(head[0]);
  first.set(head[1], head[0].length);
  return new Blob([first, jpeg.slice(end + 64)], {type: jpeg.type});
}
