// The kit's modals (the sheet, the full-screen viewer) and its toast share the browser's top
// layer, where the last shown is on top. A toast is a popover, so it shows above a modal opened
// before it; a modal opened after it shows the toast again, so the toast stays above that too.
// Kept on a global symbol, as page-call.ts is, so two copies of the package on one page agree.
const key = Symbol.for('choose-image-sheet:above-modals');
const page = globalThis as {[key]?: Set<HTMLElement>};
const aboveModals = (page[key] ??= new Set());

/** Keeps the popover `el` above every modal the kit opens until the returned function is called. */
export function keepAboveModals(el: HTMLElement): () => void {
  aboveModals.add(el);
  return () => aboveModals.delete(el);
}

/** Shows `dialog` as a modal, under the popovers kept above the kit's modals. */
export function showModal(dialog: HTMLDialogElement) {
  dialog.showModal();
  for (const el of aboveModals) {
    if (!el.matches(':popover-open')) continue;
    el.hidePopover();
    el.showPopover();
  }
}

/**
 * Shows `dialog` as a modal again if it is open but no longer modal: removing a dialog from the
 * document (a move is a removal and an insertion) drops its modal state in every engine, which
 * leaves it without a backdrop, deaf to Escape, over a page that takes taps. An open dialog
 * cannot be made modal in place (showModal throws), so it is closed and shown again; its `close`
 * event arrives after it is open again. True when it was shown again.
 */
export function restoreModal(dialog: HTMLDialogElement): boolean {
  if (!dialog.open || dialog.matches(':modal')) return false;
  dialog.close();
  showModal(dialog);
  return true;
}
