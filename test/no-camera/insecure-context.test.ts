// An insecure context (http:// on a name that is not localhost) has no navigator.mediaDevices:
// the sheet explains in words and offers the system camera and the album, and still cancels with 11.
import {expect} from '@open-wc/testing';

const messages = () => {
  const got: Array<Record<string, unknown>> = [];
  addEventListener('message', e => e.data?.insecureFrame && got.push(e.data));
  return got;
};

describe('insecure context', () => {
  it('should offer the fallbacks, not fail, when the page is not a secure context', async () => {
    const got = messages();
    const frame = Object.assign(document.createElement('iframe'), {
      // insecure.test is mapped to the test server by --host-resolver-rules (web-test-runner.config.mjs)
      src: `http://insecure.test:${location.port}/test/insecure/frame.html`,
    });
    document.body.append(frame);
    const deadline = Date.now() + 15000;
    while (got.length < 2 && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
    frame.remove();
    const [shown, settled] = got;
    expect(shown, 'the frame reported').to.exist;
    expect(shown.secure).to.equal(false);
    expect(shown.mediaDevices).to.equal(false);
    expect(shown.message).to.include('无法使用摄像头');
    expect(shown.fallbacks).to.include('用系统相机拍照');
    expect(shown.fallbacks).to.include('从相册选择');
    expect(settled?.code).to.equal(11);
  });
});
