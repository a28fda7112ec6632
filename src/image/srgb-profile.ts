// Whether an embedded ICC profile says nothing an engine would not assume anyway: sRGB. An
// untagged JPEG is sRGB to every browser, so a profile that is sRGB changes no pixel; but WebKit
// still converts through it (lcms, about a third of a 12 MP photo's decode in its worker, see
// README › Performance), so the decoder may leave such a segment out. Strict on purpose: only a
// matrix/curve RGB display profile whose primaries and curves are sRGB's. A Display P3 photo's
// profile (every iPhone's) is not, nor is any profile with lookup tables, and keeps its conversion.

/** sRGB's primaries adapted to D50, as ICC profiles store them (the columns of its matrix). */
const PRIMARIES: Record<string, number[]> = {
  rXYZ: [0.4361, 0.2225, 0.0139],
  gXYZ: [0.3851, 0.7169, 0.0971],
  bXYZ: [0.1431, 0.0606, 0.7141],
};

/** How far a stored primary may be from sRGB's: rounding (s15Fixed16 and published tables), no more. */
const PRIMARY_TOLERANCE = 0.002;

/**
 * True when `p` (the whole profile) is an RGB display profile made of a matrix and three curves
 * that are sRGB's: decoding with it or without it gives the same 8-bit pixels.
 */
export function isSrgbProfile(p: Uint8Array): boolean {
  // The photos of one camera carry the same profile: it is judged once (its curves are 768 powers).
  if (last && last.bytes.length === p.length && last.bytes.every((v, i) => v === p[i])) return last.srgb;
  last = {bytes: p.slice(), srgb: judge(p)};
  return last.srgb;
}

/** The profile judged last, and its verdict. */
let last: {bytes: Uint8Array; srgb: boolean} | undefined;

function judge(p: Uint8Array): boolean {
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  if (p.length < 132 || fourCC(p, 12) !== 'mntr' || fourCC(p, 16) !== 'RGB ' || fourCC(p, 20) !== 'XYZ ' || fourCC(p, 36) !== 'acsp') return false;
  const tags = new Map<string, Uint8Array>();
  const count = view.getUint32(128);
  if (132 + 12 * count > p.length) return false;
  for (let k = 0, e = 132; k < count; k++, e += 12) {
    const [offset, size] = [view.getUint32(e + 4), view.getUint32(e + 8)];
    if (offset + size > p.length) return false;
    tags.set(fourCC(p, e), p.subarray(offset, offset + size));
  }
  // Lookup tables (A2B*, B2A*, D2B*, B2D*) come before the matrix where an engine finds them.
  if ([...tags.keys()].some(sig => /^(A2B|B2A|D2B|B2D)/.test(sig))) return false;
  const primaries = Object.entries(PRIMARIES).every(([sig, want]) => {
    const xyz = tags.get(sig);
    return xyz?.length === 20 && fourCC(xyz) === 'XYZ ' && want.every((v, i) => Math.abs(s15Fixed16(xyz, 8 + 4 * i) - v) <= PRIMARY_TOLERANCE);
  });
  return primaries && ['rTRC', 'gTRC', 'bTRC'].every(sig => isSrgbCurve(tags.get(sig)));
}

/** The four letters at `at`: a signature in the header, a tag's name, a tag's type (at 0). */
const fourCC = (b: Uint8Array, at = 0) => String.fromCharCode(...b.subarray(at, at + 4));
const s15Fixed16 = (t: Uint8Array, at: number) => new DataView(t.buffer, t.byteOffset, t.byteLength).getInt32(at) / 65536;

/**
 * True when the curve tag `t` is sRGB's within half a level of 8-bit output at every 8-bit
 * input: its linear light, encoded back with sRGB, rounds to the same value.
 */
function isSrgbCurve(t: Uint8Array | undefined): boolean {
  const curve = t && curveOf(t);
  if (!curve) return false;
  // Compared in sRGB's encoded space, where a level is a level (linear light is steep near black).
  for (let i = 0; i <= 255; i++) if (Math.abs(linearToSrgb(curve(i / 255)) * 255 - i) > 0.5) return false;
  return true;
}

/** sRGB's encoding: linear light → encoded value. */
const linearToSrgb = (y: number) => (y <= 0.0031308 ? 12.92 * y : 1.055 * Math.max(0, y) ** (1 / 2.4) - 0.055);

/** A 'para' or sampled 'curv' tag as a function on [0, 1]; undefined for a gamma alone or anything else. */
function curveOf(t: Uint8Array): ((x: number) => number) | undefined {
  const view = new DataView(t.buffer, t.byteOffset, t.byteLength);
  if (fourCC(t) === 'curv' && t.length >= 12) {
    const n = view.getUint32(8);
    if (n < 2 || 12 + 2 * n > t.length) return undefined; // 0: identity, 1: a pure gamma — neither is sRGB
    return x => {
      const at = x * (n - 1);
      const i = Math.min(n - 2, Math.floor(at));
      const f = at - i;
      return (view.getUint16(12 + 2 * i) * (1 - f) + view.getUint16(14 + 2 * i) * f) / 65535;
    };
  }
  if (fourCC(t) !== 'para' || t.length < 12) return undefined;
  const kind = view.getUint16(8);
  const length = [1, 3, 4, 5, 7][kind];
  if (length === undefined || 12 + 4 * length > t.length) return undefined;
  const [g, a = 1, b = 0, c = 0, d = 0, e = 0, f = 0] = Array.from({length}, (_, i) => s15Fixed16(t, 12 + 4 * i));
  // ICC.1 parametric curves: types 1 and 2 switch at -b/a, 3 and 4 at d.
  const from = kind === 1 || kind === 2 ? -b / a : d;
  return x => {
    if (kind === 0) return x ** g;
    if (x < from) return kind === 2 ? c : kind >= 3 ? c * x + (kind === 4 ? f : 0) : 0;
    return Math.max(0, a * x + b) ** g + (kind === 2 ? c : kind === 4 ? e : 0);
  };
}
