// One picked file in the gallery, and the identity rule for "the same file picked twice".

export interface GalleryItem {
  id: number;
  file: File;
  /** 'pending' until its thumbnail is decoded; 'unusable' files are never selectable. */
  state: 'pending' | 'ready' | 'unusable';
  /** Unusable because its extension is not in the `extension` option. */
  excluded?: boolean;
  /**
   * The photo's own thumbnail, decoded at the tile's size, until the ThumbnailController lets
   * it go (see its pixel budget); the tile's canvas draws it once and closes it.
   */
  pixels?: ImageBitmap;
  /**
   * The photo's EXIF thumbnail, shown until `pixels` come: decoded as stored (the tile's canvas
   * draws it once and closes it), or a blob: URL for an <img> (see the ThumbnailController).
   */
  thumb?: ImageBitmap | string;
  /** The EXIF orientation to show `thumb` with, as its bytes do not carry it. */
  embedded?: number;
}

let nextId = 0;

/** The same file picked twice: same name, size and lastModified. */
const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** The file's extension, lower case: from its name, else from its type (`image/png` → png). */
export const extensionOf = (f: File) => (/\.([^./]+)$/.exec(f.name)?.[1] ?? f.type.split('/')[1] ?? '').toLowerCase();

/**
 * New items for the files not already in `existing` (same name, size and lastModified). With
 * `extension`, a file whose extension is not listed is unusable, never decoded. Names are
 * compared first: Chromium asks the browser process for a picked file's size and date (a
 * synchronous round trip each) on their first read, which for a pick of 50 photos made the
 * pick's task the longest of the gallery.
 */
export function newItems(existing: readonly GalleryItem[], files: Iterable<File>, extension?: readonly string[]): GalleryItem[] {
  const byName = new Map<string, File[]>();
  const known = (file: File) => byName.get(file.name)?.some(other => sameFile(other, file));
  const remember = (file: File) => byName.set(file.name, [...(byName.get(file.name) ?? []), file]);
  existing.forEach(item => remember(item.file));
  const added: GalleryItem[] = [];
  for (const file of files) {
    if (known(file)) continue;
    remember(file);
    // Not an image at all: no need to try decoding it. An empty or generic type may still be one
    // (an iPhone's HEIC copied to another system arrives as '' or application/octet-stream).
    const excluded = !!extension && !extension.includes(extensionOf(file));
    const typed = file.type && file.type !== 'application/octet-stream';
    const state = excluded || (typed && !file.type.startsWith('image/')) ? 'unusable' : 'pending';
    added.push({id: ++nextId, file, state, excluded});
  }
  return added;
}
