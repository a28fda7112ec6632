// Runs in a browser with no camera at all: the sheet explains and offers the system camera
// and the album instead of failing.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, ChooseImageError} from '../../src/index.js';
import {chooseFiles, clickOn, makeImage, asFile, openedSheet, part, partReady, recordStreams, failure} from '../helpers/index.js';

describe('no camera', () => {
  it('should say there is no camera in the action sheet instead of offering a dead 拍照, where the browser lists devices', async () => {
    // Chromium here lists its fake microphones and no camera; a browser that lists nothing
    // before permission (Safari) cannot tell, and keeps 拍照, which then offers the fallbacks.
    const listed = (await navigator.mediaDevices.enumerateDevices()).length > 0;
    const pending = failure(chooseImage({sourceType: ['camera', 'album']}));
    const sheet = await openedSheet();
    if (listed) {
      await waitUntil(() => part(sheet, 'message')?.textContent === '此设备没有摄像头', 'the action sheet did not say so', {timeout: 5000});
      expect(part(sheet, 'action-camera') === null, 'no dead 拍照').to.equal(true);
    } else {
      expect(part(sheet, 'action-camera')).to.exist;
    }
    expect(part(sheet, 'action-album')).to.exist;
    sheet.close();
    expect((await pending).error).to.equal(11);
  });

  it('should say so in words and offer the system camera and the album, with no dead shutter or 完成', async () => {
    const rec = recordStreams();
    const pending = failure(chooseImage({sourceType: ['camera'], count: 3}));
    const sheet = await openedSheet();
    const message = await partReady(sheet, 'message');
    await waitUntil(() => message.textContent!.includes('无法使用摄像头'), 'no message about the camera');
    expect(message.getAttribute('role')).to.equal('status');
    const systemCamera = sheet.shadowRoot!.querySelector<HTMLInputElement>('input[capture]')!;
    expect(systemCamera.accept).to.equal('image/*');
    const buttons = [...sheet.shadowRoot!.querySelectorAll('.fallbacks button')].map(b => b.textContent!.trim());
    expect(buttons).to.include('用系统相机拍照');
    expect(part(sheet, 'action-album')).to.exist;
    expect(part(sheet, 'shutter') === null && part(sheet, 'confirm') === null, 'no dead shutter, no disabled 完成 (0/3)').to.equal(true);
    expect(sheet.open).to.equal(true);
    expect(rec.liveTracks()).to.have.length(0);
    rec.restore();
    sheet.close();
    expect((await pending).error).to.equal(11);
  });

  it('should return a photo from the system camera input', async () => {
    const photo = asFile(await makeImage(640, 480), 'camera.jpg');
    const pending = chooseImage({sourceType: ['camera'], sizeType: ['original']});
    const sheet = await openedSheet();
    await waitUntil(() => sheet.shadowRoot!.querySelector('.fallbacks'), 'no fallbacks offered');
    expect(part(sheet, 'action-album'), 'SPEC: the album is offered even for sourceType camera').to.exist;
    const systemCameraButton = [...sheet.shadowRoot!.querySelectorAll<HTMLElement>('.fallbacks button')].find(b =>
      b.textContent!.includes('系统相机')
    )!;
    await chooseFiles(systemCameraButton, [photo]);
    const result = await pending;
    expect(result.tempFiles).to.have.length(1);
    expect(result.tempFiles[0].size).to.equal(photo.size);
    expect(result.tempFiles[0].width).to.equal(640);
  });

  it('should take several photos with the system camera for count > 1, then return them', async () => {
    const shots = await Promise.all([1, 2].map(async i => asFile(await makeImage(640 + i * 16, 480, 'image/jpeg', {seed: i}), `system-${i}.jpg`)));
    const pending = chooseImage({sourceType: ['camera'], count: 3, sizeType: ['original']});
    const sheet = await openedSheet();
    await waitUntil(() => sheet.shadowRoot!.querySelector('.fallbacks'), 'no fallbacks offered', {timeout: 5000});
    const systemCamera = () => [...sheet.shadowRoot!.querySelectorAll<HTMLElement>('.fallbacks button')].find(b => b.textContent!.includes('系统相机'))!;
    for (const [i, shot] of shots.entries()) {
      await chooseFiles(systemCamera(), [shot]);
      await waitUntil(() => sheet.shadowRoot!.querySelectorAll('.strip li').length === i + 1, `photo ${i + 1} did not join the shots`, {timeout: 5000});
    }
    expect(part(sheet, 'confirm')!.textContent!.trim()).to.equal('完成 (2/3)');
    await clickOn(part(sheet, 'confirm')!);
    const result = await pending;
    expect(result.tempFiles.map(f => [f.file.name, f.width])).to.deep.equal([
      ['system-1.jpg', 656],
      ['system-2.jpg', 672],
    ]);
  });
});
