// my.previewImage and my.showToast: the reference sample's companions, loaded on first use.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys, sendMouse} from '@web/test-runner-commands';
import {my, type ChooseImageError} from '../src/index.js';
import type {ChooseImageViewer} from '../src/preview/index.js';
import {animationsDone, clickOn, makeImage, recorder} from './helpers/index.js';

const viewer = () => document.querySelector<ChooseImageViewer>('choose-image-viewer');
const vpart = (name: string) => viewer()?.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const indicator = () => vpart('indicator')!.textContent!.replace(/\s+/g, ' ').trim();

async function urls(n: number) {
  return Promise.all([...Array(n)].map(async (_, i) => URL.createObjectURL(await makeImage(400, 300, 'image/jpeg', {seed: i + 1}))));
}

async function open(list: string[], current = 0) {
  await my.previewImage({urls: list, current});
  await waitUntil(() => viewer()?.shadowRoot?.querySelector('dialog[open]'), 'the viewer did not open');
  await animationsDone(viewer()!);
}

/** A real mouse drag across the viewer: a swipe. */
async function swipe(dx: number) {
  const x = innerWidth / 2;
  const y = innerHeight / 2;
  await sendMouse({type: 'move', position: [x, y]});
  await sendMouse({type: 'down'});
  for (let i = 1; i <= 5; i++) await sendMouse({type: 'move', position: [Math.round(x + (dx * i) / 5), y]});
  await sendMouse({type: 'up'});
}

describe('my.previewImage', () => {
  afterEach(async () => {
    viewer()?.close();
    await waitUntil(() => !viewer(), 'the viewer stayed'); // its close event comes a task later
  });

  it('should show the second of two images for the reference sample\'s current: 2', async () => {
    const list = await urls(2);
    const rec = recorder();
    await my.previewImage({current: 2, urls: list, ...rec});
    await waitUntil(() => viewer());
    expect(indicator()).to.equal('2 / 2');
    expect((vpart('image') as HTMLImageElement).src).to.equal(list[1]);
    expect(rec.calls).to.deep.equal(['success', 'complete']);
  });

  it('should fail with code 2 for missing, empty or non-string urls', async () => {
    for (const bad of [undefined, [], [1], [''], 'a.jpg']) {
      const rec = recorder();
      const err = (await my.previewImage({urls: bad as never, ...rec}).catch(e => e)) as ChooseImageError;
      expect(err.error).to.equal(2);
      expect(err.errorMessage).to.contain('urls');
      expect(rec.calls).to.deep.equal(['fail', 'complete']);
    }
    expect(viewer() === null, 'should be absent').to.equal(true);
  });

  it('should page with arrow keys and swipes, loading only the shown image and its neighbours', async () => {
    const list = await urls(5);
    await open(list);
    const loaded = () => [...viewer()!.shadowRoot!.querySelectorAll('img')].map(i => list.indexOf(i.src));
    expect(indicator()).to.equal('1 / 5');
    expect(loaded()).to.deep.equal([0, 1]);
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'ArrowRight'});
    expect(indicator()).to.equal('3 / 5');
    expect(loaded()).to.deep.equal([1, 2, 3]);
    await swipe(-200);
    expect(indicator()).to.equal('4 / 5');
    await swipe(200);
    expect(indicator()).to.equal('3 / 5');
    await sendKeys({press: 'ArrowLeft'});
    expect(indicator()).to.equal('2 / 5');
    expect(vpart('indicator')!.getAttribute('aria-live')).to.equal('polite');
    await expect(viewer()!).to.be.accessible();
  });

  it('should zoom by double tap, wheel and keys, and back', async () => {
    await open(await urls(1));
    const scale = () => new DOMMatrix(getComputedStyle(vpart('image')!).transform).a;
    const img = vpart('image')!;
    const r = img.getBoundingClientRect();
    const at: [number, number] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
    await sendMouse({type: 'click', position: at});
    await sendMouse({type: 'click', position: at});
    await waitUntil(() => scale() === 2, 'double tap did not zoom');
    await new Promise(r => setTimeout(r, 400));
    expect(viewer()).to.exist; // the double tap did not also close it
    await sendKeys({press: '-'});
    await sendKeys({press: '-'});
    await waitUntil(() => scale() === 1, 'the - key did not zoom out');
    img.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, bubbles: true, cancelable: true, composed: true}));
    await waitUntil(() => scale() > 1.5, 'the wheel did not zoom in');
  });

  for (const [how, act] of [
    ['the close button', () => clickOn(vpart('close')!)],
    ['Escape', () => sendKeys({press: 'Escape'})],
    ['a tap', () => sendMouse({type: 'click', position: [20, Math.round(innerHeight / 2)]})],
  ] as const) {
    it(`should close with ${how} and give focus back`, async () => {
      const button = document.createElement('button');
      button.textContent = 'preview';
      document.body.append(button);
      button.focus();
      await open(await urls(2));
      await act();
      await waitUntil(() => !viewer(), 'the viewer did not close');
      expect(document.activeElement === button, 'focus went back to the button').to.equal(true);
      button.remove();
    });
  }
});

describe('my.showToast', () => {
  it('should announce the content politely and go after duration', async () => {
    const rec = recorder();
    await my.showToast({type: 'fail', content: '错误码：11', duration: 300, ...rec});
    const toast = document.querySelector('choose-image-toast')!;
    const box = toast.shadowRoot!.querySelector('[part="toast"]')!;
    expect(box.getAttribute('role')).to.equal('status');
    expect(box.textContent).to.contain('错误码：11');
    expect(rec.calls).to.deep.equal(['success', 'complete']);
    await new Promise(r => setTimeout(r, 150));
    expect(toast.isConnected).to.equal(true);
    await waitUntil(() => !toast.isConnected, 'the toast stayed', {timeout: 1000});
  });

  it('should replace a toast, hide on hideToast, and refuse a bad type with code 2', async () => {
    await my.showToast({content: 'one', duration: 5000});
    await my.showToast({content: 'two', duration: 5000});
    expect(document.querySelectorAll('choose-image-toast')).to.have.length(1);
    await my.hideToast();
    expect(document.querySelector('choose-image-toast') === null, 'should be absent').to.equal(true);
    const err = (await my.showToast({type: 'loud' as never}).catch(e => e)) as ChooseImageError;
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('type');
  });
});
