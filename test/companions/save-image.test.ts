// my.saveImage: the kit's action sheet (保存图片 / 取消) tapped for real; the download seen arrive on
// disk with its name and bytes (test/helpers/downloads.mjs: Chromium told over CDP, Firefox by its
// preferences, WebKit's MiniBrowser in its own download folder); the share sheet where the engine
// can share files.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {my, revokeTempFiles} from '../../src/index.js';
import type {ChooseImageSaveSheet} from '../../src/companions/index.js';
import {engine} from '../helpers/engine.js';
import {activationLapsed, animationsDone, asFile, clickOn, failure, makeImage, pickedPath, recorder, sha256} from '../helpers/index.js';

interface Downloaded {
  name: string;
  size: number;
  sha256: string;
}

const saveSheet = () => document.querySelector<ChooseImageSaveSheet>('choose-image-save-sheet');
const savePart = (name: string) => saveSheet()?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const sheetOpen = () => !!saveSheet()?.shadowRoot?.querySelector('dialog[open]');

/** Waits for the download named `name` to have all its `size` bytes, and takes it off the disk. */
async function downloadNamed(name: string, size: number): Promise<Downloaded> {
  let found: Downloaded | false = false;
  const take = async () => (found = await executeServerCommand<Downloaded | false, {name: string; size: number}>('take-download', {name, size}));
  await waitUntil(take, `no download named ${name} arrived`, {timeout: 10000});
  return found as unknown as Downloaded;
}

/** Web Share with files: on phones; none of the engines here has it (see the skipped test). */
const sharesFiles = async () => !!navigator.canShare?.({files: [asFile(await makeImage(2, 2), 'probe.jpg')]});

describe('my.saveImage', () => {
  afterEach(() => {
    revokeTempFiles();
    saveSheet()?.remove(); // a failed test leaves nothing for the next
  });

  for (const [how, dismiss] of [
    ['取消', () => clickOn(savePart('action-cancel')!)],
    ['Escape', () => sendKeys({press: 'Escape'})],
  ] as const) {
    it(`should fail with 11 when the action sheet is dismissed with ${how}, saving nothing`, async () => {
      await activationLapsed();
      const rec = recorder();
      const saved = my.saveImage({url: URL.createObjectURL(await makeImage(8, 8)), ...rec});
      await waitUntil(sheetOpen, 'the action sheet did not open', {timeout: 5000});
      await dismiss();
      const err = await failure(saved);
      expect(err.error).to.equal(11);
      expect(rec.calls).to.deep.equal(['fail', 'complete']);
      expect(saveSheet() === null, 'no action sheet left').to.equal(true);
    });
  }

  it("should speak the page's language in the action sheet", async () => {
    const saved = failure(my.saveImage({url: URL.createObjectURL(await makeImage(8, 8)), locale: 'en'}));
    await waitUntil(sheetOpen, 'the action sheet did not open', {timeout: 5000});
    expect(savePart('action-save')!.textContent!.trim()).to.equal('Save image');
    await clickOn(savePart('action-cancel')!);
    expect((await saved).error).to.equal(11);
  });

  it('should fail with 13 for a url that cannot be read, showing no sheet', async () => {
    const err = await failure(my.saveImage({url: '/test/fixtures/no-such-file.jpg'}));
    expect(err.error).to.equal(13);
    expect(err.errorMessage).to.contain('HTTP 404');
    expect(saveSheet() === null, 'no action sheet left').to.equal(true);
  });

  // Last: in WebKit a download takes the focus from the page.
  it('should download a picked photo under its own name, after 保存图片 is tapped', async function () {
    if (await sharesFiles()) this.skip();
    await executeServerCommand('allow-downloads');
    const photo = asFile(await makeImage(640, 480), `IMG_${Date.now()}.jpg`);
    const path = await pickedPath(photo);
    const rec = recorder();
    const saved = my.saveImage({url: path, ...rec});
    await waitUntil(sheetOpen, 'the action sheet did not open', {timeout: 5000});
    expect(savePart('action-save')!.textContent!.trim()).to.equal('保存图片');
    expect(savePart('action-cancel')!.textContent!.trim()).to.equal('取消');
    await animationsDone(saveSheet()!); // contrast is measured on the sheet at rest, not mid-fade
    await expect(saveSheet()!).to.be.accessible();
    await clickOn(savePart('action-save')!);
    await saved;
    expect(rec.calls).to.deep.equal(['success', 'complete']);
    expect(saveSheet() === null, 'the sheet is gone').to.equal(true);
    expect(await downloadNamed(photo.name, photo.size)).to.deep.equal({name: photo.name, size: photo.size, sha256: await sha256(photo)});
  });

  it("should name an unnamed image from its type, keep an http(s) image's name, and go straight to the download without the sheet", async function () {
    if (await sharesFiles()) this.skip();
    await executeServerCommand('allow-downloads');
    const png = await makeImage(20, 10, 'image/png');
    await my.saveImage({url: URL.createObjectURL(png), showActionSheet: false});
    expect(saveSheet() === null, 'no action sheet left').to.equal(true);
    expect(await downloadNamed('image.png', png.size)).to.deep.equal({name: 'image.png', size: png.size, sha256: await sha256(png)});
    const http = `${location.origin}/test/fixtures/photo-3000x2000.webp`;
    await my.saveImage({url: http, showActionSheet: false});
    const webp = await (await fetch(http)).blob();
    expect((await downloadNamed('photo-3000x2000.webp', webp.size)).sha256).to.equal(await sha256(webp));
  });

  it(`should hand the file to the share sheet where the browser shares files [skipped in ${engine}: it has no Web Share with files (navigator.canShare({files}) is false; a phone's browser has it)]`, async function () {
    if (!(await sharesFiles())) this.skip();
    // Where it runs: the share sheet opens; dismissing it fails with 11.
    const saved = my.saveImage({url: URL.createObjectURL(await makeImage(8, 8)), showActionSheet: false});
    expect((await failure(saved)).error).to.equal(11);
  });
});
