// The WebAssembly HEIC decoder on its own, in the page (the pipeline runs it in its worker).
import {expect} from '@open-wc/testing';
import {decodeHeic} from '../src/image/heic/decode-heic.js';
import {kitFiles} from '../src/image/kit-files.js';
import {corners, corruptHeic, heicFile} from './helpers/heic.js';

describe('decodeHeic', () => {
  it('should decode a rotated HEIC upright, at full size', async () => {
    const out = await decodeHeic(await heicFile('rotated'), kitFiles());
    expect([out.width, out.height, out.fromThumbnail]).to.deep.equal([1800, 2400, false]);
    // Stored red top-left, green top-right; turned 90° anticlockwise.
    expect(await corners(out.image)).to.deep.equal({topLeft: 'green', topRight: 'other', bottomLeft: 'red', bottomRight: 'other'});
    out.close();
  });

  it('should apply a mirror (imir)', async () => {
    const out = await decodeHeic(await heicFile('mirrored'), kitFiles());
    expect([out.width, out.height]).to.deep.equal([400, 300]);
    expect(await corners(out.image)).to.deep.equal({topLeft: 'green', topRight: 'red', bottomLeft: 'other', bottomRight: 'other'});
    out.close();
  });

  it('should decode the stored thumbnail, upright, when it covers the size asked for', async () => {
    const out = await decodeHeic(await heicFile('rotated'), kitFiles(), {width: 150, height: 150});
    expect(out.fromThumbnail).to.equal(true);
    expect([out.width, out.height]).to.deep.equal([150, 200]); // 240×320 scaled to cover 150×150
    expect(await corners(out.image)).to.deep.equal({topLeft: 'green', topRight: 'other', bottomLeft: 'red', bottomRight: 'other'});
    out.close();
  });

  it('should take a stored thumbnail of at least half the size asked for as it is', async () => {
    const out = await decodeHeic(await heicFile('rotated'), kitFiles(), {width: 400, height: 400});
    expect([out.width, out.height, out.fromThumbnail]).to.deep.equal([240, 320, true]);
    out.close();
  });

  it('should decode the full image, scaled, when the thumbnail is too small', async () => {
    const out = await decodeHeic(await heicFile('rotated'), kitFiles(), {width: 600, height: 600});
    expect([out.width, out.height, out.fromThumbnail]).to.deep.equal([600, 800, false]);
    out.close();
  });

  it('should reject bytes that only start like a HEIC with an EncodingError', async () => {
    const error = await decodeHeic(corruptHeic(), kitFiles()).then(
      () => undefined,
      e => e as DOMException
    );
    expect(error?.name).to.equal('EncodingError');
  });
});
