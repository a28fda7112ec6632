// Section C in the page: chooseImage() to the first frame painted with the sheet open.
import {close, getKit, importKit, newestSheet, state, waitFor} from './sheet.js';
import {frames} from './util.js';

/**
 * chooseImage() to the first frame painted with the dialog open, and to dialog[open] alone
 * (the synchronous work). `floor`: the same two rAFs with nothing opened, the method's minimum.
 */
export async function openLatency(runs) {
  await importKit();
  const ms = [], toOpen = [], floor = [];
  for (let i = -1; i < runs; i++) {
    await frames(2);
    let t0 = performance.now();
    state.call = getKit().chooseImage().then(value => ({ok: true, value}), error => ({ok: false, error}));
    state.sheet = newestSheet();
    await waitFor(() => state.sheet.shadowRoot.querySelector('dialog[open]'));
    const opened = performance.now() - t0;
    await frames(2); // the first rAF runs before that frame's paint, the second after it
    const t = performance.now() - t0;
    const code = await close();
    if (code !== 11) throw new Error(`close() gave ${code}, expected 11`);
    await frames(2);
    t0 = performance.now();
    await frames(2);
    if (i < 0) continue;
    ms.push(t);
    toOpen.push(opened);
    floor.push(performance.now() - t0);
  }
  return {ms, toOpen, floor};
}
