// The kit as users get it (the minified bundled build from dist/, loaded on first use) and
// helpers to drive its sheet: open, find a part's centre for a real click, close.
import {frame} from './util.js';

let kit;
/**
 * The bundled build (dist/choose-image-sheet.bundled.js): imported here, so its fetch can be
 * measured. With ?kit=src (BENCH_KIT=src), the kit from src/ instead: readable names in a profile;
 * with ?kit=<folder> (BENCH_KIT=<folder>), another build's bundle, to compare two builds run by run.
 */
export async function importKit() {
  const from = new URLSearchParams(location.search).get('kit') ?? 'dist';
  kit ??= await (from === 'src' ? import('/src/index.ts') : import(`/${from}/choose-image-sheet.bundled.js`));
  return true;
}
export const getKit = () => kit;

export const state = {sheet: undefined, call: undefined, probe: undefined};

/** The sheet chooseImage() just mounted: an ended call's sheet may still be sliding away. */
export const newestSheet = () => [...document.querySelectorAll('choose-image-sheet')].at(-1);

export const part = name => state.sheet?.shadowRoot?.querySelector(`[part~="${name}"]`);

/** The sheet's file input, which its album button opens. */
export const albumInput = () => state.sheet.shadowRoot.querySelector('input.album');

/** Resolves with pred()'s first truthy value, checked on every change in the sheet's shadow tree. */
export function waitFor(pred, timeout = 60_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = pred();
      if (!value) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${pred}`));
    }, timeout);
    if (!check()) observer.observe(state.sheet.shadowRoot, {subtree: true, childList: true, attributes: true});
  });
}

export const nextClick = () =>
  new Promise(resolve => addEventListener('click', () => resolve(performance.now()), {capture: true, once: true}));

const settle = p => p.then(value => ({ok: true, value}), error => ({ok: false, error}));

/** Opens chooseImage(options) and waits until the sheet is open and its animation is over. */
export async function open(options) {
  await importKit();
  state.call = settle(kit.chooseImage(options));
  state.sheet = newestSheet();
  await waitFor(() => state.sheet.shadowRoot.querySelector('dialog[open]'));
  await Promise.all(state.sheet.shadowRoot.getAnimations().map(a => a.finished.catch(() => {})));
}

/** Viewport centre of an enabled, laid-out part, for page.mouse.click. */
export async function center(name) {
  const el = await waitFor(() => {
    const el = part(name);
    return el && !el.disabled && el.getBoundingClientRect().width > 0 && el;
  });
  await Promise.all(state.sheet.shadowRoot.getAnimations().map(a => a.finished.catch(() => {})));
  const r = el.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}

/** Cancels the open call (if any) and returns its error code. */
export async function close() {
  if (!state.call) return 'resolved'; // an arm*() probe took the result already
  state.sheet?.close();
  const outcome = await state.call;
  state.sheet = state.call = undefined;
  await frame();
  return outcome.ok ? 'resolved' : outcome.error.error;
}

/**
 * Clicks confirm (in the page) as soon as it is enabled, unless the call returns by itself
 * first (count 1 with one size type returns the pick at once); resolves with the call's
 * outcome and when.
 */
export async function confirmAtOnce() {
  let clicked = false;
  const tryClick = () => {
    const el = part('confirm');
    if (clicked || !el || el.disabled) return;
    clicked = true;
    el.click();
  };
  const observer = new MutationObserver(tryClick);
  observer.observe(state.sheet.shadowRoot, {subtree: true, childList: true, attributes: true});
  tryClick();
  const outcome = await state.call;
  observer.disconnect();
  return {outcome, at: performance.now(), clicked};
}

export const probeResult = () => state.probe;

/** The result's first file, described, and every temp URL released. */
export function describeResult(outcome) {
  if (!outcome.ok) throw outcome.error;
  const {width, height, size, type} = outcome.value.tempFiles[0];
  kit.revokeTempFiles();
  return {width, height, bytes: size, type, files: outcome.value.tempFiles.length};
}
