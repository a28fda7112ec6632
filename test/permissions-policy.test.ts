// A camera the embedder's Permissions Policy forbids (a cross-origin frame without
// allow="camera") is not the user's refusal: no setting can fix it, so it is "camera
// unavailable" (SPEC §2 fallbacks), never 2001/2002.
import {expect, waitUntil} from '@open-wc/testing';
import {itExceptIn} from './helpers/engine.js';

describe('camera forbidden by Permissions Policy', () => {
  // Only Chromium can tell a camera forbidden by the embedder (document.featurePolicy); elsewhere
  // getUserMedia's NotAllowedError cannot be told from a refusal, and stays 2001 (README).
  const cannotTell = 'the browser cannot tell a Permissions Policy block from a refusal (no document.featurePolicy)';
  itExceptIn({firefox: cannotTell, webkit: cannotTell}, 'should offer no 拍照, then the fallbacks for a camera-only call, and never fail with 2002', async function () {
    this.timeout(30000);
    const got: Record<string, Record<string, unknown>> = {};
    const onMessage = (e: MessageEvent) => e.data?.policyFrame && (got[e.data.step] = e.data);
    addEventListener('message', onMessage);
    // 127.0.0.1 is another origin than this page's localhost, so the frame is cross-origin.
    const frame = Object.assign(document.createElement('iframe'), {src: `http://127.0.0.1:${location.port}/test/policy/frame.html`});
    document.body.append(frame);
    try {
      await waitUntil(() => got['camera-settled'], 'the frame did not report', {timeout: 25000});
    } finally {
      removeEventListener('message', onMessage);
      frame.remove();
    }
    expect(got.actions.camera, 'no 拍照 button').to.equal(0);
    expect(got.actions.actions, 'album and cancel').to.equal(2);
    expect(got['actions-settled'].code).to.equal(11);
    expect(got.camera.settledEarly, 'the camera-only call went on').to.equal(undefined);
    expect(got.camera.message).to.include('无法使用摄像头');
    expect(got.camera.fallbacks).to.include('用系统相机拍照');
    expect(got.camera.fallbacks).to.include('从相册选择');
    expect(got.camera.gumCalls, 'getUserMedia was not called').to.equal(0);
    expect(got['camera-settled'].code).to.equal(11);
  });
});
