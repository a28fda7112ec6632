// Runs in a browser where the camera is blocked for the site before any call: Chromium sets
// the site's permission to denied through CDP; Firefox is launched with the camera denied for
// every site. (WebKitGTK's automation cannot block the camera: no such group there.)
import {expect} from '@open-wc/testing';
import {chooseImage} from '../../src/index.js';
import {blockCamera, failure, recordStreams, recorder, sheetsGone} from '../helpers/index.js';

const cameraPermission = async () => (await navigator.permissions.query({name: 'camera' as PermissionName})).state;

describe('camera blocked before the call', () => {
  before(() => blockCamera());

  it('should fail at once with 2002, saying where to allow it, without asking for the camera', async () => {
    expect(await cameraPermission()).to.equal('denied');
    const rec = recordStreams();
    const calls = recorder();
    const err = await failure(chooseImage({sourceType: ['camera'], ...calls}));
    rec.restore();
    expect(err.error).to.equal(2002);
    expect(err.errorMessage).to.contain('请在浏览器的网站设置中允许使用摄像头');
    expect(calls.calls).to.deep.equal(['fail', 'complete']);
    expect(rec.streams).to.have.length(0);
    expect(rec.errors).to.deep.equal([]);
    await sheetsGone();
  });
});
