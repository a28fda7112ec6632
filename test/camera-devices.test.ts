// Cameras that come and go, in the sheet: the switch follows the real list of cameras, and a
// camera unplugged in use leaves the message and the fallbacks until it is back. The rig cannot
// plug a camera in or out, so the unplug is the track's `ended` event and the plug-in is the
// `devicechange` event the browser would fire; the device list read after it is the real one.
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage, type ChooseImageError} from '../src/index.js';
import {openedSheet, part, partReady, recordStreams, videoPlaying} from './helpers/index.js';

const cameras = async () => (await navigator.mediaDevices.enumerateDevices()).filter(d => d.kind === 'videoinput').length;

async function openCamera() {
  const pending = chooseImage({sourceType: ['camera']}).then(
    r => r,
    e => e as ChooseImageError
  );
  const sheet = await openedSheet();
  await videoPlaying(await partReady<HTMLVideoElement>(sheet, 'video'));
  return {pending, sheet};
}

describe('<choose-image-sheet> cameras that come and go', () => {
  let rec: ReturnType<typeof recordStreams>;
  beforeEach(() => (rec = recordStreams()));
  afterEach(() => {
    rec.restore();
    document.querySelectorAll('choose-image-sheet').forEach(el => el.remove());
  });

  it('should show switch-camera exactly when the real list has more than one camera, also after a devicechange', async () => {
    const {pending, sheet} = await openCamera();
    const count = await cameras();
    await waitUntil(() => !!part(sheet, 'switch-camera') === count > 1, `switch-camera should ${count > 1 ? '' : 'not '}show for ${count} camera(s)`, {timeout: 5000});
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await new Promise(r => setTimeout(r, 300)); // the sheet reads the real list again
    expect(!!part(sheet, 'switch-camera'), `${count} camera(s)`).to.equal(count > 1);
    expect(rec.streams, 'the live camera was left alone').to.have.length(1);
    sheet.close();
    expect(((await pending) as ChooseImageError).error).to.equal(11);
  });

  it('should show the message and the fallbacks when the camera in use is unplugged, and the live camera as soon as it is back', async () => {
    const {pending, sheet} = await openCamera();
    rec.streams[0].getVideoTracks()[0].dispatchEvent(new Event('ended'));
    await waitUntil(() => part(sheet, 'message')!.textContent!.includes('摄像头已断开'), 'no message', {timeout: 5000});
    expect(part(sheet, 'video')!.checkVisibility()).to.equal(false);
    expect(sheet.shadowRoot!.querySelector('input[capture]'), 'the system camera is offered').to.exist;
    expect(part(sheet, 'action-album'), 'the album is offered').to.exist;
    expect(rec.liveTracks()).to.have.length(0);

    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await videoPlaying(await partReady<HTMLVideoElement>(sheet, 'video'));
    // The sheet says 正在启动相机… until its first frame's loadeddata has been handled, which
    // can come a task after the video's readyState already says it has one (WebKit under load).
    await waitUntil(() => part(sheet, 'message')!.hidden, `the message stays: ${part(sheet, 'message')!.textContent}`, {timeout: 5000});
    expect(sheet.shadowRoot!.querySelector('.fallbacks') === null, 'the fallbacks are gone').to.equal(true);
    expect(rec.liveTracks()).to.have.length(1);
    sheet.close();
    expect(((await pending) as ChooseImageError).error).to.equal(11);
    expect(rec.liveTracks()).to.have.length(0);
  });
});
