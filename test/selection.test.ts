import {expect} from '@open-wc/testing';
import {Selection} from '../src/internal/selection.js';

describe('Selection', () => {
  it('should keep choice order, cap it, and renumber on removal', () => {
    const s = new Selection<string>(2);
    expect(s.add('a')).to.equal(true);
    expect(s.add('b')).to.equal(true);
    expect(s.full).to.equal(true);
    expect(s.add('c')).to.equal(false);
    expect(s.items).to.deep.equal(['a', 'b']);
    expect(s.toggle('a')).to.equal(true);
    expect(s.position('b')).to.equal(1);
    expect(s.position('a')).to.equal(0);
    expect(s.toggle('c')).to.equal(true);
    expect(s.items).to.deep.equal(['b', 'c']);
    expect(s.toggle('a')).to.equal(false);
  });
});
