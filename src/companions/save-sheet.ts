// <choose-image-save-sheet>: saveImage's own action sheet, 保存图片 / 取消, shown as the picker's
// action sheet is (its styles, a modal <dialog> at the bottom). The tap on 保存图片 is the person's
// gesture that the share sheet needs.
import {html, LitElement, type TemplateResult} from 'lit';
import styles from '../choose-image-sheet.styles.js';
import {LocalizeController} from '../controllers/localize-controller.js';
import {showModal} from '../internal/top-layer.js';

const terms = {
  'zh-CN': {save: '保存图片', cancel: '取消', title: '保存图片'},
  en: {save: 'Save image', cancel: 'Cancel', title: 'Save image'},
};

/**
 * The action sheet of `saveImage({showActionSheet: true})`.
 *
 * @tagname choose-image-save-sheet
 * @fires choose - 保存图片 was tapped.
 * @fires close - The sheet closed without a choice (取消, Escape or the backdrop).
 * @csspart sheet - The modal `<dialog>`.
 * @csspart action-save - 保存图片.
 * @csspart action-cancel - 取消.
 */
export class ChooseImageSaveSheet extends LitElement {
  static override styles = styles;
  static override properties = {locale: {}};

  /** 'zh-CN' or 'en'; unset follows `<html lang>`. */
  locale?: string;

  private readonly localize = new LocalizeController(this);
  private chosen = false;

  private get dialog() {
    return this.shadowRoot?.querySelector('dialog') ?? null;
  }

  /** Opens the sheet; resolves true when 保存图片 is tapped, false when it is dismissed. */
  async choose(): Promise<boolean> {
    await this.updateComplete;
    const dialog = this.dialog!;
    showModal(dialog);
    dialog.querySelector<HTMLElement>('[part~="action-save"]')?.focus();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(this.chosen), {once: true}));
  }

  private handleSave() {
    this.chosen = true;
    this.dispatchEvent(new Event('choose', {bubbles: true, composed: true}));
    this.dialog?.close();
  }

  private handleCancel() {
    this.dialog?.close();
  }

  /** A press on the backdrop (the dialog itself, outside its content) dismisses it. */
  private handlePointerDown(event: PointerEvent) {
    if (event.target === this.dialog) this.handleCancel();
  }

  protected override render(): TemplateResult {
    const t = terms[this.localize.t.lang === 'en' ? 'en' : 'zh-CN'];
    return html`<dialog part="sheet" class="sheet" lang=${this.localize.t.lang} aria-labelledby="title" @pointerdown=${this.handlePointerDown}>
      <div class="view actions">
        <h2 id="title" class="title">${t.title}</h2>
        <div class="group">
          <button part="action-save" class="action" @click=${this.handleSave}>${t.save}</button>
        </div>
        <button part="action-cancel" class="action cancel" @click=${this.handleCancel}>${t.cancel}</button>
      </div>
    </dialog>`;
  }
}
