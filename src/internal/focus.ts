// Focus helpers for the modal sheet: what is tabbable, a Tab trap, and the focused element
// behind shadow roots (to give focus back on close).

const tabbableSelector = 'button, [href], input:not([type="file"]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Tabbable elements under root, in DOM order, skipping disabled and invisible ones. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(tabbableSelector)].filter(
    el => !(el as HTMLButtonElement).disabled && el.checkVisibility()
  );
}

/**
 * Keeps Tab inside `root`: from the last tabbable to the first and back. A native modal dialog
 * makes the page inert but lets Tab leave for the browser's own UI; a sheet should not.
 */
export function trapTab(event: KeyboardEvent, root: ParentNode, active: Element | null) {
  // By the physical key too: WebKitGTK reports Shift+Tab (GDK's ISO_Left_Tab) as "Unidentified".
  if (event.key !== 'Tab' && event.code !== 'Tab') return;
  const items = tabbables(root);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const inside = items.includes(active as HTMLElement);
  if (event.shiftKey ? active === first || !inside : active === last || !inside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** document.activeElement, followed down through open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}
