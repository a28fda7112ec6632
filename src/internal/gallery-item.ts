// One picked file in the gallery, and the identity rule for "the same file picked twice".

export interface GalleryItem {
  id: number;
  file: File;
  /** 'pending' until its thumbnail is decoded; 'unusable' files are never selectable. */
  state: 'pending' | 'ready' | 'unusable';
  /** blob: URL of the thumbnail, owned by the ThumbnailController. */
  thumb?: string;
}

let nextId = 0;

export const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/** New items for the files not already in `existing` (same name, size and lastModified). */
export function newItems(existing: readonly GalleryItem[], files: Iterable<File>): GalleryItem[] {
  const seen = new Set(existing.map(i => fileKey(i.file)));
  const added: GalleryItem[] = [];
  for (const file of files) {
    const key = fileKey(file);
    if (seen.has(key)) continue;
    seen.add(key);
    // Not an image at all: no need to try decoding it. An empty type may still be one (HEIC).
    const state = file.type && !file.type.startsWith('image/') ? 'unusable' : 'pending';
    added.push({id: ++nextId, file, state});
  }
  return added;
}
