import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {ChooseImageSheet, type ChooseImageError} from '../src/index.js';
import {itExceptIn} from './helpers/engine.js';
import {activationLapsed, animationsDone, chooseFiles, clickAt, clickOn, makeImage, part, partReady, pressWithShift, shownElement} from './helpers/index.js';

const shadowFocus = (el: ChooseImageSheet) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<choose-image-sheet>', () => {
  it('should not throw when a second copy of the package loads', async () => {
    // The bundled build is a second, separate copy of every class.
    const bundled = await import(new URL('/dist/choose-image-sheet.bundled.js', location.href).href);
    expect(bundled.ChooseImageSheet).to.not.equal(ChooseImageSheet);
    expect(customElements.get('choose-image-sheet')).to.equal(ChooseImageSheet);
    expect(typeof bundled.my.chooseImage).to.equal('function');
  });

  describe('properties and attributes', () => {
    it('should read every option from plain HTML attributes', async () => {
      const el = await fixture<ChooseImageSheet>(
        html`<choose-image-sheet count="3" size-type="original" source-type="album" camera="front" locale="en"></choose-image-sheet>`
      );
      expect(el.count).to.equal(3);
      expect(el.sizeType).to.deep.equal(['original']);
      expect(el.sourceType).to.deep.equal(['album']);
      expect(el.camera).to.equal('front');
      expect(el.locale).to.equal('en');
      expect(el.open).to.equal(false);
    });

    it('should round-trip space-separated lists and reflect open', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet></choose-image-sheet>`);
      el.setAttribute('size-type', 'original compressed');
      el.setAttribute('source-type', ' camera  album ');
      expect(el.sizeType).to.deep.equal(['original', 'compressed']);
      expect(el.sourceType).to.deep.equal(['camera', 'album']);
      const shown = el.show().catch(e => e);
      await el.updateComplete;
      expect(el.hasAttribute('open')).to.equal(true);
      el.close();
      await shown;
      await el.updateComplete;
      expect(el.hasAttribute('open')).to.equal(false);
    });

    it('should open from the open attribute alone and report through events', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet></choose-image-sheet>`);
      el.setAttribute('open', '');
      await el.updateComplete;
      expect(part(el, 'sheet')!.matches('dialog[open]')).to.equal(true);
      const events: string[] = [];
      for (const name of ['success', 'fail', 'complete']) el.addEventListener(name, () => events.push(name));
      el.removeAttribute('open');
      await el.updateComplete;
      expect(events).to.deep.equal(['fail', 'complete']);
    });

    it('should fail show() with code 2 naming the bad property', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet count="0"></choose-image-sheet>`);
      const failed = oneEvent(el, 'fail');
      const err = (await el.show().catch(e => e)) as ChooseImageError;
      expect(err.error).to.equal(2);
      expect(err.errorMessage).to.contain('count');
      expect((await failed).detail).to.equal(err);
      expect(el.open).to.equal(false);
    });
  });

  describe('events', () => {
    it('should fire fail then complete, bubbling and composed, with the error as detail', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><choose-image-sheet></choose-image-sheet></div>`);
      const el = host.querySelector('choose-image-sheet')!;
      const seen: Array<[string, boolean, boolean, unknown]> = [];
      for (const name of ['success', 'fail', 'complete']) {
        host.addEventListener(name, e => seen.push([name, e.bubbles, e.composed, (e as CustomEvent).detail]));
      }
      const shown = el.show().catch(e => e);
      await el.updateComplete;
      el.close();
      const err = await shown;
      expect(seen.map(s => s.slice(0, 3))).to.deep.equal([
        ['fail', true, true],
        ['complete', true, true],
      ]);
      expect(seen[0][3]).to.equal(err);
      expect(JSON.stringify(err)).to.equal('{"error":11,"errorMessage":"用户取消操作"}');
    });

    it('should refuse a second show() while open with code 3, without events', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet></choose-image-sheet>`);
      const first = el.show().catch(e => e);
      await el.updateComplete;
      let events = 0;
      el.addEventListener('fail', () => events++);
      const second = (await el.show().catch(e => e)) as ChooseImageError;
      expect(second.error).to.equal(3);
      expect(events).to.equal(0);
      expect(el.open).to.equal(true);
      el.close();
      expect((await first).error).to.equal(11);
    });

    it('should keep a call opened right after the previous one closed (its late close event is not a cancel)', async () => {
      const {el, shown} = await shownElement();
      el.close();
      expect((await shown).error).to.equal(11);
      const next = el.show().catch(e => e);
      await new Promise(r => setTimeout(r, 50)); // the first dialog's close event arrives meanwhile
      expect(el.open, 'the new call is still open').to.equal(true);
      el.close();
      expect((await next).error).to.equal(11);
    });

    it('should cancel with 11 when removed while open', async () => {
      const {el, shown} = await shownElement();
      el.remove();
      expect((await shown).error).to.equal(11);
    });

    it('should stay open when moved within the page', async () => {
      const {el, shown} = await shownElement();
      document.body.append(el);
      await new Promise(r => setTimeout(r));
      expect(el.open).to.equal(true);
      el.close();
      expect((await shown).error).to.equal(11);
      el.remove();
    });

    // A move drops a <dialog>'s modal state in every engine (issue 22): no backdrop, the page
    // takes taps, Escape does nothing, and the call could never be cancelled that way.
    it('should stay a modal when moved: focus inside, Escape cancels, the backdrop takes a tap meant for the page', async () => {
      const other = document.createElement('div');
      const pageButton = Object.assign(document.createElement('button'), {textContent: 'page'});
      pageButton.style.cssText = 'position: fixed; left: 8px; top: 8px; width: 80px; height: 40px;';
      let pageClicks = 0;
      pageButton.addEventListener('click', () => pageClicks++);
      document.body.append(other, pageButton);
      try {
        const {el, shown} = await shownElement();
        await animationsDone(el);
        other.append(el); // removed and inserted in one task
        await waitUntil(() => shadowFocus(el), 'focus did not come back inside the sheet', {timeout: 5000});
        await sendKeys({press: 'Escape'});
        await waitUntil(() => !el.open, 'Escape did not cancel the moved sheet', {timeout: 5000});
        expect((await shown).error).to.equal(11);

        const again = el.show().catch(e => e);
        await el.updateComplete;
        await animationsDone(el);
        document.body.append(el);
        await clickOn(pageButton);
        await waitUntil(() => !el.open, 'a tap outside the moved sheet did not cancel it', {timeout: 5000});
        expect((await again).error).to.equal(11);
        expect(pageClicks, 'the page under the backdrop took no tap').to.equal(0);
      } finally {
        document.querySelectorAll('choose-image-sheet').forEach(sheet => sheet.remove());
        other.remove();
        pageButton.remove();
      }
    });

    it('should keep the full-screen preview above the sheet when moved', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet count="3"></choose-image-sheet>`);
      const shown = el.show().catch(e => e);
      try {
        await el.updateComplete;
        const photos = await Promise.all([1, 2].map(async seed => new File([await makeImage(320, 240, 'image/jpeg', {seed})], `m${seed}.jpg`, {type: 'image/jpeg'})));
        await chooseFiles(part(el, 'action-album')!, photos);
        await clickOn(await partReady(el, 'preview'));
        const viewerDialog = () => el.shadowRoot!.querySelector('choose-image-viewer')?.shadowRoot?.querySelector('dialog') ?? null;
        await waitUntil(() => viewerDialog()?.open, 'the preview did not open', {timeout: 5000});
        await animationsDone(el);
        document.body.append(el);
        await waitUntil(() => viewerDialog()?.matches(':modal'), 'the preview is no longer a modal', {timeout: 5000});
        await sendKeys({press: 'Escape'});
        await waitUntil(() => !viewerDialog(), 'Escape did not close the moved preview', {timeout: 5000});
        expect(el.open, 'the sheet stays open under it').to.equal(true);
        expect(part(el, 'sheet')!.matches(':modal'), 'the sheet is still a modal').to.equal(true);
        await sendKeys({press: 'Escape'});
        expect((await shown).error).to.equal(11);
      } finally {
        el.remove(); // moved out of its fixture, which no longer removes it
      }
    });
  });

  describe('action sheet', () => {
    it('should show camera, album and cancel in the active locale, on screen', async () => {
      const {el, shown} = await shownElement();
      await animationsDone(el);
      for (const name of ['action-camera', 'action-album', 'action-cancel']) {
        const r = part(el, name)!.getBoundingClientRect();
        expect(r.height, `${name} height`).to.be.at.least(44);
        expect(r.bottom, `${name} bottom`).to.be.at.most(innerHeight + 1);
      }
      expect(part(el, 'action-camera')!.textContent!.trim()).to.equal('拍照');
      expect(part(el, 'action-album')!.textContent!.trim()).to.equal('从相册选择');
      expect(part(el, 'action-cancel')!.textContent!.trim()).to.equal('取消');
      el.locale = 'en';
      await el.updateComplete;
      expect(part(el, 'action-camera')!.textContent!.trim()).to.equal('Take photo');
      expect(part(el, 'action-album')!.textContent!.trim()).to.equal('Choose from album');
      el.close();
      await shown;
    });

    it('should follow <html lang> when no locale is set', async () => {
      const before = document.documentElement.lang;
      document.documentElement.lang = 'en-GB';
      const {el, shown} = await shownElement();
      expect(part(el, 'action-cancel')!.textContent!.trim()).to.equal('Cancel');
      document.documentElement.lang = 'zh-CN';
      await waitUntil(() => part(el, 'action-cancel')!.textContent!.trim() === '取消', 'did not follow <html lang>');
      document.documentElement.lang = before;
      el.close();
      await shown;
    });

    it('should skip the action sheet for a single camera source', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet source-type="camera"></choose-image-sheet>`);
      const shown = el.show().catch(e => e);
      await partReady(el, 'shutter');
      expect(part(el, 'action-camera') === null, 'should be absent').to.equal(true);
      el.close();
      await shown;
    });

    it('should offer only the album button for a single album source without user activation', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet source-type="album"></choose-image-sheet>`);
      await activationLapsed(); // an earlier test's real click may still count
      const shown = el.show().catch(e => e);
      await el.updateComplete;
      expect(part(el, 'action-camera') === null, 'should be absent').to.equal(true);
      expect(part(el, 'action-album')).to.exist;
      el.close();
      await shown;
    });
  });

  describe('accessibility', () => {
    it('should be a labelled modal dialog that passes axe', async () => {
      const {el, shown} = await shownElement();
      const dialog = part(el, 'sheet') as HTMLDialogElement;
      expect(dialog.matches(':modal')).to.equal(true);
      const label = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!);
      expect(label!.textContent).to.equal('选择图片');
      await animationsDone(el);
      await expect(el).to.be.accessible();
      el.close();
      await shown;
    });

    it('should move focus in and trap Tab inside', async () => {
      const {el, shown} = await shownElement();
      await waitUntil(() => shadowFocus(el));
      expect(shadowFocus(el)!.getAttribute('part')).to.equal('action-camera');
      const visited: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({press: 'Tab'});
        visited.push(shadowFocus(el)?.getAttribute('part') ?? 'outside');
      }
      expect(visited).to.deep.equal(['action-album', 'action-cancel', 'action-camera', 'action-album']);
      await pressWithShift('Tab');
      await pressWithShift('Tab');
      expect(shadowFocus(el)!.getAttribute('part')).to.equal('action-cancel');
      el.close();
      await shown;
    });

    it('should cancel on Escape and on a click on the backdrop', async () => {
      const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet></choose-image-sheet>`);
      let shown = el.show().catch(e => e);
      await el.updateComplete;
      await sendKeys({press: 'Escape'});
      expect((await shown).error).to.equal(11);
      shown = el.show().catch(e => e);
      await el.updateComplete;
      const sheet = part(el, 'sheet')!;
      await clickOn(part(el, 'action-camera')!.parentElement!); // inside: stays open
      expect(el.open).to.equal(true);
      const top = sheet.getBoundingClientRect().top;
      const {sendMouse} = await import('@web/test-runner-commands');
      await sendMouse({type: 'click', position: [10, Math.max(1, Math.round(top / 2))]});
      expect((await shown).error).to.equal(11);
    });
  });

  describe('the backdrop', () => {
    // A phone held sideways pads the sheet by its safe-area insets (issue 22): that padding is the
    // card the person sees, so a tap there must not cancel. A page's own padding is the same.
    it("should take a tap on the sheet's own padding as a tap on the card, and only a tap outside it as the backdrop", async () => {
      const style = Object.assign(document.createElement('style'), {textContent: 'choose-image-sheet::part(sheet) { padding: 0 48px; }'});
      document.head.append(style);
      try {
        const {el, shown} = await shownElement();
        await animationsDone(el);
        const r = part(el, 'sheet')!.getBoundingClientRect();
        const y = Math.round(r.top + r.height / 2);
        await clickAt(Math.round(r.left + 12), y);
        await clickAt(Math.round(r.right - 12), y);
        expect(el.open, 'a tap on the padding cancelled the call').to.equal(true);
        await clickAt(Math.round(r.left + r.width / 2), Math.max(1, Math.round(r.top / 2)));
        expect((await shown).error).to.equal(11);
      } finally {
        style.remove();
      }
    });
  });

  describe('motion', () => {
    it('should slide away on dismiss with the page usable at once', async () => {
      const {el, shown} = await shownElement();
      const dialog = part(el, 'sheet') as HTMLDialogElement;
      await animationsDone(el);
      el.close();
      await shown;
      await el.updateComplete;
      expect(dialog.matches(':modal'), 'the page is usable while it leaves').to.equal(false);
      // Only where the browser keeps a closing dialog in the top layer (overlay) does it animate.
      const leaving = dialog.getAnimations().length > 0;
      expect(leaving).to.equal(CSS.supports('overlay: auto'));
      await animationsDone(el);
      expect(dialog.checkVisibility(), 'gone once it has slid away').to.equal(false);
    });

    const noMediaEmulation = 'no driver can emulate prefers-reduced-motion (CDP only)';
    itExceptIn({firefox: noMediaEmulation, webkit: noMediaEmulation}, 'should not move at all under prefers-reduced-motion', async () => {
      await emulateMedia({reducedMotion: 'reduce'});
      try {
        const {el, shown} = await shownElement();
        const dialog = part(el, 'sheet') as HTMLDialogElement;
        await el.updateComplete;
        expect(dialog.getAnimations().filter(a => a.playState === 'running').length, 'no slide-in').to.equal(0);
        el.close();
        await shown;
        await el.updateComplete;
        expect(dialog.getAnimations().filter(a => a.playState === 'running').length, 'no slide-away').to.equal(0);
        expect(dialog.checkVisibility()).to.equal(false);
      } finally {
        await emulateMedia({reducedMotion: 'no-preference'});
      }
    });
  });

  describe('development', () => {
    it('should schedule no update from inside an update (no Lit dev-mode warning) through the camera and the gallery', async () => {
      const warnings: string[] = [];
      const realWarn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        realWarn(...args);
      };
      try {
        const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet count="3"></choose-image-sheet>`);
        let shown = el.show().catch(e => e);
        await el.updateComplete;
        await clickOn(part(el, 'action-camera')!);
        await partReady(el, 'shutter');
        await waitUntil(() => !part<HTMLButtonElement>(el, 'shutter')!.disabled, 'the camera did not go live', {timeout: 5000});
        el.close();
        await shown;
        shown = el.show().catch(e => e);
        await el.updateComplete;
        const photo = new File([await makeImage(320, 240)], 'p.jpg', {type: 'image/jpeg'});
        await chooseFiles(part(el, 'action-album')!, [photo]);
        await partReady(el, 'gallery');
        el.close();
        await shown;
      } finally {
        console.warn = realWarn;
      }
      expect(warnings.filter(w => w.includes('change-in-update'))).to.deep.equal([]);
    });
  });
});
