// One chooseImage at a time on the page, whichever door it came in by: chooseImage(), an
// element's show() or its `open` attribute. Kept on a global symbol so that two copies of the
// package on one page (the bundled build and the module) still share it.
const key = Symbol.for('choose-image-sheet:open-call');
const page = globalThis as {[key]?: object};

/** Whether a call is open on the page. */
export const pageBusy = () => !!page[key];

/** Takes the page for `owner`; false when another owner has it. */
export function claimPage(owner: object): boolean {
  if (page[key] && page[key] !== owner) return false;
  page[key] = owner;
  return true;
}

export function releasePage(owner: object) {
  if (page[key] === owner) delete page[key];
}
