// The album: real files through the real file chooser (opened by a real click), a real drop.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {chooseImage, type ChooseImageError, type ChooseImageResult, type ChooseImageSheet} from '../src/index.js';
import {executeServerCommand} from '@web/test-runner-commands';
import {itExceptIn} from './helpers/engine.js';
import {animatedGif, withExifOrientation} from './helpers/image-bytes.js';
import {recordJobs} from '../src/image/scheduler.js';
import {animationsDone, asFile, chooseFiles, clickOn, corruptJpeg, coversMiddle, digitsOnScreen, dropFiles, items, makeImage, openedSheet, part, partReady, parts, ownThumbOf, pick, thumbPixels, writeFiles, failure} from './helpers/index.js';

const badges = (el: ChooseImageSheet) => items(el).map(i => i.querySelector('.badge')!.textContent!.trim());
const confirmText = (el: ChooseImageSheet) => part(el, 'confirm')!.textContent!.trim();
const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
/** The picker's full-screen preview, whether it is open, and the photo it shows. */
const viewer = (sheet: ChooseImageSheet) => sheet.shadowRoot!.querySelector<HTMLElement & {current: number}>('choose-image-viewer');
const viewerOpen = (sheet: ChooseImageSheet) => !!viewer(sheet)?.shadowRoot?.querySelector('dialog[open]');
const shownImage = (sheet: ChooseImageSheet) => viewer(sheet)!.shadowRoot!.querySelector<HTMLImageElement>('[part~="image"]');

async function photos(n: number, prefix = 'photo') {
  return Promise.all([...Array(n)].map(async (_, i) => asFile(await makeImage(320 + i * 16, 240, 'image/jpeg', {seed: i + 1}), `${prefix}-${i + 1}.jpg`, 1_700_000_000_000 + i)));
}

/** chooseImage for the album with count 1 and one size type: the pick alone returns it. */
async function pickOne(file: File, options: Parameters<typeof chooseImage>[0]) {
  const pending = chooseImage({sourceType: ['camera', 'album'], ...options});
  await chooseFiles(part(await openedSheet(), 'action-album')!, [file]);
  return (await pending) as ChooseImageResult;
}

describe('<choose-image-sheet> gallery', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet').forEach(el => el.remove()));

  it('should preselect the first count files, refuse one more with an announced hint', async () => {
    const {pending, sheet} = await pick(await photos(4), {count: 2});
    expect(sheet.shadowRoot!.querySelector<HTMLInputElement>('input.album')!.multiple).to.equal(true);
    expect(badges(sheet)).to.deep.equal(['1', '2', '', '']);
    expect(items(sheet).map(i => i.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true', 'false', 'false']);
    expect(confirmText(sheet)).to.equal('完成 (2/2)');
    expect(part(sheet, 'message')!.textContent).to.equal('选了 4 张，最多 2 张：已选中 2 张');
    await clickOn(items(sheet)[2]);
    const message = part(sheet, 'message')!;
    expect(message.textContent).to.contain('最多只能选择 2 张');
    expect(message.getAttribute('aria-live')).to.equal('polite');
    expect(badges(sheet)).to.deep.equal(['1', '2', '', '']);
    await animationsDone(sheet);
    await expect(sheet).to.be.accessible();
    sheet.close();
    expect(((await pending) as ChooseImageError).error).to.equal(11);
  });

  it('should renumber on deselect and return images in selection order', async () => {
    const files = await photos(3);
    const {pending, sheet} = await pick(files, {count: 3, sizeType: ['original']});
    expect(badges(sheet)).to.deep.equal(['1', '2', '3']);
    await clickOn(items(sheet)[0]);
    expect(badges(sheet)).to.deep.equal(['', '1', '2']);
    expect(confirmText(sheet)).to.equal('完成 (2/3)');
    await clickOn(items(sheet)[0]);
    expect(badges(sheet)).to.deep.equal(['3', '1', '2']);
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-2.jpg', 'photo-3.jpg', 'photo-1.jpg']);
    expect(result.tempFiles.map(f => f.width)).to.deep.equal([336, 352, 320]);
    // Code written for older Alipay clients reads apFilePaths: the same paths, as a plain property.
    expect(result.apFilePaths).to.deep.equal(result.tempFilePaths);
    expect(result.tempFilePaths).to.deep.equal(result.tempFiles.map(f => f.path));
    expect(Object.keys(result)).to.include('apFilePaths');
  });

  it('should return the picked bytes untouched for original, and a smaller JPEG for compressed', async () => {
    const big = asFile(await makeImage(2400, 1800, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    let result = await pickOne(big, {sizeType: ['original']});
    expect(await bytes(result.tempFiles[0].file)).to.deep.equal(await bytes(big));
    expect(result.tempFiles[0]).to.include({size: big.size, width: 2400, height: 1800, type: 'image/jpeg'});

    result = await pickOne(big, {sizeType: ['compressed']});
    expect(result.tempFiles[0]).to.include({width: 1920, height: 1440, type: 'image/jpeg'});
    expect(result.tempFiles[0].size).to.be.lessThan(big.size);
  });

  it('should decode a pick returned at once only for what it returns, showing it nowhere', async () => {
    const big = asFile(await makeImage(2400, 1800, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const pending = chooseImage({sourceType: ['camera', 'album'], sizeType: ['compressed']});
    const sheet = await openedSheet();
    let shown = false;
    const watch = new MutationObserver(() => (shown ||= !!sheet.shadowRoot!.querySelector('img.review')));
    watch.observe(sheet.shadowRoot!, {subtree: true, childList: true, attributes: true});
    const record = recordJobs();
    try {
      await chooseFiles(part(sheet, 'action-album')!, [big]);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles[0]).to.include({width: 1920, height: 1440});
    } finally {
      record.stop();
      watch.disconnect();
    }
    // The compression is the only decode: the photo is not decoded for a review no one sees (the
    // system picker was the choice), which took a core from the compression the person waits for.
    expect(record.jobs.map(j => j.label)).to.deep.equal(['compress big.jpg']);
    expect(shown, 'the pick was shown while it was returned').to.equal(false);
  });

  it('should let the user switch to the original when both size types are allowed', async () => {
    const big = asFile(await makeImage(2400, 1800, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const {pending, sheet} = await pick([big]);
    const toggle = part(sheet, 'original-toggle')!;
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('原图');
    await clickOn(toggle);
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles[0].size).to.equal(big.size);
  });

  it('should keep 原图 and 使用照片 in place while the picked image comes in (count 1: a tap as they showed hit the image)', async () => {
    const big = asFile(await makeImage(2400, 1800, 'image/jpeg', {quality: 0.95}), 'big.jpg');
    const {pending, sheet} = await pick([big]);
    const shown = () => sheet.shadowRoot!.querySelector<HTMLImageElement>('img.review')?.complete;
    const places = new Set<string>();
    const place = () => ['original-toggle', 'confirm'].map(name => JSON.stringify(part(sheet, name)!.getBoundingClientRect())).join();
    // Every frame from the moment the controls show until the image is on screen.
    await waitUntil(
      () => {
        places.add(place());
        return shown();
      },
      'the picked image did not show',
      {timeout: 10000, interval: 0}
    );
    places.add(place());
    expect(places.size, [...places].join('\n')).to.equal(1);
    sheet.close();
    await pending;
  });

  it('should append with add-more and not add the same file twice', async () => {
    const [a, b, c] = await photos(3);
    const {pending, sheet} = await pick([a, b], {count: 9});
    await chooseFiles(part(sheet, 'add-more')!, [new File([b], b.name, {type: b.type, lastModified: b.lastModified}), c]);
    await waitUntil(() => items(sheet).length === 3, 'add-more did not append');
    await new Promise(r => setTimeout(r, 100));
    expect(items(sheet).map(i => i.getAttribute('aria-label'))).to.deep.equal([
      'photo-1.jpg，已选第 1 张',
      'photo-2.jpg，已选第 2 张',
      'photo-3.jpg，已选第 3 张',
    ]);
    sheet.close();
    await pending;
  });

  itExceptIn(
    {firefox: 'no driver can drag files from the desktop (CDP only)', webkit: 'no driver can drag files from the desktop (CDP only)'},
    'should add files dragged from the desktop and dropped on the gallery',
    async () => {
      const [a, b] = await photos(2);
      const {pending, sheet} = await pick([a], {count: 3});
      await dropFiles(part(sheet, 'gallery')!, [b]);
      await waitUntil(() => items(sheet).length === 2, 'the drop was not added');
      expect(badges(sheet)).to.deep.equal(['1', '2']);
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => f.width)).to.deep.equal([320, 336]);
    }
  );

  itExceptIn(
    {firefox: 'a page cannot make a paste event that carries files (its clipboardData is ignored), and no driver pastes files'},
    'should add files pasted into the gallery',
    async () => {
      const [a, b] = await photos(2);
      const {pending, sheet} = await pick([a], {count: 3});
      const clipboardData = new DataTransfer();
      clipboardData.items.add(b);
      part(sheet, 'gallery')!.dispatchEvent(new ClipboardEvent('paste', {clipboardData, bubbles: true, composed: true}));
      await waitUntil(() => items(sheet).length === 2, 'the paste was not added');
      expect(badges(sheet)).to.deep.equal(['1', '2']);
      sheet.close();
      await pending;
    }
  );

  it('should add files dropped from a drag that starts in the page', async () => {
    const [a, b] = await photos(2);
    const {pending, sheet} = await pick([a], {count: 3});
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(b);
    const gallery = part(sheet, 'gallery')!;
    const over = new DragEvent('dragover', {dataTransfer, bubbles: true, composed: true, cancelable: true});
    gallery.dispatchEvent(over);
    expect(over.defaultPrevented, 'the gallery accepts the drop').to.equal(true);
    gallery.dispatchEvent(new DragEvent('drop', {dataTransfer, bubbles: true, composed: true, cancelable: true}));
    await waitUntil(() => items(sheet).length === 2, 'the drop was not added');
    expect(badges(sheet)).to.deep.equal(['1', '2']);
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.width)).to.deep.equal([320, 336]);
  });

  it('should show a camera photo (Exif segment first, orientation 6) upright and return it', async () => {
    // Cameras write the Exif APP1 segment first, with no JFIF segment before it.
    const photo = asFile(await withExifOrientation(await makeImage(2400, 1200, 'image/jpeg', {seed: 3}), 6), 'IMG_0001.JPG');
    const {pending, sheet} = await pick([photo], {count: 2, sizeType: ['compressed']});
    await waitUntil(() => ownThumbOf(items(sheet)[0]) || items(sheet)[0].getAttribute('aria-disabled') === 'true', 'no thumbnail', {timeout: 5000});
    expect(items(sheet)[0].getAttribute('aria-disabled'), 'usable').to.not.equal('true');
    // The square tile crops the middle of the upright (portrait) photo: the dark bar that runs
    // down the right of the landscape pixels lies across the bottom of the crop, not the right.
    const at = thumbPixels(ownThumbOf(items(sheet)[0])!);
    const [bottom, right] = [at(0.5, 0.9), at(0.9, 0.5)];
    expect([bottom[3], right[3]], 'the thumbnail drew opaque').to.deep.equal([255, 255]);
    const dark = ([r, g, b]: number[]) => r + g + b < 200;
    expect([dark(bottom), dark(right)], `upright thumbnail: dark at the bottom, not at the right (rgba ${bottom} and ${right})`).to.deep.equal([true, false]);
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect([result.tempFiles[0].width, result.tempFiles[0].height]).to.deep.equal([960, 1920]);
    const decoded = await createImageBitmap(result.tempFiles[0].file, {imageOrientation: 'none'});
    expect([decoded.width, decoded.height], 'upright in the pixels').to.deep.equal([960, 1920]);
  });

  it('should show the middle of a landscape photo edge to edge in its tile, and a transparent PNG on white', async () => {
    // 1200×400: red, then green and blue across the middle 400 px (the tile's square), red again.
    const canvas = new OffscreenCanvas(1200, 400);
    const ctx = canvas.getContext('2d')!;
    for (const [x, w, color] of [[0, 400, '#f00'], [400, 200, '#0f0'], [600, 200, '#00f'], [800, 400, '#f00']] as const) {
      ctx.fillStyle = color;
      ctx.fillRect(x, 0, w, 400);
    }
    const bands = asFile(await canvas.convertToBlob({type: 'image/jpeg', quality: 0.95}), 'bands.jpg');
    const empty = new OffscreenCanvas(300, 300);
    empty.getContext('2d'); // a canvas with no context has nothing to encode (Chromium)
    const clear = asFile(await empty.convertToBlob({type: 'image/png'}), 'clear.png');
    const {sheet} = await pick([bands, clear], {count: 2, sizeType: ['compressed']});
    await waitUntil(() => items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
    const at = thumbPixels(ownThumbOf(items(sheet)[0])!);
    const hue = ([r, g, b]: number[]) => (r > 200 && g < 60 && b < 60 ? 'red' : g > 200 && r < 60 && b < 60 ? 'green' : b > 200 && r < 60 && g < 60 ? 'blue' : `rgb ${r} ${g} ${b}`);
    expect([0.03, 0.45, 0.55, 0.97].map(x => hue(at(x, 0.5))), 'the tile shows the middle square, edge to edge').to.deep.equal(['green', 'green', 'blue', 'blue']);
    expect(thumbPixels(ownThumbOf(items(sheet)[1])!)(0.5, 0.5), 'transparency on white').to.deep.equal([255, 255, 255, 255]);
  });

  it('should show undecodable and non-image files as unusable, and never return them', async () => {
    const [good] = await photos(1);
    const text = new File(['hello'], 'notes.txt', {type: 'text/plain'});
    const {pending, sheet} = await pick([corruptJpeg(), text, good], {count: 3, sizeType: ['original']});
    await waitUntil(() => items(sheet).filter(i => i.getAttribute('aria-disabled') === 'true').length === 2, 'no unusable items');
    const [broken, notes, photo] = items(sheet);
    expect(broken.getAttribute('aria-label')).to.equal('broken.jpg，无法读取此图片');
    expect(notes.closest('[part~="gallery-tile"]')!.querySelector('.unusable-badge')!.textContent).to.equal('无法使用');
    await clickOn(broken);
    expect(broken.getAttribute('aria-pressed')).to.equal('false');
    expect(photo.getAttribute('aria-pressed')).to.equal('true');
    expect(confirmText(sheet)).to.equal('完成 (1/3)');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-1.jpg']);
  });

  itExceptIn({firefox: 'its headless file picker (ESR 140) never closes, and its WebDriver BiDi cannot dismiss one'}, 'should keep the sheet open when the picker is dismissed', async () => {
    const pending = failure(chooseImage());
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, null);
    await new Promise(r => setTimeout(r, 200));
    expect(sheet.open).to.equal(true);
    expect(part(sheet, 'action-album')).to.exist;
    sheet.close();
    expect((await pending).error).to.equal(11);
  });

  it('should work by keyboard: arrows move, Space and Enter toggle', async () => {
    const {pending, sheet} = await pick(await photos(4), {count: 2, sizeType: ['original']});
    const focused = () => sheet.shadowRoot!.activeElement;
    await waitUntil(() => focused() === items(sheet)[0], 'focus did not move to the first image');
    await sendKeys({press: 'ArrowRight'});
    expect(focused() === items(sheet)[1], 'focus moved to the second image').to.equal(true);
    await sendKeys({press: ' '});
    expect(badges(sheet)).to.deep.equal(['1', '', '', '']);
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: ' '});
    expect(badges(sheet)).to.deep.equal(['1', '', '', '2']);
    await sendKeys({press: 'ArrowLeft'});
    await sendKeys({press: 'Enter'});
    expect(badges(sheet), 'Enter on a chosen tile at the cap is refused, not a confirm').to.deep.equal(['1', '', '', '2']);
    expect(sheet.open).to.equal(true);
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'Enter'});
    expect(badges(sheet), 'Enter toggles').to.deep.equal(['1', '', '', '']);
    await sendKeys({press: 'Enter'});
    expect(badges(sheet)).to.deep.equal(['1', '', '', '2']);
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-1.jpg', 'photo-4.jpg']);
  });

  it('should cancel with 11 from the close button and release the thumbnails', async () => {
    const {pending, sheet} = await pick(await photos(2), {count: 2});
    await waitUntil(() => items(sheet).every(i => ownThumbOf(i)), 'thumbnails did not load', {timeout: 5000});
    const thumbs = items(sheet).map(i => ownThumbOf(i)!);
    await clickOn(part(sheet, 'close')!);
    expect(((await pending) as ChooseImageError).error).to.equal(11);
    await waitUntil(() => thumbs.every(c => c.width === 0), 'the thumbnails kept their pixels', {timeout: 5000});
  });

  it('should read the album in English with the locale option', async () => {
    const {pending, sheet} = await pick(await photos(2), {count: 3, locale: 'en'});
    expect(confirmText(sheet)).to.equal('Done (2/3)');
    expect(part(sheet, 'add-more')!.getAttribute('aria-label')).to.equal('Add images');
    await animationsDone(sheet);
    await expect(sheet).to.be.accessible();
    sheet.close();
    await pending;
  });

  it('should keep the sheet and the other choices when an image fails to read at confirm', async () => {
    const [a, b] = await photos(2);
    const paths = await writeFiles([a, b]);
    const pending = chooseImage({count: 2}).then(r => r, e => e as ChooseImageError);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, paths);
    await waitUntil(() => items(sheet).length === 2 && items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
    // The second file changes on disk after it was picked (another app edited or deleted it):
    // switching to the original reads it again, and that read fails.
    await executeServerCommand('overwrite-file', {path: paths[1], base64: btoa('changed')});
    await clickOn(part(sheet, 'original-toggle')!);
    await clickOn(part(sheet, 'confirm')!);
    await waitUntil(() => part(sheet, 'message')!.textContent!.includes('无法读取'), 'no message about the failed image');
    expect(sheet.open).to.equal(true);
    expect(items(sheet)[1].getAttribute('aria-disabled')).to.equal('true');
    expect(confirmText(sheet)).to.equal('完成 (1/2)');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-1.jpg']);
    expect(result.tempFiles[0].size).to.equal(a.size);
  });

  for (const [change, command] of [['deleted', 'delete-file'], ['appended to', 'append-file']] as const) {
    it(`should not return an original ${change} on disk after its thumbnail showed`, async () => {
      const [a, b] = await photos(2);
      const paths = await writeFiles([a, b]);
      const pending = chooseImage({count: 2, sizeType: ['original']}).then(r => r, e => e as ChooseImageError);
      const sheet = await openedSheet();
      await chooseFiles(part(sheet, 'action-album')!, paths);
      await waitUntil(() => items(sheet).length === 2 && items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
      await executeServerCommand(command, {path: paths[1], base64: btoa('more bytes')});
      await clickOn(part(sheet, 'confirm')!);
      await waitUntil(() => part(sheet, 'message')!.textContent!.includes('无法读取'), 'no message about the changed file', {timeout: 5000});
      expect(items(sheet)[1].getAttribute('aria-disabled')).to.equal('true');
      expect(confirmText(sheet)).to.equal('完成 (1/2)');
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-1.jpg']);
      expect(await bytes(result.tempFiles[0].file)).to.deep.equal(await bytes(a));
    });
  }

  const partialDecode = 'the engine decodes a truncated JPEG partially (its <img> shows it so): it is usable there';
  itExceptIn({firefox: partialDecode, webkit: partialDecode}, 'should never return a truncated JPEG confirmed before its thumbnail decodes', async () => {
    const whole = await makeImage(4000, 3000, 'image/jpeg', {quality: 0.95});
    const half = new File([whole.slice(0, whole.size / 2)], 'half.jpg', {type: 'image/jpeg'});
    const pending = chooseImage({count: 2, sizeType: ['original']}).then(r => r, e => e as ChooseImageError);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, [half]);
    await waitUntil(() => items(sheet).length === 1, 'the file did not reach the gallery');
    part(sheet, 'confirm')!.click(); // at once: its decode has not finished (or failed) yet
    await waitUntil(() => items(sheet)[0].getAttribute('aria-label')!.includes('无法读取'), 'not marked unusable', {timeout: 5000});
    expect(confirmText(sheet)).to.equal('完成 (0/2)');
    sheet.close();
    expect(((await pending) as ChooseImageError).error, 'the call was still open, nothing returned').to.equal(11);
  });

  it('should number the compressed copies in the order the result lists them, not the order they finished', async function () {
    this.timeout(30000);
    // The first is a large PNG (decoded in full, twice: thumbnail and compression), the second a
    // small JPEG: the second's copy is made long before the first's.
    const files = [asFile(await makeImage(8000, 6000, 'image/png', {seed: 1}), 'big-first.png'), asFile(await makeImage(2400, 1600, 'image/jpeg', {seed: 2}), 'small-second.jpg')];
    const {pending, sheet} = await pick(files, {count: 2, sizeType: ['compressed']});
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.width)).to.deep.equal([1920, 1920]);
    const numbers = result.tempFiles.map(f => Number(/^IMG_\d{8}_\d{6}_(\d+)\.jpg$/.exec(f.file.name)?.[1]));
    expect(numbers[1], result.tempFiles.map(f => f.file.name).join()).to.equal(numbers[0] + 1);
  });

  it('should report the type the bytes have, not the one the name suggests', async () => {
    const gif = new File([animatedGif()], 'looks-like.jpg', {type: 'image/jpeg'});
    const jpeg = asFile(await makeImage(320, 240), 'no-extension');
    const paths = await writeFiles([gif, jpeg]);
    const pending = chooseImage({count: 2, sizeType: ['original'], sourceType: ['album', 'camera']}).then(r => r, e => e as ChooseImageError);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, paths);
    await waitUntil(() => items(sheet).length === 2, 'the files did not reach the gallery');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.type, f.file.type, f.file.name])).to.deep.equal([
      ['image/gif', 'image/gif', 'looks-like.jpg'],
      ['image/jpeg', 'image/jpeg', 'no-extension'],
    ]);
  });

  it('should keep showing the thumbnails when the open sheet is moved within the page', async () => {
    const {pending, sheet} = await pick(await photos(2), {count: 2});
    await waitUntil(() => items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
    const thumbs = items(sheet).map(i => ownThumbOf(i)!);
    sheet.parentElement!.append(sheet); // removed and inserted in one task
    await new Promise(r => setTimeout(r, 100));
    expect(thumbs.map(c => [c.isConnected, c.width > 0]), 'each tile still shows its pixels').to.deep.equal([[true, true], [true, true]]);
    sheet.close();
    await pending;
  });

  it('should cancel with 11 when removed mid-gallery, releasing the thumbnails', async () => {
    const {pending, sheet} = await pick(await photos(3), {count: 3});
    await waitUntil(() => items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
    const thumbs = items(sheet).map(i => ownThumbOf(i)!);
    sheet.remove();
    expect(((await pending) as ChooseImageError).error).to.equal(11);
    await waitUntil(() => thumbs.every(c => c.width === 0), 'the thumbnails kept their pixels', {timeout: 5000});
  });

  it('should decode thumbnails lazily as they scroll into view', async () => {
    const many = await Promise.all([...Array(80)].map(async (_, i) => asFile(await makeImage(200, 150, 'image/jpeg', {seed: i % 9}), `many-${i}.jpg`, 1_700_000_000_000 + i)));
    const {pending, sheet} = await pick(many, {count: 2});
    const loaded = () => items(sheet).filter(i => ownThumbOf(i)).length;
    await waitUntil(() => loaded() > 10, 'the first screen did not load', {timeout: 5000});
    await new Promise(r => setTimeout(r, 300));
    const firstScreen = loaded();
    expect(firstScreen).to.be.lessThan(80);
    expect(ownThumbOf(items(sheet)[79]) === null, 'should be absent').to.equal(true);
    part(sheet, 'gallery')!.scrollTop = 1e6;
    await waitUntil(() => ownThumbOf(items(sheet)[79]), 'the last image did not load after scrolling', {timeout: 5000});
    sheet.close();
    await pending;
  });

  it('should lock the selection and 原图 while processing, and return what it shows as chosen', async function () {
    this.timeout(60000);
    // Large PNGs (no scaled decode: each is decoded in full, twice, at most two at a time), and
    // 完成 pressed the moment the picks show: processing outlasts the clicks below.
    const files = await Promise.all([1, 2].map(async i => asFile(await makeImage(6000, 4500, 'image/png', {seed: i}), `huge-${i}.png`)));
    const {pending, sheet} = await pick(files, {count: 2});
    let settled = false;
    void pending.then(() => (settled = true));
    part(sheet, 'confirm')!.click();
    await sheet.updateComplete;
    expect(settled, 'still processing (make the images larger if this fails)').to.equal(false);
    expect(part(sheet, 'message')!.textContent).to.contain('正在处理');
    expect(items(sheet).map(i => i.getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
    expect(part<HTMLButtonElement>(sheet, 'original-toggle')!.disabled).to.equal(true);
    part(sheet, 'original-toggle')!.click();
    items(sheet)[1].click();
    await sheet.updateComplete;
    expect(settled, 'still processing').to.equal(false);
    expect(badges(sheet)).to.deep.equal(['1', '2']);
    expect(part(sheet, 'original-toggle')!.getAttribute('aria-checked')).to.equal('false');
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([
      [1920, 1440],
      [1920, 1440],
    ]);
  });

  describe('as in the pickers people know', () => {

    it('should preview a photo full screen on a tap on it, select from there, and confirm', async () => {
      const files = await photos(3);
      const {pending, sheet} = await pick(files, {count: 2, sizeType: ['original']});
      await waitUntil(() => items(sheet).every(i => ownThumbOf(i)), 'no thumbnails', {timeout: 5000});
      // A tap on the third photo (not its circle) previews it; the selection does not change.
      await clickOn(items(sheet)[2].closest('[part~="gallery-tile"]')!.querySelector('.photo')!);
      await waitUntil(() => viewerOpen(sheet), 'the preview did not open', {timeout: 5000});
      expect(badges(sheet)).to.deep.equal(['1', '2', '']);
      await waitUntil(() => shownImage(sheet)?.complete && shownImage(sheet)!.naturalWidth === 352, 'the third photo is not shown full size');
      const select = part(sheet, 'preview-select')!;
      expect(select.getAttribute('aria-pressed')).to.equal('false');
      expect(part(sheet, 'preview-confirm')!.textContent!.trim()).to.equal('完成 (2/2)');
      // At the cap the circle refuses and says why; page back to the first and deselect it there.
      await clickOn(select);
      expect(part(sheet, 'message')!.textContent).to.contain('最多只能选择 2 张');
      await sendKeys({press: 'ArrowLeft'});
      await sendKeys({press: 'ArrowLeft'});
      await waitUntil(() => viewer(sheet)!.current === 0 && part(sheet, 'preview-select')!.getAttribute('aria-pressed') === 'true', 'the circle did not follow the page');
      expect(part(sheet, 'preview-select')!.textContent!.trim()).to.equal('1');
      await clickOn(part(sheet, 'preview-select')!);
      expect(badges(sheet)).to.deep.equal(['', '1', '']);
      await clickOn(part(sheet, 'preview-confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo-2.jpg']);
    });

    it('should preview the chosen ones with 预览, and close the preview alone with Escape', async () => {
      const {pending, sheet} = await pick(await photos(4), {count: 2});
      await clickOn(items(sheet)[0]); // deselect the first: photo-2 alone is chosen
      await clickOn(items(sheet)[3]); // then photo-4
      expect(badges(sheet)).to.deep.equal(['', '1', '', '2']);
      await clickOn(part(sheet, 'preview')!);
      await waitUntil(() => viewerOpen(sheet), 'the preview did not open', {timeout: 5000});
      expect(viewer(sheet)!.shadowRoot!.querySelector('[part~="indicator"]')!.textContent!.trim()).to.equal('1 / 2');
      expect(part(sheet, 'preview-original')!.getAttribute('aria-checked')).to.equal('false');
      await sendKeys({press: 'Escape'});
      await waitUntil(() => !viewer(sheet), 'the preview did not close');
      expect(sheet.open, 'Escape closed the preview, not the sheet').to.equal(true);
      sheet.close();
      expect(((await pending) as ChooseImageError).error).to.equal(11);
    });

    it('should dim the tiles that cannot be chosen at the cap, say why on a tap, and forget it after 原图', async () => {
      const {pending, sheet} = await pick(await photos(3), {count: 2});
      const tiles = parts(sheet, 'gallery-tile');
      expect(tiles.map(t => t.classList.contains('at-cap'))).to.deep.equal([false, false, true]);
      expect(items(sheet)[2].getAttribute('aria-disabled')).to.equal('true');
      expect(items(sheet)[2].getAttribute('aria-label')).to.contain('不能再选');
      await clickOn(items(sheet)[2]);
      expect(part(sheet, 'message')!.textContent).to.equal('最多只能选择 2 张');
      await clickOn(part(sheet, 'original-toggle')!);
      expect(part(sheet, 'message')!.textContent).to.equal('');
      await clickOn(items(sheet)[1]);
      expect(parts(sheet, 'gallery-tile').map(t => t.classList.contains('at-cap'))).to.deep.equal([false, false, false]);
      expect(items(sheet)[2].getAttribute('aria-disabled')).to.equal('false');
      await animationsDone(sheet);
      await expect(sheet).to.be.accessible();
      sheet.close();
      await pending;
    });
  });

  // Issue 22: under dir=rtl on an ancestor the arrow keys moved against the layout, and the
  // preview slid the wrong way (black past the first photo).
  describe('in a right-to-left container', () => {
    let container: HTMLElement;
    beforeEach(() => {
      container = Object.assign(document.createElement('div'), {dir: 'rtl'});
      document.body.append(container);
    });
    afterEach(() => container.remove());

    it('should move focus the way the arrow points', async () => {
      const {pending, sheet} = await pick(await photos(4), {count: 2, container});
      const focused = () => sheet.shadowRoot!.activeElement!;
      await waitUntil(() => focused() === items(sheet)[0], 'focus did not move to the first image');
      const x = () => focused().getBoundingClientRect().left;
      const first = x();
      await sendKeys({press: 'ArrowLeft'});
      expect(focused() === items(sheet)[1], 'ArrowLeft moved to the second image').to.equal(true);
      expect(x(), 'the second image is to the left').to.be.below(first);
      await sendKeys({press: 'ArrowRight'});
      expect(focused() === items(sheet)[0], 'ArrowRight moved back to the first').to.equal(true);
      sheet.close();
      await pending;
    });

    it('should preview every photo on screen, paged by the arrow pointing to it', async () => {
      const {pending, sheet} = await pick(await photos(3), {count: 3, container});
      await clickOn(items(sheet)[0].closest('[part~="gallery-tile"]')!.querySelector('.photo')!);
      await waitUntil(() => viewerOpen(sheet), 'the preview did not open', {timeout: 5000});
      const indicator = () => viewer(sheet)!.shadowRoot!.querySelector('[part~="indicator"]')!;
      for (const n of [2, 3]) {
        await sendKeys({press: 'ArrowLeft'});
        await waitUntil(() => viewer(sheet)!.current === n - 1, `not on photo ${n}`, {timeout: 5000});
        await waitUntil(() => shownImage(sheet)?.complete && shownImage(sheet)!.naturalWidth > 0, `photo ${n} did not load`, {timeout: 5000});
        await animationsDone(viewer(sheet)!);
        expect(coversMiddle(shownImage(sheet)!), `photo ${n} is on screen`).to.equal(true);
        expect(digitsOnScreen(indicator()), 'the counter, read from the left').to.equal(`${n}3`);
      }
      sheet.close();
      await pending;
    });
  });

  describe('count 1: one step, not two', () => {
    it('should review the pick large with 原图, choose again with 重选, and return it with 使用照片', async () => {
      const [first, second] = await photos(2);
      const {pending, sheet} = await pick([first]);
      expect(items(sheet), 'no one-tile grid').to.have.length(0);
      const shown = () => sheet.shadowRoot!.querySelector<HTMLImageElement>('[part~="gallery"] img');
      await waitUntil(() => shown()?.complete && shown()!.naturalWidth === 320, 'the pick is not shown large');
      expect(part(sheet, 'confirm')!.textContent!.trim()).to.equal('使用照片');
      expect(part(sheet, 'original-toggle')!.getAttribute('aria-checked')).to.equal('false');
      await chooseFiles(part(sheet, 'retake')!, [second]);
      await waitUntil(() => shown()?.alt === 'photo-2.jpg' && shown()!.complete && shown()!.naturalWidth === 336, '重选 did not replace the pick');
      await clickOn(part(sheet, 'original-toggle')!);
      await animationsDone(sheet);
      await expect(sheet).to.be.accessible();
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => [f.file.name, f.size])).to.deep.equal([['photo-2.jpg', second.size]]);
    });

    it('should review a huge pick through a screen-size copy, and return the picked bytes', async function () {
      this.timeout(30000);
      // 6000×6000 (36 MP): shown as itself, its <img> would hold a 144 MB bitmap.
      const huge = asFile(await makeImage(6000, 6000, 'image/jpeg', {quality: 0.9}), 'huge.jpg');
      const {pending, sheet} = await pick([huge]);
      const shown = () => sheet.shadowRoot!.querySelector<HTMLImageElement>('[part~="gallery"] img');
      await waitUntil(() => shown()?.complete && shown()!.naturalWidth > 0, 'the pick is not shown', {timeout: 15000});
      expect(Math.max(shown()!.naturalWidth, shown()!.naturalHeight), 'no larger than the screen (at most 2048)').to.be.at.most(Math.min(2048, Math.ceil(Math.max(screen.width, screen.height) * devicePixelRatio)));
      await clickOn(part(sheet, 'original-toggle')!);
      await clickOn(part(sheet, 'confirm')!);
      const result = (await pending) as ChooseImageResult;
      expect(result.tempFiles.map(f => [f.file.name, f.size, f.width, f.height])).to.deep.equal([['huge.jpg', huge.size, 6000, 6000]]);
    });

    // Issue 22: with both size types an unusable pick showed a blank card, an empty message line
    // and a disabled 使用照片, with nothing to say why.
    for (const [what, file] of [
      ['a corrupt JPEG', () => corruptJpeg('broken.jpg')],
      ['a PDF', () => new File(['%PDF-1.4 not an image'], 'report.pdf', {type: 'application/pdf'})],
    ] as const) {
      it(`should say why ${what} cannot be used, with both size types, and take another pick with 重选`, async () => {
        const {pending, sheet} = await pick([file()]);
        const name = file().name;
        await waitUntil(() => part(sheet, 'message')?.textContent?.includes(`${name}，无法读取此图片`), 'the message line does not say why', {timeout: 5000});
        expect(part<HTMLButtonElement>(sheet, 'confirm')!.disabled, '使用照片 is disabled').to.equal(true);
        const retake = part<HTMLButtonElement>(sheet, 'retake')!;
        expect(retake.checkVisibility() && !retake.disabled, '重选 is offered').to.equal(true);
        expect(retake.classList.contains('primary'), '重选 is the action to take').to.equal(true);
        const [photo] = await photos(1);
        await chooseFiles(retake, [photo]);
        const shown = () => sheet.shadowRoot!.querySelector<HTMLImageElement>('[part~="gallery"] img');
        await waitUntil(() => shown()?.complete && shown()!.naturalWidth === 320, 'the new pick is not shown', {timeout: 5000});
        expect(part(sheet, 'message')!.textContent!.trim(), 'the old message is gone').to.equal('');
        await clickOn(part(sheet, 'confirm')!);
        const result = (await pending) as ChooseImageResult;
        expect(result.tempFiles.map(f => [f.width, f.height]), 'the new pick is returned').to.deep.equal([[320, 240]]);
      });
    }

    it('should return an unusable pick never, and say so with 重选 at hand', async () => {
      const pending = chooseImage({sourceType: ['album', 'camera'], sizeType: ['compressed']}).then(r => r, e => e as ChooseImageError);
      const sheet = await openedSheet();
      await chooseFiles(part(sheet, 'action-album')!, [corruptJpeg()]);
      await waitUntil(() => part(sheet, 'message')?.textContent?.includes('无法读取'), 'no message about the unusable pick', {timeout: 5000});
      expect(sheet.open).to.equal(true);
      expect(part<HTMLButtonElement>(sheet, 'confirm')!.disabled).to.equal(true);
      expect(part(sheet, 'retake')).to.exist;
      sheet.close();
      expect(((await pending) as ChooseImageError).error).to.equal(11);
    });
  });

  describe('files pasted or dropped while the chosen images are processed', () => {
    type Give = (target: Element, file: File) => void;
    const drop: Give = (target, file) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(file);
      target.dispatchEvent(new DragEvent('drop', {dataTransfer, bubbles: true, composed: true, cancelable: true}));
    };
    const paste: Give = (target, file) => {
      const clipboardData = new DataTransfer();
      clipboardData.items.add(file);
      target.dispatchEvent(new ClipboardEvent('paste', {clipboardData, bubbles: true, composed: true, cancelable: true}));
    };

    /**
     * Records what the sheet shows after every change (tiles, badges, 完成's text, the message,
     * the image under review), and gives `file` the moment it first says 正在处理… — in the
     * observer's callback, so while the processing surely goes on.
     */
    function watch(sheet: ChooseImageSheet, give: Give, file: File) {
      const seen: Shown[] = [];
      let givenAt = -1;
      const observer = new MutationObserver(() => {
        const review = sheet.shadowRoot!.querySelector<HTMLImageElement>('img.review');
        // `review` is '' where count 1's card shows no image, and absent once the view is gone.
        const stage = sheet.shadowRoot!.querySelector('.single [part~="gallery"]') ? (review?.alt ?? '') : undefined;
        seen.push({badges: badges(sheet), confirm: part(sheet, 'confirm')?.textContent?.trim(), message: part(sheet, 'message')?.textContent ?? undefined, review: stage});
        if (givenAt < 0 && part(sheet, 'message')?.textContent?.includes('正在处理')) {
          givenAt = seen.length - 1;
          give(part(sheet, 'gallery') ?? sheet.shadowRoot!.querySelector('dialog')!, file);
        }
      });
      observer.observe(sheet.shadowRoot!, {subtree: true, childList: true, characterData: true, attributes: true});
      return {
        seen,
        given: () => givenAt >= 0,
        /** What the sheet showed from the moment the file was given. */
        since: () => seen.slice(givenAt),
        stop: () => observer.disconnect(),
      };
    }
    type Shown = {badges: string[]; confirm?: string; message?: string; review?: string};

    /**
     * The call's result, or a failure naming what the sheet showed if it stayed open and idle
     * (no longer 正在处理…, 重选 enabled) once the file was given: a call left open.
     */
    async function outcome(sheet: ChooseImageSheet, pending: Promise<unknown>, watching: ReturnType<typeof watch>) {
      let settled = false;
      const result = pending.finally(() => (settled = true));
      const idle = () => watching.given() && !!sheet.shadowRoot!.querySelector('dialog[open]') && part<HTMLButtonElement>(sheet, 'retake')?.disabled === false;
      await waitUntil(() => settled || idle(), 'the call neither returned nor stopped processing', {timeout: 20000});
      watching.stop();
      expect(settled, `the call stayed open, saying "${part(sheet, 'message')?.textContent}"`).to.equal(true);
      return (await result) as ChooseImageResult;
    }

    /** A (landscape) and B (portrait), large enough that their processing is seen. */
    const twoPhotos = async () => [asFile(await makeImage(3000, 2000, 'image/jpeg', {seed: 1}), 'A.jpg'), asFile(await makeImage(2000, 3000, 'image/jpeg', {seed: 2}), 'B.jpg')];

    /** The result is A alone: its bytes for original, A's shape at most 1920 px for compressed. */
    function expectPickReturned(result: ChooseImageResult, a: File, sizeType: 'compressed' | 'original') {
      expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal(sizeType === 'original' ? [[3000, 2000]] : [[1920, 1280]]);
      if (sizeType === 'original') expect(result.tempFiles[0].size).to.equal(a.size);
    }

    /** Nothing shown claimed that B was chosen or that A could not be used. */
    function expectNothingClaimed(seen: Shown[]) {
      expect(seen.filter(s => s.review === 'B.jpg' || s.message?.includes('B.jpg')), 'B was shown as the pick').to.deep.equal([]);
      expect(seen.filter(s => s.message?.includes('无法读取')), 'A was said to be unusable').to.deep.equal([]);
    }

    const ways: Array<[string, Give, Partial<Record<'firefox', string>>]> = [
      ['dropped', drop, {}],
      ['pasted', paste, {firefox: 'a page cannot make a paste event that carries files (its clipboardData is ignored), and no driver pastes files'}],
    ];
    for (const [how, give, skips] of ways) {
      itExceptIn(skips, `should refuse a file ${how} during 正在处理… with count 3, saying so, and return the two the sheet showed`, async function () {
        this.timeout(30000);
        const [a, b, c] = await Promise.all([3000, 3100, 3200].map(async (w, i) => asFile(await makeImage(w, 2000, 'image/jpeg', {seed: i + 1}), `big-${i + 1}.jpg`)));
        const {pending, sheet} = await pick([a, b], {count: 3});
        const watching = watch(sheet, give, c);
        await clickOn(part(sheet, 'confirm')!);
        const result = (await pending) as ChooseImageResult;
        watching.stop();
        expect(watching.given(), 'the sheet never said 正在处理…').to.equal(true);
        const shown = watching.seen;
        expect(shown.filter(s => s.badges.length > 2 || s.confirm === '完成 (3/3)'), 'a third image was shown as chosen').to.deep.equal([]);
        expect(result.tempFiles.map(f => [f.width, f.height])).to.deep.equal([[1920, 1280], [1920, 1239]]);
        expect(shown.some(s => s.message === '正在处理，处理完再添加图片'), 'the refusal was not said').to.equal(true);
      });

      // Count 1 with one size type: the pick is the choice and is returned at once, so a person
      // who drops or pastes another image the moment the sheet shows it is already too late.
      // Before the refusal the second file replaced the first, whose result was dropped: the call
      // stayed open saying "A.jpg，无法读取此图片" (or returned A while the sheet showed B).
      for (const sizeType of ['compressed', 'original'] as const) {
        itExceptIn(skips, `should refuse a file ${how} right after a count-1 pick returned at once (${sizeType}), saying so, and return the pick`, async function () {
          this.timeout(40000);
          const [a, b] = await twoPhotos();
          const pending = chooseImage({sourceType: ['camera', 'album'], sizeType: [sizeType]});
          const sheet = await openedSheet();
          const watching = watch(sheet, give, b);
          await chooseFiles(part(sheet, 'action-album')!, [a]);
          const result = await outcome(sheet, pending, watching);
          expect(watching.given(), 'the sheet never said 正在处理…').to.equal(true);
          expectPickReturned(result, a, sizeType);
          expectNothingClaimed(watching.seen);
          expect(watching.seen.some(s => s.message === '正在处理，处理完再添加图片'), 'the refusal was not said').to.equal(true);
        });
      }

      // Count 1 with both size types: the pick is reviewed, 使用照片 starts the processing, and
      // the photo under review stays what is returned until the sheet closes.
      for (const sizeType of ['compressed', 'original'] as const) {
        itExceptIn(skips, `should refuse a file ${how} during 使用照片's 正在处理… with count 1 (${sizeType === 'original' ? '原图 on' : '原图 off'}), keeping the photo under review, and return it`, async function () {
          this.timeout(40000);
          const [a, b] = await twoPhotos();
          const {pending, sheet} = await pick([a]);
          await waitUntil(() => sheet.shadowRoot!.querySelector<HTMLImageElement>('img.review')?.complete, 'the pick was not shown for review', {timeout: 10000});
          if (sizeType === 'original') await clickOn(part(sheet, 'original-toggle')!);
          const watching = watch(sheet, give, b);
          await clickOn(part(sheet, 'confirm')!);
          const result = await outcome(sheet, pending, watching);
          expect(watching.given(), 'the sheet never said 正在处理…').to.equal(true);
          expectPickReturned(result, a, sizeType);
          expectNothingClaimed(watching.seen);
          const changed = watching.since().filter(s => s.review !== undefined && s.review !== 'A.jpg');
          expect(changed, 'the photo under review changed before the sheet closed').to.deep.equal([]);
          expect(watching.seen.some(s => s.message === '正在处理，处理完再添加图片'), 'the refusal was not said').to.equal(true);
        });
      }
    }
  });
});
