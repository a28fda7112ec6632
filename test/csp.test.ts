// The whole camera and album flow in a page served with a strict Content-Security-Policy
// (default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; …): no violation,
// and no request beyond the kit's own files.
import {expect, waitUntil} from '@open-wc/testing';
import type * as Kit from '../src/index.js';
import {heicFile} from './helpers/heic.js';
import {asFile, chooseFiles, clickOn, makeImage, videoPlaying} from './helpers/index.js';

interface CspWindow extends Window {
  kit: typeof Kit;
  processImage: typeof import('../src/image/pipeline.js').processImage;
  violations: string[];
  requests: () => Array<{url: string; initiator: string}>;
  ready?: boolean;
}

describe('strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement;
  let win: CspWindow;
  const inFrame = (selector: string) => {
    const sheet = win.document.querySelector('choose-image-sheet');
    return sheet?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  };

  async function load(src: string) {
    const f = document.createElement('iframe');
    f.allow = 'camera';
    Object.assign(f.style, {position: 'fixed', inset: '0', width: '100vw', height: '100vh', border: '0'});
    f.src = src;
    document.body.append(f);
    await waitUntil(() => (f.contentWindow as CspWindow | null)?.ready, `${src} did not load`, {timeout: 5000});
    return f;
  }

  before(async () => {
    frame = await load('/test/csp/page.html');
    win = frame.contentWindow as CspWindow;
  });

  after(() => frame.remove());

  it('should serve the page with the strict policy', async () => {
    const response = await fetch('/test/csp/page.html');
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    // The policy is in force: an inline style attribute is refused.
    const probe = win.document.createElement('div');
    probe.setAttribute('style', 'color: red');
    win.document.body.append(probe);
    await waitUntil(() => win.violations.length > 0, 'the policy is not enforced');
    probe.remove();
    win.violations.length = 0;
  });

  it('should take a photo with the live camera, compressed, with no violation', async () => {
    const pending = win.kit.chooseImage({sourceType: ['camera'], sizeType: ['compressed']});
    await waitUntil(() => inFrame('[part~="video"]'), 'no camera view');
    await videoPlaying(inFrame('[part~="video"]') as HTMLVideoElement);
    await clickOn(inFrame('[part~="shutter"]')!);
    await waitUntil(() => inFrame('[part~="confirm"]'), 'no review');
    await clickOn(inFrame('[part~="confirm"]')!);
    const result = await pending;
    expect(result.tempFiles[0].width).to.equal(1920);
    expect(win.violations).to.deep.equal([]);
  });

  it('should choose from the album through the file chooser with no violation', async () => {
    const files = await Promise.all([1, 2].map(async i => asFile(await makeImage(2400, 1600, 'image/jpeg', {seed: i}), `csp-${i}.jpg`)));
    const pending = win.kit.chooseImage({count: 2, sourceType: ['camera', 'album']});
    await waitUntil(() => inFrame('[part~="action-album"]'), 'no action sheet');
    await chooseFiles(inFrame('[part~="action-album"]')!, files);
    await waitUntil(() => inFrame('[part~="gallery-tile"] canvas'), 'no thumbnails', {timeout: 5000});
    await clickOn(inFrame('[part~="confirm"]')!);
    const result = await pending;
    expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([
      [1920, 1280],
      [1920, 1280],
    ]);
    win.kit.revokeTempFiles();
    expect(win.violations).to.deep.equal([]);
  });

  it('should make no request beyond its own scripts', () => {
    const requests = win.requests();
    const foreign = requests.filter(r => new URL(r.url).origin !== location.origin || !['script', 'other', 'link'].includes(r.initiator));
    expect(foreign, JSON.stringify(foreign)).to.deep.equal([]);
    const urls = requests.map(r => new URL(r.url).pathname);
    expect(urls.every(u => /^\/(src|node_modules|test\/csp|__web-dev-server)/.test(u)), urls.join('\n')).to.equal(true);
    expect(urls).to.include('/src/image/image-worker.js'); // the worker ran, not the fallback
  });

  it('should compress and decode HEIC in its built-in worker where its files are missing, with no violation', async () => {
    const builtIn = await load('/test/csp/page.html?built-in');
    const w = builtIn.contentWindow as CspWindow;
    const [jpeg, heic] = await Promise.all([
      w.processImage(await makeImage(3000, 2000, 'image/jpeg'), 'compressed', {maxSize: 1920, quality: 0.8}),
      w.processImage(await heicFile('rotated'), 'compressed', {maxSize: 1920, quality: 0.8}),
    ]);
    expect([jpeg.width, jpeg.height, heic.width, heic.height]).to.deep.equal([1920, 1280, 1440, 1920]);
    expect(w.violations).to.deep.equal([]);
    const paths = w.requests().map(r => new URL(r.url).pathname);
    // The worker and libheif.wasm as modules, imported by the page; the jobs' chunk never was.
    for (const module of ['/src/image/image-worker-source.js', '/src/image/libheif-wasm.js', '/src/image/libheif-wasm-1.js']) expect(paths, paths.join(' ')).to.include(module);
    expect(paths.filter(p => /\/jobs\.(ts|js)$/.test(p)), 'the main-thread fallback').to.deep.equal([]);
    builtIn.remove();
  });

  it('should compress on the main thread when the page forbids workers', async () => {
    const noWorker = await load('/test/csp/page.html?no-worker');
    const w = noWorker.contentWindow as CspWindow;
    const photo = await makeImage(3000, 2000, 'image/jpeg', {quality: 0.95});
    const out = await w.processImage(photo, 'compressed', {maxSize: 1920, quality: 0.8});
    expect([out.width, out.height]).to.deep.equal([1920, 1280]);
    expect(w.violations.some(v => v.startsWith('worker-src'))).to.equal(true); // the worker really was refused
    noWorker.remove();
  });
});
