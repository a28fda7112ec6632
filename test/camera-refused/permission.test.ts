// Runs in a browser launched with --deny-permission-prompts: a camera prompt is refused, and
// the site is then blocked, as a person who tapped "Block" would leave it.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {chooseImage, ChooseImageError} from '../../src/index.js';
import {clickOn, failure, openedSheet, part, recordStreams, recorder, sheetsGone} from '../helpers/index.js';

const cameraPermission = async () => (await navigator.permissions.query({name: 'camera' as PermissionName})).state;

describe('camera permission refused', () => {
  let rec: ReturnType<typeof recordStreams>;
  beforeEach(() => (rec = recordStreams()));
  afterEach(() => rec.restore());

  it('should fail with 2001 when the prompt is refused, and leave no track running', async () => {
    await executeServerCommand('set-camera-permission', {setting: 'prompt'});
    expect(await cameraPermission()).to.equal('prompt');
    const calls = recorder();
    const pending = failure(chooseImage({...calls}));
    const sheet = await openedSheet();
    await clickOn(part(sheet, 'action-camera')!);
    const err = await pending;
    expect(JSON.stringify(err)).to.equal('{"error":2001,"errorMessage":"用户不允许授权"}');
    expect(calls.calls).to.deep.equal(['fail', 'complete']);
    expect(rec.liveTracks()).to.have.length(0);
    await sheetsGone();
  });

  // Runs after the refusal above, as the same person's next tap would.
  it('should give 2002 to the next call after a refusal', async () => {
    await waitUntil(async () => (await cameraPermission()) === 'denied', 'the refusal did not block the site');
    const second = await failure(chooseImage({sourceType: ['camera']}));
    expect(second.error).to.equal(2002);
  });

  it('should fail at once with 2002 when the camera was blocked before the call', async () => {
    await executeServerCommand('set-camera-permission', {setting: 'denied'});
    expect(await cameraPermission()).to.equal('denied');
    const err = await failure(chooseImage({sourceType: ['camera']}));
    expect(err.error).to.equal(2002);
    expect(err.errorMessage).to.contain('请在浏览器的网站设置中允许使用摄像头');
    expect(rec.streams).to.have.length(0);
  });
});
