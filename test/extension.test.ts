// The `extension` option (uni-app's): it sets the album picker's `accept`, and a picked file of
// another extension shows as unusable with the reason and is never returned. Real files through
// the real file chooser.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {acceptFor} from '../src/accept.js';
import {chooseImage, type ChooseImageError, type ChooseImageResult, type ChooseImageSheet} from '../src/index.js';
import {asFile, chooseFiles, clickOn, makeImage, openedSheet, part, partReady, parts} from './helpers/index.js';

const albumInput = (sheet: ChooseImageSheet) => sheet.shadowRoot!.querySelector<HTMLInputElement>('input.album')!;
const items = (sheet: ChooseImageSheet) => parts<HTMLButtonElement>(sheet, 'gallery-item');

const userAgents = {
  desktopChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 14; PJA110 Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300333 MMWEBSDK/20241103 MMWEBID/2586 MicroMessenger/8.0.55.2780(0x28003737) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  androidWebView: 'Mozilla/5.0 (Linux; Android 13; SM-S911B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36',
  androidChrome: 'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  wechatIPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003237) NetType/WIFI Language/zh_CN',
};

describe('extension option', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet').forEach(el => el.remove()));

  it('should build accept from the extensions, with image/* first only in Android in-app browsers', () => {
    const table: Array<[string[] | undefined, string, string]> = [
      [undefined, userAgents.desktopChrome, 'image/*'],
      [undefined, userAgents.wechatAndroid, 'image/*'],
      [['png'], userAgents.desktopChrome, '.png'],
      [['jpg', 'jpeg', 'png'], userAgents.androidChrome, '.jpg,.jpeg,.png'],
      [['jpg', 'jpeg', 'png'], userAgents.wechatAndroid, 'image/*,.jpg,.jpeg,.png'],
      [['png'], userAgents.androidWebView, 'image/*,.png'],
      [['png'], userAgents.wechatIPhone, '.png'],
    ];
    for (const [extension, ua, accept] of table) expect(acceptFor(extension, ua), `${extension} ${ua}`).to.equal(accept);
  });

  it('should keep image/* by default and set the picker to the extensions given, jpg and jpeg as one', async () => {
    let pending = chooseImage().catch(e => e);
    let sheet = await openedSheet();
    expect(albumInput(sheet).accept).to.equal('image/*');
    sheet.close();
    await pending;

    pending = chooseImage({extension: ['PNG', '.jpg']}).catch(e => e);
    sheet = await openedSheet();
    expect(albumInput(sheet).accept).to.equal(acceptFor(['png', 'jpg', 'jpeg']));
    expect(acceptFor(['png', 'jpg', 'jpeg'], userAgents.desktopChrome)).to.equal('.png,.jpg,.jpeg');
    sheet.close();
    await pending;
  });

  it('should say the value it got when extension is invalid', async () => {
    const err = (await chooseImage({extension: ['image/png']} as never).catch(e => e)) as ChooseImageError;
    expect(err.error).to.equal(2);
    expect(err.errorMessage).to.contain('extension');
    expect(err.errorMessage).to.contain('["image/png"]');
  });

  it('should mark picked files of other extensions unusable with the reason, and return only the allowed ones', async () => {
    const png = asFile(await makeImage(320, 240, 'image/png'), 'allowed.png');
    const jpg = asFile(await makeImage(320, 240, 'image/jpeg'), 'other.jpg');
    const webp = asFile(await makeImage(320, 240, 'image/webp'), 'other.webp');
    const pending = chooseImage({count: 3, extension: ['png'], sizeType: ['original']}).then(
      r => r,
      e => e as ChooseImageError
    );
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, [jpg, png, webp]);
    await partReady(sheet, 'gallery');
    await waitUntil(() => items(sheet).length === 3, 'not every file reached the gallery', {timeout: 5000});
    const [first, second, third] = items(sheet);
    for (const [item, name] of [
      [first, 'other.jpg'],
      [third, 'other.webp'],
    ] as const) {
      expect(item.getAttribute('aria-label')).to.equal(`${name}，仅支持 png 格式`);
      expect(item.getAttribute('aria-disabled')).to.equal('true');
      expect(item.getAttribute('aria-pressed')).to.equal('false');
      expect(item.closest('[part~="gallery-tile"]')!.querySelector('.unusable-badge')!.textContent).to.equal('无法使用');
    }
    expect(second.getAttribute('aria-pressed')).to.equal('true');
    expect(part(sheet, 'message')!.textContent).to.contain('仅支持 png 格式');
    await clickOn(first); // refused: an excluded file never becomes selectable
    expect(first.getAttribute('aria-pressed')).to.equal('false');
    expect(part(sheet, 'confirm')!.textContent!.trim()).to.equal('完成 (1/3)');
    await clickOn(part(sheet, 'confirm')!);
    const result = (await pending) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['allowed.png']);
    expect(result.tempFiles[0].size).to.equal(png.size);
  });

  it('should take the attribute on the element, space-separated, and accept a .jpeg for jpg', async () => {
    const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet extension="jpg" count="2" size-type="original"></choose-image-sheet>`);
    expect(el.extension).to.deep.equal(['jpg']);
    const shown = el.show().catch(e => e as ChooseImageError);
    await el.updateComplete;
    expect(albumInput(el).accept).to.equal(acceptFor(['jpg', 'jpeg']));
    const jpeg = asFile(await makeImage(320, 240, 'image/jpeg'), 'photo.JPEG');
    const png = asFile(await makeImage(320, 240, 'image/png'), 'shot.png');
    await chooseFiles(part(el, 'action-album')!, [jpeg, png]);
    await waitUntil(() => items(el).length === 2, 'not every file reached the gallery', {timeout: 5000});
    expect(items(el).map(i => i.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    expect(items(el)[1].getAttribute('aria-label')).to.equal('shot.png，仅支持 jpg、jpeg 格式');
    await clickOn(part(el, 'confirm')!);
    const result = (await shown) as ChooseImageResult;
    expect(result.tempFiles.map(f => f.file.name)).to.deep.equal(['photo.JPEG']);
  });
});
