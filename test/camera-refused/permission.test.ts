// Runs in a browser whose camera prompt is refused: Chromium launched with
// --deny-permission-prompts, Firefox with its camera-deny preference. (WebKitGTK's automation
// cannot refuse the camera: no such group there.)
import {expect, waitUntil} from '@open-wc/testing';
import {chooseImage} from '../../src/index.js';
import {engine} from '../helpers/engine.js';
import {clickOn, openedSheet, part, recordStreams, recorder, failure, sheetsGone} from '../helpers/index.js';

const cameraPermission = async () => (await navigator.permissions.query({name: 'camera' as PermissionName})).state;

describe('camera permission refused', () => {
  let rec: ReturnType<typeof recordStreams>;
  beforeEach(() => (rec = recordStreams()));
  afterEach(() => rec.restore());

  it('should fail with 2001 when the prompt is refused, and leave no track running', async () => {
    expect(await cameraPermission()).to.equal('prompt');
    const calls = recorder();
    const pending = failure(chooseImage({...calls}));
    const sheet = await openedSheet();
    await clickOn(part(sheet, 'action-camera')!);
    const err = await pending;
    expect(JSON.stringify(err)).to.equal('{"error":2001,"errorMessage":"用户不允许授权"}');
    expect(calls.calls).to.deep.equal(['fail', 'complete']);
    expect(rec.errors).to.deep.equal(['NotAllowedError']);
    expect(rec.liveTracks()).to.have.length(0);
    await sheetsGone();
  });

  // Runs after the refusal above, as the same person's next tap would. Chromium then blocks the
  // site (2002 at once, no prompt); Firefox's refusal is not remembered, so it asks again (2001).
  if (engine === 'chromium') {
    it('should give 2002 to the next call after a refusal, without asking again', async () => {
      await waitUntil(async () => (await cameraPermission()) === 'denied', 'the refusal did not block the site', {timeout: 5000});
      const second = await failure(chooseImage({sourceType: ['camera']}));
      expect(second.error).to.equal(2002);
      expect(rec.errors).to.deep.equal([]);
    });
  } else {
    it('should ask again and give 2001 to the next call, as the browser did not remember the refusal', async () => {
      expect(await cameraPermission()).to.equal('prompt');
      const second = await failure(chooseImage({sourceType: ['camera']}));
      expect(second.error).to.equal(2001);
      expect(rec.errors).to.deep.equal(['NotAllowedError']);
    });
  }
});
