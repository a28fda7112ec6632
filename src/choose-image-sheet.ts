// <choose-image-sheet>: the bottom sheet of my.chooseImage — action sheet, live camera and
// album gallery in one modal dialog. It is defined by index.ts, never here. The camera and the
// gallery are panes loaded as chunks when a call may use them; this file is the shell: the
// call's lifecycle, the dialog, the action sheet and the file inputs.
import {adoptStyles, html, LitElement, nothing, type CSSResult, type PropertyValues, type TemplateResult} from 'lit';
import {acceptFor} from './accept.js';
import {LocalizeController} from './controllers/localize-controller.js';
import {ModalController} from './controllers/modal-controller.js';
import styles from './choose-image-sheet.styles.js';
import {cancelled, ChooseImageError, ErrorCode, unknownError} from './errors.js';
import {emit, type ChooseImageSheetEventMap, type Outcome} from './events.js';
import {deepActiveElement, tabbables, trapTab} from './internal/focus.js';
import {mountProblem} from './internal/mount.js';
import {claimPage, releasePage} from './internal/page-call.js';
import {whenRemoved} from './internal/when-removed.js';
import type {CompressOptions, Facing, NormalizedOptions, SizeType, SourceType} from './options.js';
import {normalizeOptions} from './options.js';
import {cameraAllowedByPolicy, hasUserActivation} from './platform.js';
import type {CameraPane} from './panes/camera-pane.js';
import type {GalleryPane} from './panes/gallery-pane.js';
import type {SheetPort} from './panes/sheet-port.js';
import type {ChooseImageResult} from './temp-files.js';
import {actionSheet} from './views/action-sheet.js';

type View = 'actions' | 'camera' | 'gallery';

/** Calls `load` once per page, on first use; later calls get the same promise at once. */
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

// Loaded when a call may need them, so a page that only imports the element fetches the shell.
// Kept as promises: a tap on 拍照 then reaches the loaded pane in a microtask, where a second
// import() of the same module resolves a task later (about 1 ms before getUserMedia).
const loadCamera = once(() => import('./panes/camera-pane.js'));
const loadGallery = once(() => import('./panes/gallery-pane.js'));
const loadPipeline = once(() => import('./image/pipeline.js'));

/** Space-separated attribute ⇄ array property. */
const listConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.split(/\s+/).filter(Boolean)),
  toAttribute: (value: string[] | undefined) => value?.join(' '),
};

interface Call {
  options: NormalizedOptions;
  resolve: (outcome: Outcome) => void;
  returnFocusTo: HTMLElement | null;
}

/**
 * A bottom sheet to take photos or choose images, with the contract of Alipay's
 * `my.chooseImage`.
 *
 * @summary Camera or album, capped multi-select, original or compressed, Alipay error codes.
 * @tagname choose-image-sheet
 *
 * @fires success - The user confirmed; `detail` is the ChooseImageResult.
 * @fires fail - The call failed or was cancelled; `detail` is the ChooseImageError.
 * @fires complete - After `success` or `fail`; `detail` is the result or the error.
 *
 * @csspart sheet - The modal `<dialog>` holding every view.
 * @csspart action-camera - Action sheet button that opens the live camera.
 * @csspart action-album - Button that opens the browser's file picker.
 * @csspart action-cancel - Action sheet button that cancels (code 11).
 * @csspart video - The live camera preview.
 * @csspart shutter - Takes a photo.
 * @csspart switch-camera - Switches between front and back camera (shown with more than one camera).
 * @csspart torch - Turns the camera's torch on and off (`aria-pressed`); only where the camera has one.
 * @csspart zoom - The camera's zoom slider (`<input type=range>`); only where the camera zooms.
 * @csspart retake - Discards the image under review: the camera's 重拍, count 1's 重选 (the picker again).
 * @csspart gallery - The grid of picked images (count 1: the picked image, large).
 * @csspart gallery-item - One picked image's select circle; `aria-pressed` when selected.
 * @csspart gallery-tile - One picked image's tile: its photo (a tap previews it) and its circle.
 * @csspart preview - 预览: shows the chosen images full screen.
 * @csspart preview-select - In the full-screen preview: the shown image's select circle.
 * @csspart preview-original - In the full-screen preview: the "原图 / Original" switch.
 * @csspart preview-confirm - In the full-screen preview: returns the chosen images.
 * @csspart original-toggle - The "原图 / Original" switch.
 * @csspart add-more - Opens the file picker again to add images.
 * @csspart confirm - Returns the chosen images.
 * @csspart close - Closes the camera or the gallery (code 11).
 * @csspart message - Hints and errors, announced politely.
 *
 * @cssproperty [--choose-image-sheet-accent=#0958d9] - Primary buttons, selection badges, focus ring (dark: #4096ff).
 * @cssproperty [--choose-image-sheet-on-accent=#fff] - Text on the accent colour (dark: #000).
 * @cssproperty [--choose-image-sheet-surface=#fff] - Sheet background (dark: #1f1f1f).
 * @cssproperty [--choose-image-sheet-on-surface=#1f1f1f] - Sheet text (dark: #f0f0f0).
 * @cssproperty [--choose-image-sheet-muted=#f2f3f5] - Separators and secondary surfaces (dark: #2c2c2e).
 * @cssproperty [--choose-image-sheet-radius=12px] - Corner radius of the sheet.
 * @cssproperty [--choose-image-sheet-backdrop=rgb(0 0 0 / 0.45)] - The page behind the sheet.
 * @cssproperty [--choose-image-sheet-duration=200ms] - Open animation; 0s under prefers-reduced-motion.
 * @cssproperty [--choose-image-sheet-font=system-ui, sans-serif] - Font family.
 * @cssproperty [--choose-image-sheet-spacing=16px] - Base spacing unit.
 */
export class ChooseImageSheet extends LitElement {
  static override styles = styles;

  static override properties = {
    count: {type: Number},
    sizeType: {attribute: 'size-type', converter: listConverter},
    sourceType: {attribute: 'source-type', converter: listConverter},
    camera: {},
    locale: {},
    extension: {converter: listConverter},
    open: {type: Boolean, reflect: true},
    compress: {attribute: false},
    // Internal state; `attribute: false` too, or the manifest analyzer lists these as attributes.
    view: {state: true, attribute: false},
    original: {state: true, attribute: false},
    hint: {state: true, attribute: false},
    busy: {state: true, attribute: false},
  };

  /** Most images the user may choose, an integer ≥ 1. */
  count = 1;
  /** 'original', 'compressed' or both; attribute `size-type` is space-separated. */
  sizeType: SizeType[] = ['original', 'compressed'];
  /** 'camera', 'album' or both; attribute `source-type` is space-separated. One skips the action sheet. */
  sourceType: SourceType[] = ['camera', 'album'];
  /** Which camera the live view opens with: 'back' or 'front'. */
  camera: Facing = 'back';
  /** 'zh-CN' or 'en'; unset follows `<html lang>`, else zh-CN. */
  locale?: string;
  /** File extensions the album accepts, e.g. `['jpg', 'png']` (attribute space-separated); unset: any image. */
  extension?: string[];
  /** Whether the sheet is open. Setting it opens (like show()) or cancels (like close()). */
  open = false;
  /** Target of the "compressed" size type: `{maxSize: 1920, quality: 0.8}` by default. */
  compress?: CompressOptions;

  private view: View = 'actions';
  private original = false;
  private hint = '';
  private busy = false;

  private readonly localize = new LocalizeController(this);
  /** Ends the open call with `cause` as a ChooseImageError (code 3 unless it is one already). */
  private readonly fail = (cause: unknown) => this.settle({ok: false, error: unknownError(cause)});
  private readonly port = this.createPort(); // after `fail`, which it lends
  private readonly modal = new ModalController(this, () => this.find<HTMLDialogElement>('dialog'), {
    moved: () => this.focusView(),
    hidden: () => this.handleHidden(),
  });
  private call: Call | null = null;
  private cameraPane?: CameraPane;
  private galleryPane?: GalleryPane;
  /** The panes' styles, adopted as they load. */
  private readonly paneStyles = new Set<CSSResult>();

  private find<T extends Element>(selector: string) {
    return this.shadowRoot?.querySelector<T>(selector) ?? null;
  }
  private get dialog() {
    return this.find<HTMLDialogElement>('dialog')!;
  }
  private get albumInput() {
    return this.find<HTMLInputElement>('input.album')!;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    whenRemoved(this, () => this.settle({ok: false, error: cancelled()}));
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot() as ShadowRoot;
    this.adoptPaneStyles(root);
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('open')) {
      if (this.open && !this.call) void this.begin();
      else if (!this.open && this.call) this.settle({ok: false, error: cancelled()});
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('open') && this.open && this.call && !this.dialog.open) {
      this.modal.show();
      this.focusView();
      this.openSourceDirectly();
    } else if (changed.has('view') && this.open) {
      this.focusView();
    }
  }

  /** Opens the sheet. Resolves with the chosen images; rejects with a ChooseImageError. */
  async show(): Promise<ChooseImageResult> {
    if (this.call) throw new ChooseImageError(ErrorCode.UNKNOWN, 'another chooseImage is open');
    const outcome = await this.begin();
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  }

  /** Cancels an open sheet (code 11). */
  close() {
    this.settle({ok: false, error: cancelled()});
  }

  private begin(): Promise<Outcome> {
    return new Promise<Outcome>(resolve => {
      let options: NormalizedOptions;
      try {
        options = normalizeOptions({
          count: this.count,
          sizeType: this.sizeType,
          sourceType: this.sourceType,
          camera: this.camera,
          locale: this.locale,
          compress: this.compress,
          extension: this.extension,
        });
        // Never a modal that cannot be seen or touched: it would leave the page inert.
        const problem = mountProblem(this);
        if (problem) throw new ChooseImageError(ErrorCode.UNKNOWN, `the sheet cannot be shown: the element is ${problem}`);
        if (!claimPage(this)) throw new ChooseImageError(ErrorCode.UNKNOWN, 'another chooseImage is open');
      } catch (e) {
        const outcome: Outcome = {ok: false, error: unknownError(e)};
        this.open = false;
        this.emitOutcome(outcome);
        resolve(outcome);
        return;
      }
      this.call = {options, resolve, returnFocusTo: deepActiveElement()};
      const sources = options.sourceType;
      this.view = sources.length === 1 && sources[0] === 'camera' ? 'camera' : 'actions';
      this.original = options.sizeType.length === 1 && options.sizeType[0] === 'original';
      this.hint = '';
      this.busy = false;
      this.cameraPane?.reset(options.camera);
      this.galleryPane?.reset(options.count);
      this.open = true;
      // Start loading what this call may use; a module that fails to load ends it (code 3).
      const failThis = this.failIfOpen();
      if (sources.includes('camera')) this.useCamera().catch(failThis);
      if (sources.includes('album')) this.useGallery().catch(failThis);
      loadPipeline().catch(failThis);
    });
  }

  private async useCamera() {
    const {CameraPane} = await loadCamera();
    return (this.cameraPane ??= this.addPane(new CameraPane(this.port), CameraPane.styles));
  }

  private async useGallery() {
    const {GalleryPane} = await loadGallery();
    return (this.galleryPane ??= this.addPane(new GalleryPane(this.port), GalleryPane.styles));
  }

  /** A pane made for this sheet, with its styles adopted. */
  private addPane<P>(pane: P, sheets: CSSResult[]) {
    sheets.forEach(sheet => this.paneStyles.add(sheet));
    if (this.shadowRoot) this.adoptPaneStyles(this.shadowRoot);
    this.requestUpdate();
    return pane;
  }

  private adoptPaneStyles(root: ShadowRoot) {
    if (this.paneStyles.size) adoptStyles(root, [...ChooseImageSheet.elementStyles, ...this.paneStyles]);
  }

  /**
   * A check that stays true while the call open now is still open. Every continuation after an
   * await tests it, so nothing from a call that has ended (cancelled, say) reaches the next.
   */
  private stillOpen(): () => boolean {
    const call = this.call;
    return () => call !== null && this.call === call;
  }

  /** Ends the call open now with `cause`, if it is still open when `cause` arrives. */
  private failIfOpen() {
    const open = this.stillOpen();
    return (cause: unknown) => {
      if (open()) this.fail(cause);
    };
  }

  /** The one place where a call ends. */
  private settle(outcome: Outcome) {
    const call = this.call;
    if (!call) return;
    this.call = null;
    releasePage(this);
    this.cameraPane?.clear();
    this.galleryPane?.clear();
    this.modal.close();
    this.open = false;
    this.view = 'actions';
    this.emitOutcome(outcome);
    call.resolve(outcome);
    if (call.returnFocusTo?.isConnected) call.returnFocusTo.focus();
  }

  private emitOutcome(outcome: Outcome) {
    if (outcome.ok) emit(this, 'success', outcome.value);
    else emit(this, 'fail', outcome.error);
    emit(this, 'complete', outcome.ok ? outcome.value : outcome.error);
  }

  /** What the panes may use of this sheet and its open call. */
  private createPort(): SheetPort {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below need it
    const sheet = this;
    return {
      host: this,
      get root() {
        return sheet.renderRoot;
      },
      get options() {
        return sheet.call?.options;
      },
      get t() {
        return sheet.localize.t;
      },
      shows: view => sheet.open && sheet.view === view,
      stillOpen: () => this.stillOpen(),
      get hint() {
        return sheet.hint;
      },
      set hint(text) {
        sheet.hint = text;
      },
      get busy() {
        return sheet.busy;
      },
      set busy(value) {
        sheet.busy = value;
      },
      get original() {
        return sheet.original;
      },
      set original(value) {
        sheet.original = value;
      },
      succeed: value => this.settle({ok: true, value}),
      fail: this.fail,
      close: () => this.close(),
      pickFiles: () => this.pickFiles(),
      addFiles: files => this.addFiles(files),
    };
  }

  private focusView() {
    const target =
      this.galleryPane?.focusTarget() ??
      tabbables(this.dialog).find(el => !el.matches('[part~="close"]')) ??
      tabbables(this.dialog)[0];
    target?.focus();
  }

  /** A single album source opens the picker at once, where the page still has user activation. */
  private openSourceDirectly() {
    const only = this.call?.options.sourceType;
    if (only?.length === 1 && only[0] === 'album' && hasUserActivation()) this.pickFiles();
  }

  // --- dialog ---------------------------------------------------------------------------

  /** Hidden while open: a modal no one can see would leave the page ignoring every tap, the call pending. */
  private handleHidden() {
    this.fail(new ChooseImageError(ErrorCode.UNKNOWN, `the sheet can no longer be seen: the element is ${mountProblem(this) ?? 'hidden'}`));
  }

  private handleDialogCancel(event: Event) {
    // The file inputs' `cancel` (picker dismissed) bubbles here too: that keeps the sheet open.
    if (event.target !== this.dialog) return;
    event.preventDefault();
    this.close();
  }

  private handleDialogClose(event: Event) {
    // A close we did not start (Chrome can skip `cancel` on a second Escape) is a cancel; the
    // gallery's preview closing (its viewer's `close`) is not, nor is the late `close` event of
    // the previous call's dialog.close() once a new call has shown the dialog again.
    if (event.target === this.dialog && this.call && !this.dialog.open) this.close();
  }

  private handleDialogPointerDown(event: PointerEvent) {
    // The backdrop reaches us as the dialog itself, outside its box. Inside the box the dialog
    // itself is the card the person sees: its padding (a phone's safe-area insets held sideways).
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const {clientX: x, clientY: y} = event;
    if (x < box.left || x >= box.right || y < box.top || y >= box.bottom) this.close();
  }

  private handleDialogKeydown(event: KeyboardEvent) {
    // A modal opened over the sheet (the gallery's preview) keeps its own focus.
    if (event.composedPath().find(n => n instanceof HTMLDialogElement) !== this.dialog) return;
    trapTab(event, this.dialog, this.shadowRoot!.activeElement);
  }

  // --- sources --------------------------------------------------------------------------

  private pickFiles() {
    this.albumInput.multiple = (this.call?.options.count ?? 1) > 1;
    this.albumInput.value = '';
    this.albumInput.click();
    // While the person picks, the pipeline's workers start, so the first decode does not wait.
    loadPipeline().then(pipeline => pipeline.warm(), () => {});
  }

  private handleAlbumChange() {
    const files = [...(this.albumInput.files ?? [])];
    this.albumInput.value = '';
    if (files.length) void this.addFiles(files);
  }

  /** 拍照: the camera starts at once; its view shows when it answers (CameraPane.start). */
  private async startCamera() {
    const open = this.stillOpen();
    const camera = await this.useCamera().catch(this.failIfOpen());
    if (camera && open()) camera.start(() => open() && (this.view = 'camera'));
  }

  private async addFiles(files: File[]) {
    const open = this.stillOpen();
    const gallery = await this.useGallery().catch(this.failIfOpen());
    if (!gallery || !open()) return;
    gallery.add(files);
    this.view = 'gallery';
  }

  // --- render ---------------------------------------------------------------------------

  private renderView() {
    const options = this.call?.options;
    if (!options) return nothing;
    switch (this.view) {
      case 'camera':
        return this.cameraPane?.render() ?? nothing;
      case 'gallery':
        return this.galleryPane?.render() ?? nothing;
      default:
        return actionSheet({
          t: this.localize.t,
          // A camera the page's Permissions Policy forbids is not offered at all.
          sourceType: cameraAllowedByPolicy() === false ? options.sourceType.filter(s => s !== 'camera') : options.sourceType,
          noCamera: !!this.cameraPane?.noCamera,
          onCamera: () => this.startCamera(),
          onAlbum: () => this.pickFiles(),
          onCancel: () => this.close(),
        });
    }
  }
  protected override render(): TemplateResult {
    const t = this.localize.t;
    return html`
      <dialog
        part="sheet"
        class="sheet ${this.view}"
        lang=${t.lang}
        aria-labelledby="title"
        @cancel=${this.handleDialogCancel}
        @close=${this.handleDialogClose}
        @pointerdown=${this.handleDialogPointerDown}
        @keydown=${this.handleDialogKeydown}
      >
        ${this.renderView()}
        <input class="album" type="file" accept=${acceptFor(this.call?.options.extension)} hidden tabindex="-1" @change=${this.handleAlbumChange} />
      </dialog>
    `;
  }
}

// The element's own events in addEventListener's overloads, the way lib.dom declares
// HTMLVideoElement's, so `sheet.addEventListener('success', e => e.detail.tempFilePaths)` needs no
// cast. Declared on the element alone: a `success` in GlobalEventHandlersEventMap would retype
// that event on every element.
type Listener<E> = (this: ChooseImageSheet, event: E) => unknown;
export interface ChooseImageSheet {
  addEventListener<K extends keyof ChooseImageSheetEventMap>(type: K, listener: Listener<ChooseImageSheetEventMap[K]>, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: Listener<HTMLElementEventMap[K]>, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ChooseImageSheetEventMap>(type: K, listener: Listener<ChooseImageSheetEventMap[K]>, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: Listener<HTMLElementEventMap[K]>, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
