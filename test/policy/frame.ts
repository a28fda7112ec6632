// Runs in a cross-origin frame that the embedder did not allow the camera: reports what the
// action sheet and the camera view offer, and how each call ends, to the parent page.
import {chooseImage} from '../../src/index.js';

const report = (data: object) => parent.postMessage({policyFrame: true, ...data}, '*');
const root = () => document.querySelector('choose-image-sheet')?.shadowRoot;
const parts = (name: string) => [...(root()?.querySelectorAll(`[part~="${name}"]`) ?? [])];
const until = async (ready: () => boolean) => {
  for (const started = performance.now(); !ready() && performance.now() - started < 10000; ) await new Promise(r => setTimeout(r, 50));
};
const outcome = (p: Promise<unknown>) => p.then(() => 'resolved', (e: {error: number}) => e.error);

let gumCalls = 0;
const md = navigator.mediaDevices;
const real = md.getUserMedia.bind(md);
md.getUserMedia = c => (gumCalls++, real(c));

// Both sources: the action sheet.
let pending = outcome(chooseImage({sourceType: ['camera', 'album']}));
await until(() => parts('action-cancel').length > 0);
report({
  step: 'actions',
  policyAllows: (document as {featurePolicy?: {allowsFeature(f: string): boolean}}).featurePolicy?.allowsFeature('camera'),
  actions: parts('action-camera').length + parts('action-album').length + parts('action-cancel').length,
  camera: parts('action-camera').length,
});
document.querySelector('choose-image-sheet')?.close();
report({step: 'actions-settled', code: await pending});

// The camera alone: the view says so and offers the fallbacks, and the call goes on.
pending = outcome(chooseImage({sourceType: ['camera']}));
let settledEarly: unknown;
void pending.then(code => (settledEarly = code));
await until(() => settledEarly !== undefined || !!root()?.querySelector('.fallbacks'));
report({
  step: 'camera',
  settledEarly,
  message: parts('message')[0]?.textContent?.trim() ?? '',
  fallbacks: [...(root()?.querySelectorAll('.fallbacks button') ?? [])].map(b => b.textContent!.trim()),
  gumCalls,
});
document.querySelector('choose-image-sheet')?.close();
report({step: 'camera-settled', code: await pending});
