// A photo whose ICC profile is sRGB is decoded without it (WebKit would convert through it, to
// the same pixels, at a third of the decode's cost); any other profile — Display P3, as every
// iPhone photo carries — is kept and honoured. The colours are the engine's own either way.
import {expect} from '@open-wc/testing';
import {decode} from '../../src/image/decode.js';
import {readHeader} from '../../src/image/header.js';
import {isSrgbProfile} from '../../src/image/srgb-profile.js';
import {withoutSegment} from '../../src/image/untagged-jpeg.js';
import {itExceptIn} from '../helpers/engine.js';
import {makeImage} from '../helpers/index.js';
import {gammaCurv, iccProfile, iccSegment, PRIMARIES, srgbCurv, srgbPara, untaggedJpeg} from '../helpers/icc-profile.js';
import {exifSegment, withSegments} from '../helpers/image-bytes.js';

/** Every pixel of `image` drawn at its size. */
function pixelsOf(image: CanvasImageSource, width: number, height: number) {
  const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
  ctx.drawImage(image, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

/** The engine's own decode of `blob`, at full size, with its profile as the engine applies it. */
async function engineDecode(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const data = pixelsOf(bitmap, bitmap.width, bitmap.height);
  bitmap.close();
  return data;
}

/** The kit's decode of `blob` (full size asked for: no engine scales it), as drawn. */
async function kitDecode(blob: Blob) {
  const head = await readHeader(blob);
  const source = await decode(blob, head, {width: head.width, height: head.height});
  const data = pixelsOf(source.image, source.width, source.height);
  source.close();
  return data;
}

const largestDifference = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
  expect(a.length, 'the same size').to.equal(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
};

/** A colourful photo-like JPEG with no profile, and the same bytes tagged with `profile`. */
async function photo(profile?: Uint8Array) {
  const plain = await untaggedJpeg(await makeImage(160, 120, 'image/jpeg', {seed: 7, quality: 0.95}));
  return profile ? withSegments(plain, [iccSegment(profile)]) : plain;
}

describe('sRGB profiles', () => {
  it('should take sRGB as a parametric curve (types 3 and 4) or as 1024 samples for sRGB', () => {
    expect(isSrgbProfile(iccProfile({curve: srgbPara(3)})), 'para 3').to.equal(true);
    expect(isSrgbProfile(iccProfile({curve: srgbPara(4)})), 'para 4').to.equal(true);
    expect(isSrgbProfile(iccProfile({curve: srgbCurv(1024)})), 'curv 1024').to.equal(true);
  });

  it('should not take Display P3, Adobe RGB, a gamma 2.2 curve, lookup tables or a cut profile for sRGB', () => {
    expect(isSrgbProfile(iccProfile({primaries: PRIMARIES.displayP3})), 'Display P3').to.equal(false);
    expect(isSrgbProfile(iccProfile({primaries: PRIMARIES.adobeRgb, curve: gammaCurv(2.2)})), 'Adobe RGB').to.equal(false);
    expect(isSrgbProfile(iccProfile({curve: gammaCurv(2.2)})), 'sRGB primaries, gamma 2.2').to.equal(false);
    expect(isSrgbProfile(iccProfile({extra: {A2B0: [...'mft2'].map(c => c.charCodeAt(0)).concat(Array(48).fill(0))}})), 'A2B0').to.equal(false);
    expect(isSrgbProfile(iccProfile().subarray(0, 200)), 'cut').to.equal(false);
  });

  it("should find the sRGB profile this engine's encoder writes, if it writes one, and where it is", async () => {
    const made = await makeImage(32, 32);
    const bytes = new Uint8Array(await made.arrayBuffer());
    const tagged = new TextDecoder('latin1').decode(bytes).includes('ICC_PROFILE');
    const head = await readHeader(made);
    expect(!!head.srgbProfile, 'found').to.equal(tagged);
    if (head.srgbProfile) expect([...bytes.subarray(head.srgbProfile.start, head.srgbProfile.start + 2)]).to.deep.equal([0xff, 0xe2]);
  });

  it('should find only a whole sRGB profile in one segment', async () => {
    const plain = await photo();
    const profile = iccProfile({curve: srgbCurv()});
    const one = await withSegments(plain, [iccSegment(profile)]);
    expect((await readHeader(one)).srgbProfile).to.deep.equal({start: 2, end: 2 + iccSegment(profile).length});
    const half = profile.length >> 1;
    const split = await withSegments(plain, [iccSegment(profile.subarray(0, half), 1, 2), iccSegment(profile.subarray(half), 2, 2)]);
    expect((await readHeader(split)).srgbProfile, 'split in two').to.equal(undefined);
    expect((await readHeader(await photo(iccProfile({primaries: PRIMARIES.displayP3})))).srgbProfile, 'Display P3').to.equal(undefined);
  });

  it('should decode an sRGB-tagged photo to the colours the engine shows it in', async () => {
    for (const curve of [srgbPara(4), srgbCurv()]) {
      const tagged = await photo(iccProfile({curve}));
      expect(largestDifference(await kitDecode(tagged), await engineDecode(tagged))).to.be.at.most(1);
    }
  });

  it('should still turn an sRGB-tagged photo by its EXIF orientation', async () => {
    const plain = await photo();
    const tagged = await withSegments(plain, [exifSegment(6), iccSegment(iccProfile())]);
    const rotated = await withSegments(plain, [exifSegment(6)]);
    const head = await readHeader(tagged);
    expect(head.srgbProfile, 'found after the EXIF segment').to.not.equal(undefined);
    const source = await decode(tagged, head, {width: head.width, height: head.height});
    expect([source.width, source.height]).to.deep.equal([120, 160]);
    const data = pixelsOf(source.image, source.width, source.height);
    source.close();
    expect(largestDifference(data, await engineDecode(rotated)), 'as the untagged file shows').to.be.at.most(1);
  });

  it('should not take a Display P3 profile for sRGB: the segment stays in what is decoded', async () => {
    const p3 = await photo(iccProfile({primaries: PRIMARIES.displayP3}));
    expect((await readHeader(p3)).srgbProfile).to.equal(undefined);
  });

  // The colours are the engine's own, and (checked where the engine converts at all) not the
  // untagged photo's: a P3 red is redder than sRGB's. Debian's Chromium 156.0.8078.129 is not
  // consistent with itself here: in one fresh-clone run each of its decoders (createImageBitmap,
  // <img>, ImageDecoder) showed the P3 photo as untagged; in another, the kit's decode
  // (ImageDecoder) and createImageBitmap's differed by 72 levels. Chromium 150 converted, alike.
  const inconsistent = {chromium: "Debian's Chromium 156.0.8078.129 applies an embedded profile in some runs and not in others, and not alike in its decoders"};
  itExceptIn(inconsistent, 'should decode a Display P3 photo as the engine shows it, in other colours than the photo untagged', async () => {
    const p3 = await photo(iccProfile({primaries: PRIMARIES.displayP3}));
    expect(largestDifference(await kitDecode(p3), await engineDecode(p3)), 'as the engine shows it').to.be.at.most(1);
    expect(largestDifference(await kitDecode(p3), await engineDecode(await photo())), 'converted').to.be.greaterThan(8);
  });

  it('should leave out a segment right after SOI and decode the same pixels in this engine', async () => {
    const plain = await photo();
    const segment = iccSegment(iccProfile());
    const tagged = await withSegments(plain, [segment]);
    const cut = await withoutSegment(tagged, {start: 2, end: 2 + segment.length});
    expect(new Uint8Array(await cut.arrayBuffer())).to.deep.equal(new Uint8Array(await plain.arrayBuffer()));
    expect(largestDifference(await engineDecode(cut), await engineDecode(plain))).to.equal(0);
  });
});
