// One chooseImage at a time on the page, and nothing from a call that has ended reaches the next:
// the races and the mounts a hostile page can set up (issue 13).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {chooseImage, type ChooseImageError, type ChooseImageResult, type ChooseImageSheet} from '../src/index.js';
import {activationLapsed, animationsDone, asFile, chooseFiles, clickOn, failure, makeImage, nextFrame, openedSheet, part, partReady, parts, recorder, setViewportSize, sheetsGone} from './helpers/index.js';

/** A promise's state, read without waiting for it. */
function track<T>(promise: Promise<T>) {
  const state = {settled: false, value: undefined as T | undefined, error: undefined as unknown};
  promise.then(
    v => Object.assign(state, {settled: true, value: v}),
    e => Object.assign(state, {settled: true, error: e})
  );
  return state;
}

/** A JPEG of tiled noise: costly to decode at any scale. */
async function noisyJpeg(width: number, height: number) {
  const tile = new OffscreenCanvas(509, 509);
  const t = tile.getContext('2d')!;
  const noise = t.createImageData(509, 509);
  for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : Math.random() * 255;
  t.putImageData(noise, 0, 0);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = ctx.createPattern(tile, 'repeat')!;
  ctx.fillRect(0, 0, width, height);
  return canvas.convertToBlob({type: 'image/jpeg', quality: 0.95});
}

describe('one call at a time', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet, .test-container').forEach(el => el.remove()));

  it('should never resolve the next call with the images of a call cancelled while processing', async function () {
    this.timeout(60000);
    // Noisy and large enough that compressing it outlasts the cancel and the next call's pick:
    // even decoded to scale, every byte of a noise JPEG is read (and it is small enough to send
    // through every engine's driver).
    const big = asFile(await noisyJpeg(3000, 3000), 'big.jpg');
    const small = asFile(await makeImage(320, 240), 'small.jpg');
    const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet count="2" size-type="compressed" source-type="album"></choose-image-sheet>`);

    const first = track(el.show());
    await el.updateComplete;
    await chooseFiles(part(el, 'action-album')!, [big]);
    await partReady(el, 'gallery');
    await waitUntil(() => !part<HTMLButtonElement>(el, 'confirm')!.disabled, 'confirm not enabled');
    part(el, 'confirm')!.click(); // at once: its compression started at the pick and is running
    await sendKeys({press: 'Escape'});
    await waitUntil(() => first.settled, 'the first call did not settle on Escape');
    expect((first.error as ChooseImageError).error).to.equal(11);

    // Call 1's tap on 从相册选择 may still count as activation: call 2 would open the picker
    // by itself (a single album source does), and the tap below would land on the gallery.
    await activationLapsed();
    const startedAt = performance.now();
    const second = track(el.show());
    await el.updateComplete;
    await chooseFiles(part(el, 'action-album')!, [small]);
    await partReady(el, 'gallery');
    await waitUntil(() => parts(el, 'gallery-tile')[0]?.querySelector('canvas'), 'the small thumbnail did not show', {timeout: 10000});
    // Call 1's compression has ended by now: run the same work and wait for it. Whatever it
    // finished with must not reach call 2, which the user has not confirmed.
    const {processImage} = await import('../src/image/pipeline.js');
    await processImage(big, 'compressed', {maxSize: 1920, quality: 0.8});
    await new Promise(r => setTimeout(r, Math.max(500, performance.now() - startedAt)));
    expect(second.settled, 'call 2 settled without a confirm').to.equal(false);
    expect(el.open).to.equal(true);
    el.close();
    await waitUntil(() => second.settled);
    expect((second.error as ChooseImageError).error).to.equal(11);
  });

  it('should open one sheet on the page whichever door a call comes in by', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><choose-image-sheet></choose-image-sheet><choose-image-sheet></choose-image-sheet></div>`);
    const [a, b] = host.querySelectorAll('choose-image-sheet');
    const first = track(a.show());
    await a.updateComplete;
    const bFailed: string[] = [];
    b.addEventListener('fail', e => bFailed.push(String((e as CustomEvent<ChooseImageError>).detail.error)));
    const second = await failure(b.show());
    const third = await failure(chooseImage());
    expect([second.error, third.error]).to.deep.equal([3, 3]);
    expect(second.errorMessage).to.contain('another chooseImage is open');
    expect(bFailed).to.deep.equal(['3']);
    const openDialogs = [...document.querySelectorAll('choose-image-sheet')].filter(s => s.shadowRoot?.querySelector('dialog[open]'));
    expect(openDialogs.length).to.equal(1);
    expect(a.open && !b.open, 'the first stays open, the second closed').to.equal(true);
    expect(first.settled).to.equal(false);
    a.close();
    await waitUntil(() => first.settled);
    host.remove();
    // The page is free again for any door.
    const next = chooseImage();
    (await openedSheet()).close();
    expect((await failure(next)).error).to.equal(11);
  });
});

describe('where the sheet is mounted', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet, .test-container').forEach(el => el.remove()));

  it('should fail at once with 2 naming container when it is not in the document, and the next call works', async () => {
    const detached = document.createElement('div');
    const err = await failure(chooseImage({container: detached}));
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('container');
    expect(detached.childNodes.length).to.equal(0);
    const next = chooseImage();
    (await openedSheet()).close();
    expect((await failure(next)).error).to.equal(11);
  });

  it('should fail show() at once with 3 when the element is not in the document', async () => {
    const el = document.createElement('choose-image-sheet');
    const err = await failure(el.show());
    expect(err.error).to.equal(3);
    expect(err.errorMessage).to.contain('not in the document');
    expect(el.open).to.equal(false);
    const next = chooseImage();
    (await openedSheet()).close();
    expect((await failure(next)).error).to.equal(11);
  });

  it('should fail at once with 2 naming container when the container is hidden, leaving the page usable', async () => {
    const hidden = Object.assign(document.createElement('div'), {hidden: true, className: 'test-container'});
    document.body.append(hidden);
    const err = await failure(chooseImage({container: hidden}));
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('container');
    expect(document.querySelector('dialog[open], choose-image-sheet') === null, 'nothing mounted').to.equal(true);
  });

  it('should fail an element inside a display:none parent with 3, never an invisible modal', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div class="test-container" style="display: none"><choose-image-sheet></choose-image-sheet></div>`);
    const el = parent.querySelector('choose-image-sheet')!;
    const err = await failure(el.show());
    expect(err.error).to.equal(3);
    expect(err.errorMessage).to.contain('hidden');
    expect(part(el, 'sheet')!.matches(':modal')).to.equal(false);
  });

  it('should show the sheet in a container with visibility: hidden', async () => {
    const container = Object.assign(document.createElement('div'), {className: 'test-container'});
    container.style.visibility = 'hidden';
    document.body.append(container);
    const pending = failure(chooseImage({container}));
    const sheet = await openedSheet(container);
    const cancel = part(sheet, 'action-cancel')!;
    expect(cancel.checkVisibility({visibilityProperty: true})).to.equal(true);
    await clickOn(cancel);
    expect((await pending).error).to.equal(11);
  });

  it('should fail at once with 2 naming container when it is inert', async () => {
    const container = Object.assign(document.createElement('div'), {className: 'test-container', inert: true});
    document.body.append(container);
    const err = await failure(chooseImage({container}));
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('container');
  });

  it('should mount in an open shadow root and in an element made by a same-origin frame, and take its signal', async () => {
    const host = Object.assign(document.createElement('div'), {className: 'test-container'});
    document.body.append(host);
    const root = host.attachShadow({mode: 'open'});
    let pending = chooseImage({container: root});
    let sheet = await openedSheet(root);
    sheet.close();
    expect((await failure(pending)).error).to.equal(11);

    const frame = Object.assign(document.createElement('iframe'), {className: 'test-container'});
    document.body.append(frame);
    const realm = frame.contentWindow as typeof window;
    const made = realm.document.createElement('section'); // its prototype is the frame's
    made.className = 'test-container';
    document.body.append(made);
    const abort = new realm.AbortController();
    pending = chooseImage({container: made, signal: abort.signal});
    sheet = await openedSheet(made);
    abort.abort();
    expect((await failure(pending)).error).to.equal(11);
    await sheetsGone(made);

    // A frame's own document cannot take this page's styles: a clear code 2, not a broken sheet.
    const err = await failure(chooseImage({container: realm.document.body}));
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('container');
  });

  it('should name what it got when container or signal is the wrong kind of value', async () => {
    const text = document.createTextNode('x');
    document.body.append(text);
    const err = await failure(chooseImage({container: text as never}));
    text.remove();
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.not.contain('{}');
    expect(err.errorMessage).to.contain('Text');
    const bad = await failure(chooseImage({signal: new EventTarget() as never}));
    expect(bad.errorMessage).to.contain('EventTarget');
  });
});

// The modal the person sees is the modal the kit thinks is open (issue 22): a sheet hidden after
// it opened would leave an invisible modal over a page that ignores every tap.
describe('hidden after it opened', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet, .test-container').forEach(el => el.remove()));

  /** A page button outside the sheet that counts its clicks. */
  function pageButton() {
    const button = Object.assign(document.createElement('button'), {textContent: 'page', className: 'test-container'});
    button.style.cssText = 'position: fixed; left: 8px; bottom: 8px; width: 80px; height: 40px;';
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    document.body.append(button);
    return {button, clicks: () => clicks};
  }

  for (const [how, hide] of [
    ['display: none on its container', (container: HTMLElement) => (container.style.display = 'none')],
    ['hidden on an ancestor', (container: HTMLElement) => (container.parentElement!.hidden = true)],
    ["the page's own <dialog> around it closed", (container: HTMLElement) => container.closest('dialog')!.close()],
  ] as const) {
    it(`should fail with 3 saying why when ${how}, leaving the page usable`, async () => {
      const outer = Object.assign(document.createElement('dialog'), {className: 'test-container'});
      const container = document.createElement('div');
      outer.append(document.createElement('section'));
      outer.firstElementChild!.append(container);
      document.body.append(outer);
      outer.show(); // the page's own dialog, not modal: the sheet opens over it
      const page = pageButton();
      const rec = recorder();
      const pending = failure(chooseImage({container, ...rec}));
      const sheet = await openedSheet(container);
      await animationsDone(sheet);
      hide(container);
      await waitUntil(() => rec.calls.length === 2, 'the call stayed open behind a sheet no one can see', {timeout: 5000});
      const err = await pending;
      expect(err.error).to.equal(3);
      expect(err.errorMessage).to.contain('hidden');
      expect(rec.calls).to.deep.equal(['fail', 'complete']);
      expect(part(sheet, 'sheet')!.matches(':modal'), 'no modal left').to.equal(false);
      await clickOn(page.button);
      expect(page.clicks(), 'the page takes a tap again').to.equal(1);
    });
  }

  it('should stay open while its container only changes size', async () => {
    const container = Object.assign(document.createElement('div'), {className: 'test-container'});
    document.body.append(container);
    const pending = failure(chooseImage({container}));
    const sheet = await openedSheet(container);
    container.style.width = '200px';
    await setViewportSize(700, 500);
    await nextFrame();
    await nextFrame();
    expect(sheet.open).to.equal(true);
    sheet.close();
    expect((await pending).error).to.equal(11);
    await setViewportSize(800, 600);
  });
});
