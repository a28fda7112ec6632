// my.showToast / my.hideToast: one polite live-region toast at a time, in the top layer so that
// it shows above the sheet and the full-screen viewer.
import {css, html, LitElement, type TemplateResult} from 'lit';
import {alipayCall} from '../internal/callbacks.js';
import {needsPage} from '../internal/needs-page.js';
import {keepAboveModals} from '../internal/top-layer.js';
import {normalizeToast, type ShowToastOptions, type ToastType} from './preview-options.js';

const icons: Record<ToastType, string> = {success: "✓", fail: "×", exception: "!", none: ""};

/**
 * A short message over the page, announced politely to screen readers.
 * @tagname choose-image-toast
 * @csspart toast - The message box.
 */
export class ChooseImageToast extends LitElement {
  static override styles = css`
    /* A popover, so the browser's popover box (border, padding, Canvas background) is undone. */
    :host {
      position: fixed;
      inset: 0;
      width: auto;
      height: auto;
      margin: 0;
      padding: 0;
      border: none;
      background: none;
      overflow: visible;
      display: flex;
      align-items: center;
      justify-content: center;
      pointer-events: none;
    }
    :host(:not(:popover-open)) {
      display: none;
    }
    .toast {
      max-width: min(80vw, 320px);
      padding: 12px 20px;
      border-radius: 8px;
      background: rgb(0 0 0 / 0.78);
      color: #fff;
      font: 15px/1.4 system-ui, sans-serif;
      text-align: center;
    }
    .toast:empty {
      display: none;
    }
    .icon {
      display: block;
      font-size: 28px;
    }
  `;

  static override properties = {type: {}, content: {}};

  /** 'success', 'fail', 'exception' or 'none'. */
  type: ToastType = 'none';
  /** The message. */
  content = '';

  private leaveTop?: () => void;

  override connectedCallback() {
    super.connectedCallback();
    // The top layer: above a modal open now (a popover shown after it), and above one opened later.
    this.popover = 'manual';
    this.showPopover();
    this.leaveTop = keepAboveModals(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.leaveTop?.();
  }

  protected override render(): TemplateResult {
    // The live region is always in the DOM; its text changes, so it is announced.
    return html`<div part="toast" class="toast" role="status" aria-live="polite">${this.content
      ? html`${icons[this.type] ? html`<span class="icon" aria-hidden="true">${icons[this.type]}</span>` : ''}${this.content}`
      : ''}</div>`;
  }
}

let current: {el: ChooseImageToast; timer: ReturnType<typeof setTimeout>} | undefined;

/** Alipay's my.showToast: shows `content` for `duration` ms (default 2000). */
export function showToast(options?: ShowToastOptions): Promise<void> {
  return alipayCall(options, async () => {
    needsPage('showToast');
    const o = normalizeToast(options);
    hideToast();
    const el = document.createElement('choose-image-toast') as ChooseImageToast;
    // Current from now, so that a showToast or hideToast later in this same task finds it.
    const toast = (current = {el, timer: setTimeout(hideToast, o.duration)});
    document.body.append(el);
    await el.updateComplete;
    // The text goes into the live region once it is on the page, so it is announced.
    if (current === toast) Object.assign(el, {type: o.type, content: o.content});
  });
}

/** Alipay's my.hideToast: removes the toast now. */
export function hideToast(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.el.remove();
  current = undefined;
}
