// ICC profiles built byte by byte, to embed in test JPEGs: a matrix/curve RGB display profile
// with the primaries and curves asked for, or with extra tags (a lookup table).

/** The primaries (D50, as profiles store them) of sRGB, Display P3 and Adobe RGB (1998). */
export const PRIMARIES = {
  srgb: [[0.4361, 0.2225, 0.0139], [0.3851, 0.7169, 0.0971], [0.1431, 0.0606, 0.7141]],
  displayP3: [[0.5151, 0.2412, -0.0011], [0.292, 0.6922, 0.0419], [0.1571, 0.0666, 0.7841]],
  adobeRgb: [[0.6097, 0.3111, 0.0195], [0.2053, 0.6257, 0.0609], [0.1492, 0.0632, 0.7446]],
};

const fixed = (v: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, Math.round(v * 65536));
  return [...b];
};
const text = (s: string) => [...s].map(c => c.charCodeAt(0));
const u32 = (v: number) => [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const u16 = (v: number) => [v >> 8, v & 255];

/** sRGB's curve as a parametric curve of type 3 (or 4, as Skia writes it, with e = f = 0). */
export const srgbPara = (kind: 3 | 4 = 3) =>
  [...text('para'), 0, 0, 0, 0, ...u16(kind), 0, 0, ...[2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045, ...(kind === 4 ? [0, 0] : [])].flatMap(fixed)];

/** sRGB's curve sampled at `n` points, as older profiles (HP's sRGB IEC61966-2.1) store it. */
export const srgbCurv = (n = 1024) => {
  const lin = (x: number) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return [...text('curv'), 0, 0, 0, 0, ...u32(n), ...Array.from({length: n}, (_, i) => u16(Math.round(lin(i / (n - 1)) * 65535))).flat()];
};

/** A pure gamma curve (one entry, u8Fixed8). */
export const gammaCurv = (gamma: number) => [...text('curv'), 0, 0, 0, 0, ...u32(1), ...u16(Math.round(gamma * 256))];

const xyz = (v: number[]) => [...text('XYZ '), 0, 0, 0, 0, ...v.flatMap(fixed)];

/** A profile: `primaries` (three XYZ columns), one curve for all three channels, and `extra` tags. */
export function iccProfile({primaries = PRIMARIES.srgb, curve = srgbPara(), deviceClass = 'mntr', extra = {} as Record<string, number[]>} = {}): Uint8Array {
  const tags: [string, number[]][] = [
    ['rXYZ', xyz(primaries[0])],
    ['gXYZ', xyz(primaries[1])],
    ['bXYZ', xyz(primaries[2])],
    ['wtpt', xyz([0.9642, 1, 0.8249])],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
    ...Object.entries(extra),
  ];
  const table: number[] = [];
  const data: number[] = [];
  let at = 128 + 4 + 12 * tags.length;
  for (const [sig, body] of tags) {
    const padded = [...body, ...Array((4 - (body.length % 4)) % 4).fill(0)];
    table.push(...text(sig), ...u32(at), ...u32(body.length));
    data.push(...padded);
    at += padded.length;
  }
  const header = Array(128).fill(0);
  header.splice(0, 4, ...u32(at));
  header.splice(8, 4, 4, 0x30, 0, 0);
  header.splice(12, 12, ...text(deviceClass), ...text('RGB '), ...text('XYZ '));
  header.splice(36, 4, ...text('acsp'));
  return new Uint8Array([...header, ...u32(tags.length), ...table, ...data]);
}

/** `profile` as a JPEG APP2 segment: chunk `n` of `of`. */
export function iccSegment(profile: Uint8Array, n = 1, of = 1): Uint8Array {
  const body = [...text('ICC_PROFILE\0'), n, of, ...profile];
  return new Uint8Array([0xff, 0xe2, ...u16(body.length + 2), ...body]);
}

/** `jpeg` (a small one: it is read whole) without its ICC profile segments: the photos some tests want untagged. */
export async function untaggedJpeg(jpeg: Blob): Promise<Blob> {
  const b = new Uint8Array(await jpeg.arrayBuffer());
  const kept: Uint8Array[] = [];
  let from = 0; // where the bytes still to keep start
  for (let at = 2; at + 16 <= b.length && b[at] === 0xff && b[at + 1] !== 0xda; ) {
    const end = at + 2 + ((b[at + 2] << 8) | b[at + 3]);
    if (b[at + 1] === 0xe2 && String.fromCharCode(...b.subarray(at + 4, at + 16)) === 'ICC_PROFILE\0') {
      kept.push(b.subarray(from, at));
      from = end;
    }
    at = end;
  }
  if (!from) return jpeg;
  kept.push(b.subarray(from));
  // One buffer: Firefox cannot decode a Blob whose first part is shorter than the JPEG signature.
  const out = new Uint8Array(kept.reduce((n, k) => n + k.length, 0));
  kept.reduce((to, k) => (out.set(k, to), to + k.length), 0);
  return new Blob([out], {type: jpeg.type});
}
