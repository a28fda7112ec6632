// Runs in a browser with no camera at all: the sheet explains and offers the system camera
// and the album instead of failing.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, ChooseImageError} from '../../src/index.js';
import {chooseFiles, makeImage, asFile, openedSheet, part, partReady, recordStreams, failure} from '../helpers/index.js';

describe('no camera', () => {
  it('should say so in words and offer the system camera and the album', async () => {
    const rec = recordStreams();
    const pending = failure(chooseImage({sourceType: ['camera', 'album']}));
    const sheet = await openedSheet();
    part(sheet, 'action-camera')!.click();
    const message = await partReady(sheet, 'message');
    await waitUntil(() => message.textContent!.includes('无法使用摄像头'), 'no message about the camera');
    expect(message.getAttribute('role')).to.equal('status');
    const systemCamera = sheet.shadowRoot!.querySelector<HTMLInputElement>('input[capture]')!;
    expect(systemCamera.accept).to.equal('image/*');
    const buttons = [...sheet.shadowRoot!.querySelectorAll('.fallbacks button')].map(b => b.textContent!.trim());
    expect(buttons).to.include('用系统相机拍照');
    expect(part(sheet, 'action-album')).to.exist;
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
});
