// Section H: HEIC. The pick section's 12 MP photo (4032x3024, sensor noise) encoded as HEIC by
// heif-enc (libheif-examples; q50 with a 320 px thumbnail, as an iPhone stores one), then:
// - through the sheet (the bundled build): change → compressed result with 完成 at once, and
//   change → thumbnail on screen, each against the same photo as a JPEG in the same run;
// - the three npm decoders on a bare page, each converting it to a full-size JPEG (q0.8);
// - sizes: what the HEIC path fetches, and the libraries' files.
import {execFileSync} from 'node:child_process';
import {readFileSync, statSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {alternate, pause, throughBarePage, throughSheet} from '../drive.mjs';
import {fmt, median, table} from '../report.mjs';
import {pickPhoto} from './pick.mjs';

const gz = buf => gzipSync(buf, {level: 9}).length;
const fileSizes = path => {
  const raw = readFileSync(path);
  return {path, bytes: raw.length, gzipBytes: gz(raw)};
};

/** The HEIC made from the stored JPEG, kept beside it (heif-enc takes about 40 s). */
function heicOf(jpegPath, heicPath) {
  try {
    statSync(heicPath);
  } catch {
    try {
      execFileSync('heif-enc', ['-q', '50', '-t', '320', '-o', heicPath, jpegPath], {stdio: 'ignore'});
    } catch (e) {
      throw new Error(`heic: heif-enc could not make the test file (Debian: apt-get install libheif-examples): ${e.message}`);
    }
  }
  return heicPath;
}

export async function heicSection(ctx) {
  const {page, server, runs} = ctx;
  const jpeg = await pickPhoto(ctx);
  const heic = heicOf(jpeg, jpeg.replace(/\.jpg$/, '.heic'));
  const input = {jpegBytes: statSync(jpeg).size, heicBytes: statSync(heic).size};

  // count 2: a grid with 完成, as count 1 with one size type returns its pick without one.
  const compressed = path => throughSheet(page, [path], {count: 2, sizeType: ['compressed']}, 'armPick');
  // What the first HEIC pick fetches from dist/ (nothing from a cache, as the size section
  // does), after a JPEG pick has loaded the kit and started the worker.
  await compressed(jpeg);
  server.noStore = true;
  const mark = server.sent.length;
  await compressed(heic);
  const fetched = await server.fetchedSince(mark);
  server.noStore = false;

  const sheet = await alternate({
    // The first HEIC in a while: the image workers end after 15 s idle, so a new one fetches and
    // compiles libheif and runs it before its hot code is optimized.
    heicCompressed: async () => {
      await pause(16_000);
      return compressed(heic);
    },
    // The next HEIC right after (untimed first): its worker is warm.
    heicCompressedWarm: async () => {
      await compressed(heic);
      return compressed(heic);
    },
    jpegCompressed: () => compressed(jpeg),
  }, runs);
  const libraries = await alternate(
    Object.fromEntries(['libheif-js', 'heic-to', 'heic2any'].map(kind => [kind, () => throughBarePage(page, [heic], 'armBareHeic', kind)])),
    runs
  );
  const stat = rs => ({ms: median(rs.map(r => r.ms)), bytes: median(rs.map(r => r.bytes ?? 0)), size: rs[0].width ? `${rs[0].width}x${rs[0].height}` : '', samples: rs});
  const s = Object.fromEntries(Object.entries(sheet).map(([k, rs]) => [k, stat(rs)]));
  const l = Object.fromEntries(Object.entries(libraries).map(([k, rs]) => [k, stat(rs)]));

  const sizes = {
    glue: fileSizes('dist/libheif.js'),
    wasm: fileSizes('dist/libheif.wasm'),
    bundledChunk: fileSizes('dist/choose-image-sheet.decode-heic.bundled.js'),
    'heic-to': fileSizes('node_modules/heic-to/dist/heic-to.min.js'),
    heic2any: fileSizes('node_modules/heic2any/dist/heic2any.min.js'),
  };

  table(`H1. 12 MP HEIC (${fmt.bytes(input.heicBytes)} B) vs the same photo as JPEG (${fmt.bytes(input.jpegBytes)} B), through the sheet (bundled build); median of ${runs}, alternated, after 1 warm-up`,
    ['flow', 'HEIC ms', 'JPEG ms', 'HEIC / JPEG', 'HEIC result'], [
      ['pick → compressed result (完成 at once), first HEIC after 16 s idle', fmt.ms(s.heicCompressed.ms), fmt.ms(s.jpegCompressed.ms), fmt.x(s.heicCompressed.ms / s.jpegCompressed.ms), `${s.heicCompressed.size}, ${fmt.bytes(s.heicCompressed.bytes)} B`],
      ['  the same, the next HEIC right after (worker warm)', fmt.ms(s.heicCompressedWarm.ms), fmt.ms(s.jpegCompressed.ms), fmt.x(s.heicCompressedWarm.ms / s.jpegCompressed.ms), ''],
    ], ['Both run in the image worker; the HEIC through libheif (WebAssembly), fetched with the first HEIC.']);
  const base = l['libheif-js'].ms;
  table(`H2. The npm decoders on a bare page: picked 12 MP HEIC → full-size JPEG q0.8; median of ${runs}, alternated, after 1 warm-up`,
    ['library', 'ms', 'vs libheif-js', 'bytes', 'out', 'JS min+gzip', 'wasm (gzip)'], [
      ['libheif-js 1.23.2 (the kit\'s; decode + canvas here)', fmt.ms(base), '1.00×', fmt.bytes(l['libheif-js'].bytes), l['libheif-js'].size, fmt.kB(sizes.glue.gzipBytes), `${fmt.kB(sizes.wasm.bytes)} (${fmt.kB(sizes.wasm.gzipBytes)})`],
      ['heic-to 1.5.2', fmt.ms(l['heic-to'].ms), fmt.x(l['heic-to'].ms / base), fmt.bytes(l['heic-to'].bytes), l['heic-to'].size, fmt.kB(sizes['heic-to'].gzipBytes), 'inside the JS'],
      ['heic2any 0.0.4', fmt.ms(l.heic2any.ms), fmt.x(l.heic2any.ms / base), fmt.bytes(l.heic2any.bytes), l.heic2any.size, fmt.kB(sizes.heic2any.gzipBytes), 'none (asm.js)'],
    ], []);
  table('H3. What a first HEIC pick fetches from dist/ (gzip -9 on the wire, cache off; kB = 1000 B)',
    ['file', 'bytes', 'gzip'], [
      ...fetched.files.map(f => [f.path, '', fmt.kB(f.bytes)]),
      ['total', '', fmt.kB(fetched.bytes)],
      ['libheif.js (glue, as built)', fmt.bytes(sizes.glue.bytes), fmt.kB(sizes.glue.gzipBytes)],
      ['libheif.wasm', fmt.bytes(sizes.wasm.bytes), fmt.kB(sizes.wasm.gzipBytes)],
    ], ['The image worker (the kit\'s HEIC decoder inside it) and the pipeline are fetched by any compression; libheif only when a HEIC is picked.']);
  return {input, sheet: s, libraries: l, sizes, fetched, ratio: s.heicCompressed.ms / s.jpegCompressed.ms};
}
