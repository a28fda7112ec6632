// setAssetPath(): where the kit loads its worker and libheif from when an app hosts them itself
// (a CDN). The cross-origin case, a worker started from a blob: that imports it, runs in the
// consumers suite (test/consumers/, the esbuild app's CDN page); the files missing altogether,
// in csp.test.ts (the built-in worker).
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {setAssetPath, type ChooseImageError} from '../src/index.js';
import {kitFiles} from '../src/image/kit-files.js';
import {run, useMainThread} from '../src/image/worker-client.js';
import {heicFile} from './helpers/heic.js';
import {engine} from './helpers/engine.js';
import {makeImage} from './helpers/index.js';

/** The paths the test server is asked for from now on (the worker's requests included). */
async function watchRequests() {
  const mark = (await executeServerCommand('request-mark')) as number;
  return async () => (await executeServerCommand('requests-since', {mark})) as string[];
}

describe('setAssetPath', function () {
  this.timeout(40000); // a HEIC decode in WebAssembly on a busy machine
  const home = kitFiles();
  // Every request reaches the server (see heic.test.ts); WebKit's driver cannot turn caches off.
  before(() => engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: false}));
  after(() => {
    setAssetPath(new URL('.', home.worker));
    useMainThread(false);
    return engine !== 'webkit' && executeServerCommand('browser-cache', {enabled: true});
  });

  it('should fail with code 2 naming assetPath for what is not a URL, and change nothing', () => {
    for (const bad of [42, null, undefined, {}, 'http://[::1', ['a']]) {
      let error: ChooseImageError | undefined;
      try {
        setAssetPath(bad as never);
      } catch (e) {
        error = e as ChooseImageError;
      }
      expect([error?.error, error?.errorMessage.includes('assetPath')], String(bad)).to.deep.equal([2, true]);
    }
    expect(kitFiles()).to.deep.equal(home);
  });

  it('should name the three files in the folder given, relative to the page', () => {
    setAssetPath('/dist');
    expect(kitFiles()).to.deep.equal({
      worker: `${location.origin}/dist/image-worker.js`,
      heicGlue: `${location.origin}/dist/libheif.js`,
      heicWasm: `${location.origin}/dist/libheif.wasm`,
    });
    setAssetPath(new URL('https://cdn.example.com/choose-image-sheet@0.1.0/dist/'));
    expect(kitFiles().worker).to.equal('https://cdn.example.com/choose-image-sheet@0.1.0/dist/image-worker.js');
  });

  it('should start the worker and decode HEIC from the folder given', async () => {
    useMainThread(false); // no worker left from before: the next job starts one
    setAssetPath('/dist/');
    const requests = await watchRequests();
    const photo = await makeImage(3000, 2000, 'image/jpeg');
    const heic = await heicFile('rotated');
    const [jpeg, decoded] = await Promise.all([
      run({kind: 'compress', blob: photo, target: {maxSize: 1920, quality: 0.8}}),
      run({kind: 'compress', blob: heic, target: {maxSize: 1920, quality: 0.8}}),
    ]);
    expect([jpeg.width, jpeg.height, decoded.width, decoded.height]).to.deep.equal([1920, 1280, 1440, 1920]);
    if (engine === 'webkit') return; // what was fetched cannot be seen there (see heic.test.ts)
    const paths = await requests();
    // Firefox's HTTP cache may answer the worker's fetch() of the .wasm (see heic.test.ts).
    const expected = ['/dist/image-worker.js', '/dist/libheif.js', ...(engine === 'firefox' ? [] : ['/dist/libheif.wasm'])];
    for (const file of expected) expect(paths, paths.join(' ')).to.include(file);
    expect(paths.filter(p => p.startsWith('/src/image/')), 'nothing from beside the source').to.deep.equal([]);
  });
});
