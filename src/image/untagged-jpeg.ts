// A photo whose ICC profile is sRGB is decoded without it where createImageBitmap decodes: an
// untagged JPEG is sRGB to every browser, so the profile changes no pixel, and WebKit's worker
// spends about a third of a 12 MP decode converting through it (see README › Performance).

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
