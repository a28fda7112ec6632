// What every companion shares with chooseImage (src/internal/callbacks.ts, optionsOf()): a bad
// option fails at once with code 2 naming it, the callbacks that are functions still run, in
// order, once; a callback that throws breaks nothing; with fail or complete given, a failure is
// never an unhandled rejection. Through `my` (the chunk loaded on first use) and by name.
import {expect, waitUntil} from '@open-wc/testing';
import {my, type ChooseImageError} from '../../src/index.js';
import * as companions from '../../src/companions/index.js';
import {recorder} from '../helpers/index.js';

type Api = 'previewImage' | 'showToast' | 'getImageInfo' | 'compressImage' | 'uploadFile';

// [api, what is wrong, the options, the option the message must name]
const bad: Array<[Api, string, unknown, string]> = [
  ['previewImage', 'no options', undefined, 'options'],
  ['previewImage', 'options a string', 'a.jpg', 'options'],
  ['previewImage', 'urls missing', {}, 'urls'],
  ['previewImage', 'urls empty', {urls: []}, 'urls'],
  ['previewImage', 'current -1', {urls: ['a.jpg'], current: -1}, 'current'],
  ['previewImage', 'success a string', {urls: ['a.jpg'], success: 'yes'}, 'success'],
  ['showToast', 'options null', null, 'options'],
  ['showToast', 'type unknown', {type: 'loud'}, 'type'],
  ['showToast', 'content a number', {content: 1}, 'content'],
  ['showToast', 'duration negative', {duration: -1}, 'duration'],
  ['showToast', 'fail a number', {fail: 1}, 'fail'],
  ['getImageInfo', 'no options', undefined, 'options'],
  ['getImageInfo', 'src missing', {}, 'src'],
  ['getImageInfo', 'src empty', {src: ''}, 'src'],
  ['getImageInfo', 'src a File', {src: new File([], 'a.jpg')}, 'src'],
  ['getImageInfo', 'complete a string', {src: 'a.jpg', complete: 'x'}, 'complete'],
  ['compressImage', 'no paths', {}, 'apFilePaths'],
  ['compressImage', 'apFilePaths a string', {apFilePaths: 'blob:x'}, 'apFilePaths'],
  ['compressImage', 'apFilePaths empty', {apFilePaths: []}, 'apFilePaths'],
  ['compressImage', 'filePaths with an empty path', {filePaths: ['a.jpg', '']}, 'filePaths'],
  ['compressImage', 'compressLevel 5', {apFilePaths: ['a.jpg'], compressLevel: 5}, 'compressLevel'],
  ['compressImage', 'compressLevel 1.5', {apFilePaths: ['a.jpg'], compressLevel: 1.5}, 'compressLevel'],
  ['compressImage', "compressLevel '2'", {apFilePaths: ['a.jpg'], compressLevel: '2'}, 'compressLevel'],
  ['uploadFile', 'no options', undefined, 'options'],
  ['uploadFile', 'url missing', {filePath: 'a.jpg', fileName: 'file'}, 'url'],
  ['uploadFile', 'url not a URL', {url: 'http://', filePath: 'a.jpg', fileName: 'file'}, 'url'],
  ['uploadFile', 'filePath missing', {url: '/up', fileName: 'file'}, 'filePath'],
  ['uploadFile', 'fileName missing', {url: '/up', filePath: 'a.jpg'}, 'fileName'],
  ['uploadFile', 'fileType document', {url: '/up', filePath: 'a.jpg', fileName: 'f', fileType: 'document'}, 'fileType'],
  ['uploadFile', 'header a string', {url: '/up', filePath: 'a.jpg', fileName: 'f', header: 'X-A: 1'}, 'header'],
  ['uploadFile', 'header with a space in a name', {url: '/up', filePath: 'a.jpg', fileName: 'f', header: {'X A': '1'}}, 'header'],
  ['uploadFile', 'formData with an object value', {url: '/up', filePath: 'a.jpg', fileName: 'f', formData: {a: {}}}, 'formData'],
  ['uploadFile', 'timeout 0', {url: '/up', filePath: 'a.jpg', fileName: 'f', timeout: 0}, 'timeout'],
  ['uploadFile', "hideLoading 'yes'", {url: '/up', filePath: 'a.jpg', fileName: 'f', hideLoading: 'yes'}, 'hideLoading'],
];

const withCallbacks = (options: unknown, rec: ReturnType<typeof recorder>) =>
  options && typeof options === 'object' ? {success: rec.success, fail: rec.fail, complete: rec.complete, ...options} : options;

describe('companion calls', () => {
  for (const [api, what, options, name] of bad) {
    for (const [door, fn] of [
      ['my', (o: unknown) => (my[api] as (o: unknown) => Promise<unknown>)(o)],
      ['by name', (o: unknown) => (companions[api] as (o: unknown) => Promise<unknown>)(o)],
    ] as const) {
      it(`should fail ${door}.${api} with code 2 naming ${name} for ${what}`, async () => {
        const rec = recorder();
        const err = (await fn(withCallbacks(options, rec)).then(
          () => null,
          e => e
        )) as ChooseImageError;
        expect(err?.error).to.equal(2);
        expect(err.errorMessage).to.contain(name);
        expect(JSON.stringify(err)).to.equal(JSON.stringify({error: 2, errorMessage: err.errorMessage}));
        // The callbacks that are functions ran, once each, in order; a bad one was not called.
        const functions = ['success', 'fail', 'complete'].filter(k => typeof (withCallbacks(options, rec) as Record<string, unknown>)?.[k] === 'function' && (options as Record<string, unknown>)?.[k] === undefined);
        expect(rec.calls).to.deep.equal(functions.filter(k => k !== 'success'));
      });
    }
  }

  it('should never report an unhandled rejection when fail or complete is given', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    let settled = 0;
    void my.previewImage({urls: [], fail: () => settled++});
    void my.showToast({type: 'loud' as never, complete: () => settled++});
    void companions.previewImage({urls: [], complete: () => settled++});
    await waitUntil(() => settled === 3, 'the calls did not settle', {timeout: 5000});
    await new Promise(r => setTimeout(r, 50));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('should report a callback that throws and still settle the call and the next', async () => {
    const reported: unknown[] = [];
    // reportError() reaches window.onerror, where mocha would count it against this test.
    const mochaOnError = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      reported.push(error);
      return true;
    };
    const calls: string[] = [];
    await my.showToast({
      content: 'x',
      duration: 10,
      success: () => {
        calls.push('success');
        throw new Error('page bug');
      },
      complete: () => calls.push('complete'),
    });
    window.onerror = mochaOnError;
    expect(calls).to.deep.equal(['success', 'complete']);
    expect(String(reported)).to.contain('page bug');
    await my.hideToast();
  });
});
