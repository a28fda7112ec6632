// The picker's full-screen preview, as in WeChat's and Alipay's: a tap on a photo (or 预览 for the
// chosen ones) shows the images large in previewImage's viewer (its chunk loads on first use),
// with swipe between them, the shown photo's select circle, 原图 and 完成 (n/count).
import {html, nothing} from 'lit';
import {ObjectUrlController} from '../controllers/object-url-controller.js';
import {deepActiveElement} from '../internal/focus.js';
import {viewable, type ImageInfo} from '../image/pipeline.js';
import type {GalleryItem} from '../internal/gallery-item.js';
import type {GalleryTranslation} from '../locales/gallery.js';
import type {Translation} from '../locales/index.js';
import type {ChooseImageViewer} from '../preview/image-viewer.js';
import type {SheetPort} from './sheet-port.js';

let viewerLoaded: Promise<unknown> | undefined;
const loadViewer = () => (viewerLoaded ??= import('../preview/index.js'));

/** What the preview shows and does, lent by the gallery. */
export interface PreviewProps {
  t: Translation & GalleryTranslation;
  count: number;
  selected: number;
  position: (item: GalleryItem) => number;
  showOriginalToggle: boolean;
  original: boolean;
  busy: boolean;
  onToggle: (item: GalleryItem) => void;
  onOriginal: () => void;
  onConfirm: () => void;
}

export class GalleryPreview {
  private list: GalleryItem[] = [];
  private index = 0;
  /** The picked files themselves, shown full size: released when the call ends. */
  private readonly urls: ObjectUrlController;
  private readonly fileUrls = new Map<GalleryItem, string>();
  /** Stops the screen-size copies still being made when the call ends. */
  private abort = new AbortController();
  private returnFocusTo: HTMLElement | null = null;

  /** `infoOf`: what the decode of an item's thumbnail learned (the gallery's thumbnails). */
  constructor(
    private readonly sheet: SheetPort,
    private readonly infoOf: (item: GalleryItem) => Promise<ImageInfo>
  ) {
    this.urls = new ObjectUrlController(sheet.host);
  }

  /** Shows `list` from `index`, once the viewer has loaded (if the call is still open then). */
  async show(list: GalleryItem[], index: number) {
    if (!list.length) return;
    const open = this.sheet.stillOpen();
    this.returnFocusTo = deepActiveElement();
    await loadViewer();
    if (!open()) return;
    this.list = list;
    this.index = Math.min(index, list.length - 1);
    this.sheet.host.requestUpdate();
    await this.sheet.host.updateComplete;
    await this.viewer()?.show();
  }

  /** Ends the preview (its × or Escape), back to the grid. */
  close() {
    if (!this.list.length) return;
    this.list = [];
    this.sheet.host.requestUpdate();
    if (this.returnFocusTo?.isConnected) this.returnFocusTo.focus();
  }

  /** The call ended: nothing shown, every full-size URL released, no copy still made. */
  clear() {
    this.list = [];
    this.abort.abort();
    this.abort = new AbortController();
    this.urls.releaseAll();
    this.fileUrls.clear();
  }

  private viewer() {
    return (this.sheet.host as unknown as Element).shadowRoot?.querySelector<ChooseImageViewer>('choose-image-viewer') ?? null;
  }

  /**
   * The picked file itself, for the viewer and count 1's review, once its decode has said that
   * this browser can show it and that it is not huge; otherwise a screen-size JPEG stands in (a
   * HEIC outside Safari; a 12000×12000 photo, whose <img> would hold a 576 MB bitmap). '' until
   * then.
   */
  urlOf(item: GalleryItem) {
    const url = this.fileUrls.get(item);
    if (url !== undefined) return url;
    this.fileUrls.set(item, '');
    void this.infoOf(item)
      .then(info => viewable(item.file, info, this.abort.signal))
      .then(
        blob => this.fileUrls.get(item) === '' && this.fileUrls.set(item, this.urls.create(blob)),
        () => this.fileUrls.delete(item) // unusable: the gallery says so
      )
      .then(() => this.sheet.host.requestUpdate());
    return '';
  }

  render(p: PreviewProps) {
    if (!this.list.length) return nothing;
    const item = this.list[this.index];
    const order = p.position(item);
    return html`<choose-image-viewer
      class="picker-preview"
      .urls=${this.list.map(i => this.urlOf(i))}
      .current=${this.index}
      .tapToClose=${false}
      locale=${p.t.lang}
      @slide=${(e: CustomEvent<number>) => {
        this.index = e.detail;
        this.sheet.host.requestUpdate();
      }}
      @close=${() => this.close()}
    >
      <div slot="footer" class="preview-bar">
        <button
          part="preview-select"
          class="select ${order ? 'selected' : ''}"
          aria-pressed=${order ? 'true' : 'false'}
          aria-disabled=${p.busy || (!order && p.selected >= p.count) ? 'true' : 'false'}
          aria-label=${p.t.item(item.file.name, order)}
          @click=${() => p.onToggle(item)}
        >
          <span class="badge" aria-hidden="true">${order || ''}</span>
        </button>
        ${p.showOriginalToggle
          ? html`<button part="preview-original" class="toggle" role="switch" aria-checked=${p.original ? 'true' : 'false'} ?disabled=${p.busy} @click=${p.onOriginal}>
              <span class="check" aria-hidden="true"></span>${p.t.original}
            </button>`
          : nothing}
        <button part="preview-confirm" class="action primary" ?disabled=${p.selected === 0 || p.busy} @click=${p.onConfirm}>
          ${p.t.confirm(p.selected, p.count)}
        </button>
      </div>
    </choose-image-viewer>`;
  }
}
