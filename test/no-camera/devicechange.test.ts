// Runs in a browser with no camera at all: a devicechange whose real list still has no camera
// keeps the message and the fallbacks, and asks getUserMedia nothing more. (That a camera
// plugged in starts the live view at once is tested where the list has cameras:
// camera-controller.test.ts and camera-devices.test.ts.)
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage} from '../../src/index.js';
import {openedSheet, part, recordStreams, failure} from '../helpers/index.js';

describe('no camera, then a devicechange', () => {
  it('should keep the no-camera message and the fallbacks while the real list has no camera', async () => {
    const rec = recordStreams();
    const pending = failure(chooseImage({sourceType: ['camera']}));
    const sheet = await openedSheet();
    await waitUntil(() => part(sheet, 'message')?.textContent!.includes('无法使用摄像头'), 'no message about the camera', {timeout: 5000});
    const asked = rec.errors.length;
    expect(asked, 'getUserMedia was asked and found no camera').to.be.greaterThan(0);
    expect((await navigator.mediaDevices.enumerateDevices()).filter(d => d.kind === 'videoinput')).to.have.length(0);

    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await new Promise(r => setTimeout(r, 500)); // the sheet reads the real list: still none
    expect(rec.errors.length, 'no new getUserMedia').to.equal(asked);
    expect(rec.streams).to.have.length(0);
    expect(part(sheet, 'message')!.textContent).to.include('无法使用摄像头');
    expect(sheet.shadowRoot!.querySelector('.fallbacks')).to.exist;
    rec.restore();
    sheet.close();
    expect((await pending).error).to.equal(11);
  });
});
