// Makes the HEIC test fixtures in test/fixtures/heic/ (committed; run again only to change them):
// `node scripts/make-heic-fixtures.mjs`. Needs `heif-enc` (Debian: libheif-examples).
//
// heif-enc 1.15 writes no rotation or mirror property, so the picture is encoded upright and an
// `irot` or `imir` property is then added to the primary item's properties, as an iPhone writes
// them. Each picture is a gradient with a red block in its top-left corner and a green one in
// its top-right, so a test can tell which way round it was decoded.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {deflateSync} from 'node:zlib';

const OUT = new URL('../test/fixtures/heic/', import.meta.url);

/** RGB pixels: a blue→sand gradient, red block top-left, green block top-right (each a quarter). */
function picture(width, height) {
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      let c = [58 + t * 166, 111 + t * 81, 176 - t * 48];
      if (y < height / 4 && x < width / 4) c = [224, 0, 0];
      if (y < height / 4 && x >= (width * 3) / 4) c = [0, 192, 0];
      rgb.set(c.map(Math.round), (y * width + x) * 3);
    }
  }
  return rgb;
}

const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = buf => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function png(width, height, rgb) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Top-level boxes of `b` between start and end: [{type, at, size}]. */
function boxes(b, start, end) {
  const out = [];
  for (let at = start; at + 8 <= end; ) {
    const size = b.readUInt32BE(at);
    out.push({type: b.toString('latin1', at + 4, at + 8), at, size});
    at += size;
  }
  return out;
}
const find = (list, type) => list.find(x => x.type === type) ?? (() => { throw new Error(`no ${type} box`); })();

/**
 * Adds transform properties (`irot`, `imir`: {type, value}) to every image item (the primary
 * and its thumbnail, as an iPhone does): appended to `ipco`, associated (essential) in `ipma`,
 * every enclosing box size and the `iloc` offsets into `mdat` shifted by the bytes added.
 */
function addTransforms(heic, transforms) {
  const b = Buffer.from(heic);
  const meta = find(boxes(b, 0, b.length), 'meta');
  const inMeta = boxes(b, meta.at + 12, meta.at + meta.size); // meta is a full box
  const iprp = find(inMeta, 'iprp');
  const inIprp = boxes(b, iprp.at + 8, iprp.at + iprp.size);
  const ipco = find(inIprp, 'ipco');
  const ipma = find(inIprp, 'ipma');
  const first = boxes(b, ipco.at + 8, ipco.at + ipco.size).length + 1; // 1-based index of the first new property
  const props = Buffer.concat(transforms.map(({type, value}) => Buffer.from([0, 0, 0, 9, ...Buffer.from(type, 'latin1'), value])));
  // ipma (version 0, flags 0): entry_count u32; per entry item_ID u16, count u8, u8 associations.
  if (b[ipma.at + 8] !== 0 || b.readUIntBE(ipma.at + 9, 3) & 1) throw new Error('ipma: only version 0 with 7-bit indices');
  const entries = b.readUInt32BE(ipma.at + 12);
  const rebuilt = [b.subarray(ipma.at, ipma.at + 16)];
  for (let e = 0, at = ipma.at + 16; e < entries; e++) {
    const count = b[at + 2];
    rebuilt.push(Buffer.from([b[at], b[at + 1], count + transforms.length]), b.subarray(at + 3, at + 3 + count));
    rebuilt.push(Buffer.from(transforms.map((_, i) => 0x80 | (first + i))));
    at += 3 + count;
  }
  const newIpma = Buffer.concat(rebuilt);
  newIpma.writeUInt32BE(newIpma.length, 0);
  const added = props.length + newIpma.length - ipma.size;
  // iloc offsets point into mdat, after meta: shift them by what meta grows.
  shiftIloc(b, find(inMeta, 'iloc'), added);
  for (const box of [meta, iprp]) b.writeUInt32BE(box.size + added, box.at);
  b.writeUInt32BE(ipco.size + props.length, ipco.at);
  const ipcoEnd = ipco.at + ipco.size;
  if (ipma.at !== ipcoEnd) throw new Error('ipma does not follow ipco');
  return Buffer.concat([b.subarray(0, ipcoEnd), props, newIpma, b.subarray(ipma.at + ipma.size)]);
}

function shiftIloc(b, iloc, by) {
  const version = b[iloc.at + 8];
  let at = iloc.at + 12;
  const offsetSize = b[at] >> 4, lengthSize = b[at] & 15, baseSize = b[at + 1] >> 4, indexSize = version ? b[at + 1] & 15 : 0;
  at += 2;
  const items = version < 2 ? b.readUInt16BE(at) : b.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  const shift = (o, size) => size && b.writeUIntBE(b.readUIntBE(o, size) + by, o, size);
  for (let i = 0; i < items; i++) {
    at += version < 2 ? 2 : 4; // item_ID
    const method = version ? b.readUInt16BE(at) & 15 : 0;
    if (version) at += 2;
    at += 2; // data_reference_index
    if (method === 0 && baseSize) shift(at, baseSize);
    at += baseSize;
    const extents = b.readUInt16BE(at);
    at += 2;
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      if (method === 0 && !baseSize) shift(at, offsetSize);
      at += offsetSize + lengthSize;
    }
  }
}

function heifEnc(width, height, quality, thumbnail = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'heic-fixture-'));
  try {
    writeFileSync(join(dir, 'in.png'), png(width, height, picture(width, height)));
    execFileSync('heif-enc', ['-q', String(quality), ...(thumbnail ? ['-t', String(thumbnail)] : []), '-o', join(dir, 'out.heic'), join(dir, 'in.png')], {stdio: 'ignore'});
    return readFileSync(join(dir, 'out.heic'));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// 2400×1800 stored, turned 90° anticlockwise (irot angle 1): shown 1800×2400, the red block
// bottom-left and the green one top-left. Larger than maxSize, so `compressed` scales it too.
// With a 320×240 thumbnail, turned the same way.
writeFileSync(new URL('rotated.heic', OUT), addTransforms(heifEnc(2400, 1800, 40, 320), [{type: 'irot', value: 1}]));
// 400×300 mirrored left to right, as an iPhone's front camera writes it: imir mode 1 (HEIF
// amendment 2 names the field `mode`; 0 flips top to bottom). Red top-right, green top-left.
writeFileSync(new URL('mirrored.heic', OUT), addTransforms(heifEnc(400, 300, 50), [{type: 'imir', value: 1}]));
// 400×300 upright.
writeFileSync(new URL('upright.heic', OUT), heifEnc(400, 300, 50));
