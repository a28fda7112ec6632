// Where a HEIC/HEIF file keeps its pictures, read from its boxes before anything is decoded: the
// primary image's size as shown (its `irot` applied), and the thumbnails stored beside it (an
// iPhone stores one of 320×240 or so), so a gallery tile can decode those instead of 12 MP.
// ISO/IEC 23008-12: `meta` holds `pitm` (the primary item), `iref` (`thmb`: thumbnail → image)
// and `iprp` (`ipco`, the properties; `ipma`, which item has which).

/** One picture item: its id and its size as displayed (rotation applied). */
export interface HeifItem {
  id: number;
  width: number;
  height: number;
}

export interface HeifLayout {
  primary: HeifItem;
  /** Thumbnails of the primary image, smallest first. */
  thumbnails: HeifItem[];
}

interface Box {
  type: string;
  /** Where the box's content starts (after its header) and ends. */
  start: number;
  end: number;
}

const u16 = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
const u32 = (b: Uint8Array, o: number) => u16(b, o) * 65536 + u16(b, o + 2);

/** The boxes directly inside b[start, end). */
function children(b: Uint8Array, start: number, end: number): Box[] {
  const out: Box[] = [];
  for (let at = start; at + 8 <= end; ) {
    let size = u32(b, at);
    let header = 8;
    if (size === 1) {
      size = u32(b, at + 8) * 2 ** 32 + u32(b, at + 12); // 64-bit size
      header = 16;
    } else if (size === 0) size = end - at; // to the end
    if (size < header) break;
    out.push({type: String.fromCharCode(...b.subarray(at + 4, at + 8)), start: at + header, end: Math.min(end, at + size)});
    at += size;
  }
  return out;
}

const child = (b: Uint8Array, box: Box | undefined, type: string, full = false) =>
  box && children(b, box.start + (full ? 4 : 0), box.end).find(c => c.type === type);

/** The boxes that say which item is the primary image and what properties each item has. */
function primaryBoxes(b: Uint8Array) {
  const meta = children(b, 0, b.length).find(c => c.type === 'meta');
  const pitm = child(b, meta, 'pitm', true);
  const iprp = child(b, meta, 'iprp', true);
  const ipco = child(b, iprp, 'ipco');
  const ipma = child(b, iprp, 'ipma');
  if (!meta || !pitm || !ipco || !ipma) return undefined;
  const primaryId = b[pitm.start] === 0 ? u16(b, pitm.start + 4) : u32(b, pitm.start + 4);
  return {meta, ipma, properties: children(b, ipco.start, ipco.end), primaryId};
}

/**
 * The layout of the HEIF file starting with `b` (its first bytes: the `meta` box must be in
 * them), or undefined when `b` holds no readable `meta` box.
 */
export function readHeifLayout(b: Uint8Array): HeifLayout | undefined {
  const boxes = primaryBoxes(b);
  if (!boxes) return undefined;
  const {meta, ipma, properties, primaryId} = boxes;
  const sizes = itemSizes(b, ipma, properties);
  const item = (id: number): HeifItem | undefined => {
    const size = sizes.get(id);
    return size && {id, ...size};
  };
  const primary = item(primaryId);
  if (!primary) return undefined;
  const thumbnails = thumbnailIds(b, child(b, meta, 'iref', true), primaryId)
    .map(item)
    .filter((t): t is HeifItem => !!t)
    .sort((x, y) => x.width * x.height - y.width * y.height);
  return {primary, thumbnails};
}

/** Each item's properties, in the order `ipma` lists them (the order their transforms apply in). */
function itemProperties(b: Uint8Array, ipma: Box, properties: Box[]): Map<number, Box[]> {
  const version = b[ipma.start];
  const wideIndex = (b[ipma.start + 3] & 1) === 1;
  const items = new Map<number, Box[]>();
  const entries = u32(b, ipma.start + 4);
  let at = ipma.start + 8;
  for (let i = 0; i < entries && at < ipma.end; i++) {
    const id = version < 1 ? u16(b, at) : u32(b, at);
    at += version < 1 ? 2 : 4;
    const list: Box[] = [];
    for (let count = b[at++]; count > 0; count--) {
      const index = wideIndex ? u16(b, at) & 0x7fff : b[at] & 0x7f;
      at += wideIndex ? 2 : 1;
      const property = properties[index - 1]; // 0 means none
      if (property) list.push(property);
    }
    items.set(id, list);
  }
  return items;
}

/** Each item's displayed size: its `ispe`, turned by its `irot` (odd quarter turns swap the edges). */
function itemSizes(b: Uint8Array, ipma: Box, properties: Box[]): Map<number, {width: number; height: number}> {
  const sizes = new Map<number, {width: number; height: number}>();
  for (const [id, list] of itemProperties(b, ipma, properties)) {
    let width = 0;
    let height = 0;
    let quarterTurns = 0;
    for (const property of list) {
      if (property.type === 'ispe') {
        width = u32(b, property.start + 4);
        height = u32(b, property.start + 8);
      } else if (property.type === 'irot') quarterTurns = b[property.start] & 3;
    }
    if (width && height) sizes.set(id, quarterTurns % 2 ? {width: height, height: width} : {width, height});
  }
  return sizes;
}

/**
 * The transform a point (x, y) of the stored picture undergoes to be shown, as [a, b, c, d]:
 * (x, y) → (ax + by, cx + dy), x to the right and y down. Index i + 1 is EXIF orientation i + 1.
 */
const EXIF_TRANSFORMS = ['1,0,0,1', '-1,0,0,1', '-1,0,0,-1', '1,0,0,-1', '0,1,1,0', '0,-1,1,0', '0,-1,-1,0', '0,1,-1,0'];

/**
 * The primary image's `irot` and `imir`, composed in the order `ipma` lists them, as the EXIF
 * orientation (1–8) that shows the stored picture the same way; 1 when it has neither, or when
 * `b` holds no readable `meta` box. (An iPhone's front-camera HEIC is mirrored this way.)
 */
export function heifOrientation(b: Uint8Array): number {
  const boxes = primaryBoxes(b);
  if (!boxes) return 1;
  let m = [1, 0, 0, 1];
  const then = ([a, b2, c, d]: number[]) => (m = [a * m[0] + b2 * m[2], a * m[1] + b2 * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3]]);
  for (const property of itemProperties(b, boxes.ipma, boxes.properties).get(boxes.primaryId) ?? []) {
    // irot: anticlockwise quarter turns, each (x, y) → (y, -x). imir mode 1 flips left to right, 0 top to bottom.
    if (property.type === 'irot') for (let turns = b[property.start] & 3; turns > 0; turns--) then([0, 1, -1, 0]);
    if (property.type === 'imir') then(b[property.start] & 1 ? [-1, 0, 0, 1] : [1, 0, 0, -1]);
  }
  return EXIF_TRANSFORMS.indexOf(m.join(',')) + 1;
}

/** The items that `iref` says are thumbnails (`thmb`) of `of`. */
function thumbnailIds(b: Uint8Array, iref: Box | undefined, of: number): number[] {
  if (!iref) return [];
  const wide = b[iref.start] !== 0;
  const id = (o: number) => (wide ? u32(b, o) : u16(b, o));
  const step = wide ? 4 : 2;
  const ids: number[] = [];
  for (const ref of children(b, iref.start + 4, iref.end)) {
    if (ref.type !== 'thmb') continue;
    const from = id(ref.start);
    const count = u16(b, ref.start + step);
    for (let i = 0; i < count; i++) if (id(ref.start + step + 2 + i * step) === of) ids.push(from);
  }
  return ids;
}
