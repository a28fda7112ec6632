// One picked file in the gallery, and the identity rule for "the same file picked twice".

export interface GalleryItem {
  id: number;
  file: File;
  /** 'pending' until its thumbnail is decoded; 'unusable' files are never selectable. */
  state: 'pending' | 'ready' | 'unusable';
  /** Unusable because its extension is not in the `extension` option. */
  excluded?: boolean;
  /** blob: URL of the thumbnail, owned by the ThumbnailController. */
  thumb?: string;
  /**
   * Set while `thumb` is the photo's EXIF thumbnail (not yet its own decode): the EXIF
   * orientation to show it with, as its bytes do not carry it.
   */
  embedded?: number;
}

let nextId = 0;

export const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/** The file's extension, lower case: from its name, else from its type (`image/png` → png). */
export const extensionOf = (f: File) => (/\.([^./]+)$/.exec(f.name)?.[1] ?? f.type.split('/')[1] ?? '').toLowerCase();

/**
 * New items for the files not already in `existing` (same name, size and lastModified). With
 * `extension`, a file whose extension is not listed is unusable, never decoded.
 */
export function newItems(existing: readonly GalleryItem[], files: Iterable<File>, extension?: readonly string[]): GalleryItem[] {
  const seen = new Set(existing.map(i => fileKey(i.file)));
  const added: GalleryItem[] = [];
  for (const file of files) {
    const key = fileKey(file);
    if (seen.has(key)) continue;
    seen.add(key);
    // Not an image at all: no need to try decoding it. An empty or generic type may still be one
    // (an iPhone's HEIC copied to another system arrives as '' or application/octet-stream).
    const excluded = !!extension && !extension.includes(extensionOf(file));
    const typed = file.type && file.type !== 'application/octet-stream';
    const state = excluded || (typed && !file.type.startsWith('image/')) ? 'unusable' : 'pending';
    added.push({id: ++nextId, file, state, excluded});
  }
  return added;
}
