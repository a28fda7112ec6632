import {expect} from '@open-wc/testing';
import {heifOrientation, readHeifLayout} from '../src/image/heic/heif-layout.js';
import {corruptHeic, heicFile, type HeicFixture} from './helpers/heic.js';

const bytes = async (name: HeicFixture) => new Uint8Array(await (await heicFile(name)).arrayBuffer());

describe('readHeifLayout', () => {
  it('should give the primary size as shown, its irot applied, and its thumbnail', async () => {
    expect(readHeifLayout(await bytes('rotated'))).to.deep.equal({
      primary: {id: 1, width: 1800, height: 2400},
      thumbnails: [{id: 2, width: 240, height: 320}],
    });
  });

  it('should leave a mirrored image its size', async () => {
    expect(readHeifLayout(await bytes('mirrored'))).to.deep.equal({primary: {id: 1, width: 400, height: 300}, thumbnails: []});
  });

  it('should give nothing for bytes with no meta box', async () => {
    expect(readHeifLayout(new Uint8Array(await corruptHeic().arrayBuffer()))).to.equal(undefined);
    expect(readHeifLayout(new Uint8Array(3))).to.equal(undefined);
  });

  it('should give the EXIF orientation that shows the primary image as its irot and imir do', async () => {
    expect(heifOrientation(await bytes('upright'))).to.equal(1);
    expect(heifOrientation(await bytes('rotated'))).to.equal(8); // a quarter turn anticlockwise
    expect(heifOrientation(await bytes('mirrored'))).to.equal(2); // left to right
    expect(heifOrientation(new Uint8Array(await corruptHeic().arrayBuffer()))).to.equal(1);
  });
});
