// <choose-image-viewer>: the full-screen viewer behind previewImage(). Paging by swipe and
// arrow keys, zoom by pinch, wheel and double tap; only the image shown and its neighbours load.
import {html, LitElement, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {LocalizeController} from '../controllers/localize-controller.js';
import {ModalController} from '../controllers/modal-controller.js';
import {withPreviewTerms} from '../locales/preview.js';
import styles from './image-viewer.styles.js';

const MAX_SCALE = 4;
const TAP_MS = 300;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(1, s));

/**
 * A modal full-screen image viewer.
 *
 * @tagname choose-image-viewer
 * @fires close - The viewer closed (button, Escape or a tap).
 * @fires slide - The person paged to another image; `detail` is its index.
 * @slot footer - Controls in a bar along the bottom (the picker's select circle, 原图 and 完成).
 * @csspart viewer - The modal `<dialog>`.
 * @csspart image - The image shown.
 * @csspart indicator - "2 / 5".
 * @csspart close - Closes the viewer.
 * @csspart previous - Shows the previous image.
 * @csspart next - Shows the next image.
 * @cssproperty [--choose-image-viewer-backdrop=#000] - Background.
 */
export class ChooseImageViewer extends LitElement {
  static override styles = styles;

  static override properties = {
    urls: {attribute: false},
    current: {type: Number},
    locale: {},
    tapToClose: {attribute: false},
    // `attribute: false` too, or the manifest analyzer lists internal state as attributes.
    scale: {state: true, attribute: false},
    pan: {state: true, attribute: false},
    drag: {state: true, attribute: false},
  };

  /** Image URLs in order. */
  urls: string[] = [];
  /** Index of the image shown. */
  current = 0;
  /** 'zh-CN' or 'en'; unset follows `<html lang>`. */
  locale?: string;
  /** Whether a single tap closes the viewer (previewImage); the picker's preview closes by its button. */
  tapToClose = true;

  private scale = 1;
  private pan = {x: 0, y: 0};
  private drag = 0;

  private readonly localize = new LocalizeController(this);
  /** Shown as a modal again after a move; closed if it can no longer be seen (never an invisible modal). */
  private readonly modal = new ModalController(this, () => this.dialog, {moved: () => this.focusClose(), hidden: () => this.close()});

  /** Null before the first render. */
  private get dialog() {
    return this.shadowRoot?.querySelector('dialog') ?? null;
  }

  private readonly pointers = new Map<number, {x: number; y: number}>();
  private gesture = {startX: 0, startY: 0, moved: 0, pinchDistance: 0, pinchScale: 1, panX: 0, panY: 0};
  private lastTap = 0;
  private tapTimer: ReturnType<typeof setTimeout> | undefined;

  /** Opens the viewer as a modal dialog. */
  async show() {
    await this.updateComplete;
    if (!this.isConnected) return; // removed meanwhile (previewImage called again)
    this.modal.show();
    this.focusClose();
  }

  /** Closes the viewer and fires `close`. */
  close() {
    clearTimeout(this.tapTimer);
    this.modal.close();
  }

  private focusClose() {
    this.dialog?.querySelector<HTMLElement>('.close')?.focus();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.tapTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('current')) {
      this.current = Math.min(Math.max(0, this.current), Math.max(0, this.urls.length - 1));
      this.resetZoom();
    }
  }

  /** A right-to-left page lays the slides out from the right: the next image is to the left. */
  private get rtl() {
    return getComputedStyle(this).direction === 'rtl';
  }

  protected override updated() {
    // Through the CSSOM, not a style attribute, which a strict CSP (style-src 'self') blocks.
    const root = this.shadowRoot!;
    const slide = (this.rtl ? 100 : -100) * this.current;
    root.querySelector<HTMLElement>('.track')!.style.transform = `translateX(calc(${slide}% + ${this.drag}px))`;
    const image = root.querySelector<HTMLElement>('[part~="image"]');
    if (image) image.style.transform = `translate(${this.pan.x}px, ${this.pan.y}px) scale(${this.scale})`;
  }

  private go(step: number) {
    const next = Math.min(this.urls.length - 1, Math.max(0, this.current + step));
    if (next === this.current) return;
    this.current = next;
    this.dispatchEvent(new CustomEvent('slide', {detail: next, bubbles: true, composed: true}));
  }

  private resetZoom() {
    this.scale = 1;
    this.pan = {x: 0, y: 0};
  }

  private zoomTo(scale: number) {
    this.scale = clampScale(scale);
    if (this.scale === 1) this.pan = {x: 0, y: 0};
  }

  private handleKeydown(event: KeyboardEvent) {
    const leftward = this.rtl ? 1 : -1; // the arrow pages towards the image it points at
    const action: Record<string, () => void> = {
      ArrowLeft: () => this.go(leftward),
      ArrowRight: () => this.go(-leftward),
      '+': () => this.zoomTo(this.scale * 1.5),
      '=': () => this.zoomTo(this.scale * 1.5),
      '-': () => this.zoomTo(this.scale / 1.5),
    };
    if (action[event.key]) {
      event.preventDefault();
      action[event.key]();
    }
  }

  private handleWheel(event: WheelEvent) {
    event.preventDefault();
    this.zoomTo(this.scale * Math.exp(-event.deltaY * 0.002));
  }

  private handlePointerDown(event: PointerEvent) {
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, {x: event.clientX, y: event.clientY});
    const [a, b] = [...this.pointers.values()];
    this.gesture = {startX: event.clientX, startY: event.clientY, moved: 0, pinchDistance: b ? Math.hypot(a.x - b.x, a.y - b.y) : 0, pinchScale: this.scale, panX: this.pan.x, panY: this.pan.y};
  }

  private handlePointerMove(event: PointerEvent) {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, {x: event.clientX, y: event.clientY});
    const g = this.gesture;
    const dx = event.clientX - g.startX;
    const dy = event.clientY - g.startY;
    g.moved = Math.max(g.moved, Math.hypot(dx, dy));
    const [a, b] = [...this.pointers.values()];
    if (b && g.pinchDistance) this.zoomTo(g.pinchScale * (Math.hypot(a.x - b.x, a.y - b.y) / g.pinchDistance));
    else if (this.scale > 1) this.pan = {x: g.panX + dx, y: g.panY + dy};
    else this.drag = dx;
  }

  private handlePointerUp(event: PointerEvent) {
    if (!this.pointers.delete(event.pointerId)) return;
    const swipe = this.drag;
    this.drag = 0;
    if (this.pointers.size > 0 || event.type === 'pointercancel') return;
    // A drag to the left brings in the image to the right: the next one, or in rtl the previous.
    if (Math.abs(swipe) > 50) return this.go(swipe < 0 === !this.rtl ? 1 : -1);
    if (this.gesture.moved > 10) return;
    // A tap closes, unless a second tap follows: a double tap zooms.
    if (event.timeStamp - this.lastTap < TAP_MS) {
      clearTimeout(this.tapTimer);
      this.lastTap = 0;
      this.zoomTo(this.scale > 1 ? 1 : 2);
    } else {
      this.lastTap = event.timeStamp;
      if (this.tapToClose) this.tapTimer = setTimeout(() => this.close(), TAP_MS);
    }
  }

  private handleClose() {
    // Not the close of a move, which shows the dialog again at once (ModalController).
    if (!this.dialog?.open) this.dispatchEvent(new Event('close', {bubbles: true, composed: true}));
  }

  protected override render(): TemplateResult {
    const t = withPreviewTerms(this.localize.t);
    const total = this.urls.length;
    return html`
      <dialog part="viewer" lang=${t.lang} aria-label=${t.previewTitle} @keydown=${this.handleKeydown} @close=${this.handleClose}>
        <div
          class="track ${this.drag !== 0 ? 'dragging' : ''}"
          @pointerdown=${this.handlePointerDown}
          @pointermove=${this.handlePointerMove}
          @pointerup=${this.handlePointerUp}
          @pointercancel=${this.handlePointerUp}
          @wheel=${this.handleWheel}
        >
          ${this.urls.map((url, i) => {
            const near = Math.abs(i - this.current) <= 1; // only the shown image and its neighbours load
            return html`<div class="slide" aria-hidden=${i === this.current ? 'false' : 'true'}>
              ${near
                ? html`<img
                    part=${i === this.current ? 'image' : nothing}
                    src=${url}
                    alt=${t.imageOf(i + 1, total)}
                    draggable="false"
                  />`
                : nothing}
            </div>`;
          })}
        </div>
        <p part="indicator" class="indicator" dir="ltr" aria-live="polite">${this.current + 1} / ${total}</p>
        <button part="close" class="close" aria-label=${t.close} @click=${this.close}>×</button>
        <button part="previous" class="previous" aria-label=${t.previous} ?hidden=${this.current === 0} @click=${() => this.go(-1)}>‹</button>
        <button part="next" class="next" aria-label=${t.next} ?hidden=${this.current >= total - 1} @click=${() => this.go(1)}>›</button>
        <div class="footer"><slot name="footer"></slot></div>
      </dialog>
    `;
  }
}
