// Runs in an insecure-context frame: opens the camera and reports what the sheet shows to the
// parent page, then cancels and reports the code.
import {chooseImage} from '../../src/index.js';

const report = (data: object) => parent.postMessage({insecureFrame: true, ...data}, '*');

const pending = chooseImage({sourceType: ['camera']}).catch((e: {error: number}) => e);
const started = performance.now();
const poll = () => {
  const root = document.querySelector('choose-image-sheet')?.shadowRoot;
  const message = root?.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
  if (!message.includes('无法使用摄像头') && performance.now() - started < 5000) return void setTimeout(poll, 50);
  report({
    secure: window.isSecureContext,
    mediaDevices: 'mediaDevices' in navigator,
    message,
    fallbacks: [...(root?.querySelectorAll('.fallbacks button') ?? [])].map(b => b.textContent!.trim()),
  });
  document.querySelector('choose-image-sheet')?.close();
  void pending.then(outcome => report({code: 'error' in outcome ? outcome.error : 'resolved'}));
};
poll();
