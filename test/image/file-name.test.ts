// The names of the images the kit makes follow the order of the result, whatever order they
// were made in; the user's own files keep theirs.
import {expect} from '@open-wc/testing';
import {madeFile, named} from '../../src/image/file-name.js';

describe('image file names', () => {
  it('should number made files in the order the result lists them, and leave picked files alone', () => {
    const madeLast = () => madeFile(new Blob(['b'], {type: 'image/jpeg'}));
    const first = madeFile(new Blob(['a'], {type: 'image/png'}));
    const picked = new File(['c'], 'IMG_0042.HEIC', {type: 'image/heic'});
    const second = madeLast();
    // The result lists the one made last first.
    const [a, b, c] = named([second, picked, first], new Date(2026, 10, 24, 10, 15, 30));
    const number = (f: File) => Number(/^IMG_20261124_101530_(\d+)\.(jpg|png)$/.exec(f.name)?.[1]);
    expect([a.name.endsWith('.jpg'), c.name.endsWith('.png')]).to.deep.equal([true, true]);
    expect(number(c)).to.equal(number(a) + 1);
    expect(b === picked, 'a picked file keeps its name and identity').to.equal(true);
    expect([a.type, c.type]).to.deep.equal(['image/jpeg', 'image/png']);
  });
});
