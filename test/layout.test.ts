// The sheet fits a 320 px phone and a desktop window, and every view passes axe in both locales.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, type ChooseImageSheet} from '../src/index.js';
import {itExceptIn} from './helpers/engine.js';
import {animationsDone, asFile, chooseFiles, makeImage, openedSheet, part, partReady, parts, setViewportSize, videoPlaying} from './helpers/index.js';

/** Every visible control lies inside the viewport, and nothing scrolls sideways. */
function fits(sheet: ChooseImageSheet) {
  const dialog = part(sheet, 'sheet')!;
  expect(dialog.scrollWidth, 'sideways overflow').to.be.at.most(dialog.clientWidth + 1);
  for (const el of sheet.shadowRoot!.querySelectorAll<HTMLElement>('button')) {
    if (!el.checkVisibility() || el.closest('[part~="gallery"]')) continue;
    const r = el.getBoundingClientRect();
    expect(r.left, el.getAttribute('part') ?? el.className).to.be.at.least(-1);
    expect(r.right, el.getAttribute('part') ?? el.className).to.be.at.most(innerWidth + 1);
    expect(r.bottom, el.getAttribute('part') ?? el.className).to.be.at.most(innerHeight + 1);
  }
}

describe('layout and accessibility of every view', () => {
  after(() => setViewportSize(800, 600));

  for (const [width, height] of [
    [320, 568],
    [1280, 800],
  ]) {
    for (const locale of ['zh-CN', 'en']) {
      const narrow = width < 447 ? {webkit: "MiniBrowser's window is at least 447 px wide"} : {};
      itExceptIn(narrow, `should fit ${width}×${height} and pass axe in ${locale}: actions, camera, gallery`, async () => {
        expect(await setViewportSize(width, height)).to.deep.equal({width, height});
        const files = await Promise.all([1, 2, 3].map(async i => asFile(await makeImage(400, 300, 'image/jpeg', {seed: i}), `fit-${i}.jpg`)));

        let pending = chooseImage({count: 3, locale}).catch(e => e);
        let sheet = await openedSheet();
        await animationsDone(sheet);
        fits(sheet);
        await expect(sheet).to.be.accessible();
        part(sheet, 'action-camera')!.click();
        await videoPlaying(await partReady<HTMLVideoElement>(sheet, 'video'));
        await animationsDone(sheet);
        fits(sheet);
        await expect(sheet).to.be.accessible();
        sheet.close();
        await pending;

        pending = chooseImage({count: 3, locale}).catch(e => e);
        sheet = await openedSheet();
        await chooseFiles(part(sheet, 'action-album')!, files);
        await waitUntil(() => parts(sheet, 'gallery-item').length === 3 && parts(sheet, 'gallery-tile').every(i => i.querySelector('canvas')), 'no gallery', {timeout: 5000});
        await animationsDone(sheet);
        fits(sheet);
        await expect(sheet).to.be.accessible();
        sheet.close();
        await pending;
      });
    }
  }
});
