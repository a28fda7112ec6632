// The sheet as a phone holds it (issue 15): every target at least 44×44 px, nothing under the
// notch or the home indicator, no primary label wrapped on a 320 px phone, no focus ring after a
// tap but one for the keyboard, in every view: action sheet, live camera with shots, gallery at
// its cap, full-screen preview, count 1's review.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {chooseImage, type ChooseImageSheet} from '../src/index.js';
import {engine, itExceptIn} from './helpers/engine.js';
import {asFile, animationsDone, chooseFiles, clickAt, clickOn, makeImage, openedSheet, part, partReady, parts, setSafeArea, setViewportSize, videoPlaying} from './helpers/index.js';

type Insets = {top: number; right: number; bottom: number; left: number};
const NONE: Insets = {top: 0, right: 0, bottom: 0, left: 0};

/** The controls a person can touch in the sheet (and in the preview over it), visible now. */
function targets(sheet: ChooseImageSheet): HTMLElement[] {
  const root = sheet.shadowRoot!;
  const viewer = root.querySelector('choose-image-viewer')?.shadowRoot;
  return [...root.querySelectorAll<HTMLElement>('button, input[type="range"]'), ...(viewer?.querySelectorAll<HTMLElement>('button') ?? [])].filter(
    el => el.checkVisibility({visibilityProperty: true}) && !el.closest('.item .photo')
  );
}
const name = (el: HTMLElement) => el.getAttribute('part') ?? el.getAttribute('aria-label') ?? el.className;

/** Every target is at least 44×44 px and lies clear of the insets. */
function ergonomic(sheet: ChooseImageSheet, insets: Insets, view: string) {
  for (const el of targets(sheet)) {
    const r = el.getBoundingClientRect();
    const what = `${view}: ${name(el)}`;
    expect(Math.round(r.width), `${what} width`).to.be.at.least(44);
    expect(Math.round(r.height), `${what} height`).to.be.at.least(44);
    // The grid scrolls under the bars; what stays fixed on screen must clear the insets.
    if (el.closest('[part~="gallery"]')) continue;
    expect(Math.round(r.top), `${what} below the status bar`).to.be.at.least(insets.top);
    expect(Math.round(r.bottom), `${what} above the home indicator`).to.be.at.most(innerHeight - insets.bottom);
    expect(Math.round(r.left), `${what} clear of the left edge`).to.be.at.least(insets.left);
    expect(Math.round(r.right), `${what} clear of the right edge`).to.be.at.most(innerWidth - insets.right);
  }
}

/** Each primary label's text sits on one line: no piece of it starts below the first. */
function unwrapped(sheet: ChooseImageSheet, view: string) {
  for (const el of targets(sheet).filter(e => e.matches('.action, .toggle, .text'))) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const rects: DOMRect[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent!.trim()) continue;
      range.selectNodeContents(node);
      rects.push(...[...range.getClientRects()].filter(r => r.width > 0));
    }
    const first = rects[0];
    const below = rects.filter(r => r.top > first.top + first.height / 2);
    expect(below.length, `${view}: "${el.textContent!.trim()}" wraps`).to.equal(0);
  }
}

const photos = (n: number) => Promise.all([...Array(n)].map(async (_, i) => asFile(await makeImage(400, 300, 'image/jpeg', {seed: i + 1}), `p-${i + 1}.jpg`, 1_700_000_000_000 + i)));

/** Walks every view of a call and checks each with `check(view)`. */
async function everyView(check: (sheet: ChooseImageSheet, view: string) => void | Promise<void>) {
  // The action sheet, then the camera with two shots (count 3).
  let pending = chooseImage({count: 3, locale: 'en'}).catch(e => e);
  let sheet = await openedSheet();
  await animationsDone(sheet);
  await check(sheet, 'action sheet');
  await clickOn(part(sheet, 'action-camera')!);
  await videoPlaying(await partReady<HTMLVideoElement>(sheet, 'video'));
  for (let i = 0; i < 2; i++) {
    await waitUntil(() => !part<HTMLButtonElement>(sheet, 'shutter')!.disabled, 'shutter', {timeout: 5000});
    part(sheet, 'shutter')!.click();
    // The encode's thread waits for a core on a busy machine (seconds at load 17).
    await waitUntil(() => sheet.shadowRoot!.querySelectorAll('.strip li').length === i + 1, 'no shot', {timeout: 15000});
  }
  await animationsDone(sheet);
  await check(sheet, 'camera');
  sheet.close();
  await pending;

  // The gallery at its cap (count 3 of 5), then the preview over it.
  pending = chooseImage({count: 3, locale: 'en'}).catch(e => e);
  sheet = await openedSheet();
  await chooseFiles(part(sheet, 'action-album')!, await photos(5));
  await waitUntil(() => parts(sheet, 'gallery-tile').filter(t => t.querySelector('canvas')).length === 5, 'thumbnails', {timeout: 10000});
  await animationsDone(sheet);
  await check(sheet, 'gallery');
  part(sheet, 'preview')!.click();
  await waitUntil(() => sheet.shadowRoot!.querySelector('choose-image-viewer')?.shadowRoot?.querySelector('dialog[open]'), 'preview', {timeout: 5000});
  await animationsDone(sheet);
  await check(sheet, 'preview');
  sheet.close();
  await pending;

  // count 1 with both sizes: the pick under review.
  pending = chooseImage({locale: 'en'}).catch(e => e);
  sheet = await openedSheet();
  await chooseFiles(part(sheet, 'action-album')!, await photos(1));
  await partReady(sheet, 'retake');
  await animationsDone(sheet);
  await check(sheet, 'count 1 review');
  sheet.close();
  await pending;
}

describe('on a phone', () => {
  afterEach(async () => {
    document.querySelectorAll('choose-image-sheet').forEach(el => el.remove());
    if (engine === 'chromium') await setSafeArea(null);
  });
  after(() => setViewportSize(800, 600));

  // An iPhone's insets: upright, the status bar and the home indicator; sideways, the notch
  // and the rounded corners at the sides.
  for (const [width, height, insets] of [
    [390, 844, {top: 47, right: 0, bottom: 34, left: 0}],
    [844, 390, {top: 0, right: 47, bottom: 21, left: 47}],
  ] as const) {
    itExceptIn(
      {firefox: 'no driver can emulate safe-area insets', webkit: 'no driver can emulate safe-area insets (and its window is at least 447 px wide)'},
      `should keep every target ≥ 44 px and clear of an iPhone's insets at ${width}×${height}, in every view`,
      async function () {
        this.timeout(90000);
        await setViewportSize(width, height);
        await setSafeArea(insets);
        await everyView((sheet, view) => ergonomic(sheet, insets, view));
      }
    );
  }

  itExceptIn({webkit: "MiniBrowser's window is at least 447 px wide"}, 'should keep targets ≥ 44 px and every primary label on one line at 320×568, in every view', async function () {
    this.timeout(90000);
    await setViewportSize(320, 568);
    await everyView((sheet, view) => {
      ergonomic(sheet, NONE, view);
      unwrapped(sheet, view);
    });
  });

  it('should pass axe (no serious or critical finding) in every view', async function () {
    this.timeout(90000);
    await everyView(async sheet => {
      await expect(sheet).to.be.accessible();
    });
  });

  /** A gallery of three with the first circle tapped, for the focus-ring tests. */
  async function tappedGallery() {
    const pending = chooseImage({count: 2, locale: 'en'}).catch(e => e);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, await photos(3));
    await waitUntil(() => parts(sheet, 'gallery-item').length === 3, 'gallery', {timeout: 5000});
    await clickOn(parts(sheet, 'gallery-item')[0]);
    return {pending, sheet};
  }

  it('should show no focus ring after a tap', async () => {
    const {pending, sheet} = await tappedGallery();
    expect(sheet.shadowRoot!.querySelector(':focus-visible') === null, 'no ring anywhere after a tap').to.equal(true);
    sheet.close();
    await pending;
  });

  itExceptIn({webkit: 'keys sent by WebKitWebDriver do not count as keyboard use for :focus-visible'}, 'should show a focus ring for the keyboard', async () => {
    const {pending, sheet} = await tappedGallery();
    await sendKeys({press: 'Tab'});
    const keyed = sheet.shadowRoot!.activeElement as HTMLElement;
    expect(keyed.matches(':focus-visible'), 'the keyboard shows the ring').to.equal(true);
    expect(getComputedStyle(keyed).outlineStyle).to.equal('solid');
    sheet.close();
    await pending;
  });

  // Issue 22: nine photos chosen on a phone held sideways, and a tap on the sheet beside the
  // notch (its safe-area padding, part of the card) cancelled the call and lost them all.
  itExceptIn(
    {firefox: 'no driver can emulate safe-area insets', webkit: 'no driver can emulate safe-area insets (and its window is at least 447 px wide)'},
    "should keep nine chosen photos when a tap lands on the sheet's safe-area padding at 844×390",
    async function () {
      this.timeout(60000);
      await setViewportSize(844, 390);
      await setSafeArea({top: 0, right: 47, bottom: 21, left: 47});
      const pending = chooseImage({count: 9, sizeType: ['compressed'], locale: 'en'});
      const sheet = await openedSheet();
      await chooseFiles(part(sheet, 'action-album')!, await photos(9));
      await waitUntil(() => parts(sheet, 'gallery-item').filter(i => i.getAttribute('aria-pressed') === 'true').length === 9, 'nine chosen', {timeout: 10000});
      await animationsDone(sheet);
      const card = part(sheet, 'sheet')!.getBoundingClientRect();
      const y = Math.round(card.top + card.height / 2);
      await clickAt(Math.round(card.left + 20), y);
      await clickAt(Math.round(card.right - 20), y);
      expect(sheet.open, 'a tap on the padding beside the notch cancelled the call').to.equal(true);
      await clickOn(part(sheet, 'confirm')!);
      expect((await pending).tempFilePaths).to.have.length(9);
    }
  );

  it('should fit the gallery card to its tiles in a window, with no empty band above the footer', async () => {
    await setViewportSize(1280, 800);
    const pending = chooseImage({count: 3}).catch(e => e);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, await photos(3));
    await waitUntil(() => parts(sheet, 'gallery-tile').filter(t => t.querySelector('canvas')).length === 3, 'thumbnails', {timeout: 10000});
    await animationsDone(sheet);
    const grid = part(sheet, 'gallery')!;
    const lastTile = parts(sheet, 'gallery-tile').at(-1)!;
    expect(grid.getBoundingClientRect().bottom - lastTile.getBoundingClientRect().bottom, 'grid taller than its tiles').to.be.at.most(4);
    expect(part(sheet, 'message')!.getBoundingClientRect().height, 'an empty message takes no room').to.equal(0);
    expect(part(sheet, 'sheet')!.getBoundingClientRect().height).to.be.below(innerHeight * 0.6);
    sheet.close();
    await pending;
  });
});
