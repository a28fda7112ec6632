import {expect} from '@open-wc/testing';
import {chooseImage, ChooseImageError, my} from '../src/index.js';
import {openedSheet, part, recorder} from './helpers/index.js';

const fn = () => {};

// [what is wrong, the options, the option the message must name]
const bad: Array<[string, unknown, string]> = [
  ['count 0', {count: 0}, 'count'],
  ['count -1', {count: -1}, 'count'],
  ['count 1.5', {count: 1.5}, 'count'],
  ['count NaN', {count: NaN}, 'count'],
  ['count Infinity', {count: Infinity}, 'count'],
  ['count as a string', {count: '2'}, 'count'],
  ['count null', {count: null}, 'count'],
  ['count an object', {count: {}}, 'count'],
  ['sizeType as a string', {sizeType: 'original'}, 'sizeType'],
  ['sizeType empty', {sizeType: []}, 'sizeType'],
  ['sizeType unknown value', {sizeType: ['huge']}, 'sizeType'],
  ['sizeType numbers', {sizeType: [1]}, 'sizeType'],
  ['sourceType empty', {sourceType: []}, 'sourceType'],
  ['sourceType video', {sourceType: ['video']}, 'sourceType'],
  ['sourceType as a string', {sourceType: 'camera'}, 'sourceType'],
  ['sourceType mixed', {sourceType: ['camera', 'photo']}, 'sourceType'],
  ['success a string', {success: 'yes'}, 'success'],
  ['fail a number', {fail: 1}, 'fail'],
  ['complete an object', {complete: {}}, 'complete'],
  ['options a string', 'count=2', 'options'],
  ['options a number', 3, 'options'],
  ['options null', null, 'options'],
  ['options an array', [], 'options'],
  ['camera sideways', {camera: 'side'}, 'camera'],
  ['camera null', {camera: null}, 'camera'],
  ['container a selector', {container: '#app'}, 'container'],
  ['signal not an AbortSignal', {signal: {aborted: false}}, 'signal'],
  ['locale empty', {locale: ''}, 'locale'],
  ['compress quality 2', {compress: {quality: 2}}, 'compress.quality'],
  ['compress maxSize 0', {compress: {maxSize: 0}}, 'compress.maxSize'],
  ['extension a string', {extension: 'jpg'}, 'extension'],
  ['extension empty', {extension: []}, 'extension'],
  ['extension an empty name', {extension: ['png', '']}, 'extension'],
  ['extension a MIME type', {extension: ['image/png']}, 'extension'],
  ['extension a wildcard', {extension: ['*']}, 'extension'],
  ['extension numbers', {extension: [1]}, 'extension'],
  ['extension null', {extension: null}, 'extension'],
];

describe('chooseImage options', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet').forEach(el => el.remove()));

  for (const [what, options, name] of bad) {
    it(`should fail with code 2 naming ${name} for ${what}, mounting nothing`, async () => {
      const rec = recorder();
      const withCallbacks =
        options && typeof options === 'object' && !Array.isArray(options)
          ? {success: rec.success, fail: rec.fail, complete: rec.complete, ...options}
          : options;
      const before = document.body.children.length;
      let error: unknown;
      try {
        await chooseImage(withCallbacks as never);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ChooseImageError);
      const err = error as ChooseImageError;
      expect(err.error).to.equal(2);
      expect(err.errorMessage).to.contain('接口参数无效');
      expect(err.errorMessage).to.contain(name);
      expect(document.querySelector('choose-image-sheet') === null, 'should be absent').to.equal(true);
      expect(document.body.children.length).to.equal(before);
      // The callbacks that are functions are still called, once each, fail then complete.
      const expected = ['success', 'fail', 'complete'].filter(
        c => typeof (withCallbacks as Record<string, unknown> | null)?.[c] === 'function' && c !== 'success'
      );
      expect(rec.calls).to.deep.equal(withCallbacks === options ? [] : expected);
    });
  }

  it('should ignore unknown extra keys', async () => {
    const pending = my.chooseImage({count: 2, extra: 'ignored', sourceType: ['camera', 'album']} as never);
    const sheet = await openedSheet();
    part(sheet, 'action-cancel')!.click();
    const err = await pending.catch(e => e);
    expect(err.error).to.equal(11);
  });

  it('should default to count 1, both size types and both sources', async () => {
    const pending = chooseImage();
    const sheet = await openedSheet();
    expect(sheet.count).to.equal(1);
    expect(sheet.sizeType).to.deep.equal(['original', 'compressed']);
    expect(sheet.sourceType).to.deep.equal(['camera', 'album']);
    expect(part(sheet, 'action-camera')).to.exist;
    expect(part(sheet, 'action-album')).to.exist;
    sheet.close();
    await pending.catch(() => {});
  });
});
