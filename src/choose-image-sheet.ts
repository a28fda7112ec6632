// <choose-image-sheet>: the bottom sheet of my.chooseImage — action sheet, live camera and
// album gallery in one modal dialog. It is defined by index.ts, never here.
import {adoptStyles, html, LitElement, nothing, type CSSResult, type PropertyValues} from 'lit';
import type {CameraController} from './controllers/camera-controller.js';
import {LocalizeController} from './controllers/localize-controller.js';
import {ObjectUrlController} from './controllers/object-url-controller.js';
import type {ThumbnailController} from './controllers/thumbnail-controller.js';
import styles from './choose-image-sheet.styles.js';
import {cancelled, ChooseImageError, ErrorCode, unknownError} from './errors.js';
import {emit, type Outcome} from './events.js';
import {deepActiveElement, tabbables, trapTab} from './internal/focus.js';
import type {GalleryItem} from './internal/gallery-item.js';
import type {ProcessedImage} from './internal/image.js';
import {Prefetch} from './internal/prefetch.js';
import {Selection} from './internal/selection.js';
import type {CompressOptions, Facing, NormalizedOptions, SizeType, SourceType} from './options.js';
import {normalizeOptions} from './options.js';
import {toResult, type ChooseImageResult} from './temp-files.js';
import {actionSheet} from './views/action-sheet.js';
import type {Shot} from './views/camera-view.js';

type View = 'actions' | 'camera' | 'gallery';

/** Calls `load` once per page, on first use. */
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

// The camera, the gallery and the image pipeline load when a call may need them, so a page
// that only imports the element fetches the action sheet alone.
const loadCamera = once(() => import('./lazy/camera.js'));
const loadGallery = once(() => import('./lazy/gallery.js'));
const loadPipeline = once(() => import('./internal/image.js'));
type CameraHalf = Awaited<ReturnType<typeof loadCamera>>;
type GalleryHalf = Awaited<ReturnType<typeof loadGallery>>;

// Reactive internal state. `attribute: false` too, or the manifest analyzer lists it as attributes.
const internal = {state: true, attribute: false} as const;

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

let shotId = 0;

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
 * @csspart retake - Discards the photo under review.
 * @csspart gallery - The grid of picked images.
 * @csspart gallery-item - One picked image; `aria-pressed` when selected.
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
    open: {type: Boolean, reflect: true},
    compress: {attribute: false},
    view: internal,
    facing: internal,
    shots: internal,
    review: internal,
    items: internal,
    selection: internal,
    original: internal,
    focusId: internal,
    hint: internal,
    busy: internal,
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
  /** Whether the sheet is open. Setting it opens (like show()) or cancels (like close()). */
  open = false;
  /** Target of the "compressed" size type: `{maxSize: 1920, quality: 0.8}` by default. */
  compress?: CompressOptions;

  private view: View = 'actions';
  private facing: Facing = 'back';
  private shots: Shot[] = [];
  private review: Shot | null = null;
  private items: GalleryItem[] = [];
  private selection = new Selection<GalleryItem>(1);
  private original = false;
  private focusId: number | undefined;
  private hint = '';
  private busy = false;

  private readonly localize = new LocalizeController(this);
  private readonly urls = new ObjectUrlController(this);
  private readonly prefetch = new Prefetch();
  private call: Call | null = null;
  /** Each half with its controller, once loaded. */
  private cameraHalf?: CameraHalf;
  private cameraCtl?: CameraController;
  private galleryHalf?: GalleryHalf;
  private thumbs?: ThumbnailController;
  private readonly lazyStyles: CSSResult[] = [];

  private find<T extends Element>(selector: string) {
    return this.shadowRoot?.querySelector<T>(selector) ?? undefined;
  }
  private get dialog() {
    return this.find<HTMLDialogElement>('dialog')!;
  }
  private get video() {
    return this.find<HTMLVideoElement>('video');
  }
  private get albumInput() {
    return this.find<HTMLInputElement>('input.album')!;
  }
  private get systemCameraInput() {
    return this.find<HTMLInputElement>('input.system-camera')!;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A move (removed and inserted again in the same task) is not a removal.
    queueMicrotask(() => {
      if (!this.isConnected) this.settle({ok: false, error: cancelled()});
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('open')) {
      if (this.open && !this.call) void this.begin();
      else if (!this.open && this.call) this.settle({ok: false, error: cancelled()});
    }
    // A selected file that turned out undecodable leaves the selection.
    for (const item of this.selection.items) {
      if (item.state === 'unusable') this.deselect(item);
    }
  }

  protected override updated(changed: PropertyValues) {
    // Set only when it changes: setting srcObject again reloads the video.
    const stream = this.cameraCtl?.stream ?? null;
    if (this.video && this.video.srcObject !== stream) this.video.srcObject = stream;
    if (this.view === 'gallery') this.thumbs?.observeAll(this.dialog, this.items);
    if (changed.has('open') && this.open && this.call && !this.dialog.open) {
      this.dialog.showModal();
      this.focusView();
      this.openSourceDirectly();
    } else if (changed.has('view') && this.open) {
      this.focusView();
    }
    const status = this.cameraCtl?.status;
    if (this.call && this.view === 'camera' && (status === 'refused' || status === 'blocked')) {
      const code = status === 'blocked' ? ErrorCode.PERMISSION_BLOCKED : ErrorCode.PERMISSION_REFUSED;
      this.settle({ok: false, error: new ChooseImageError(code)});
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
        });
      } catch (e) {
        const outcome: Outcome = {ok: false, error: unknownError(e)};
        this.open = false;
        this.emitOutcome(outcome);
        resolve(outcome);
        return;
      }
      this.call = {options, resolve, returnFocusTo: deepActiveElement()};
      this.reset(options);
      this.open = true;
      this.loadHalves(options.sourceType);
    });
  }

  /** Starts loading what this call may use; a module that fails to load ends the call (code 3). */
  private loadHalves(sources: SourceType[]) {
    const failed = (e: unknown) => this.settle({ok: false, error: unknownError(e)});
    if (sources.includes('camera')) this.useCamera().catch(failed);
    if (sources.includes('album')) this.useGallery().catch(failed);
    loadPipeline().catch(failed);
  }

  private async useCamera() {
    const half = await loadCamera();
    if (this.cameraHalf) return;
    this.cameraHalf = half;
    this.adoptLazyStyles(half.styles);
    this.cameraCtl = new half.CameraController(this, () => ({
      active: this.open && this.view === 'camera' && !this.review,
      facing: this.facing,
    }));
  }

  private async useGallery() {
    const half = await loadGallery();
    if (!this.galleryHalf) {
      this.galleryHalf = half;
      this.adoptLazyStyles(half.styles);
      // A selected image is prepared once its thumbnail is decoded: thumbnails first, on 2 cores.
      this.thumbs = new half.ThumbnailController(this, item => {
        if (this.selection.position(item)) void this.prepareItem(item);
      });
    }
    return half;
  }

  private adoptLazyStyles(sheet: CSSResult) {
    this.lazyStyles.push(sheet);
    if (this.shadowRoot) adoptStyles(this.shadowRoot, [...ChooseImageSheet.elementStyles, ...this.lazyStyles]);
    this.requestUpdate();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot() as ShadowRoot;
    if (this.lazyStyles.length) adoptStyles(root, [...ChooseImageSheet.elementStyles, ...this.lazyStyles]);
    return root;
  }

  private reset(options: NormalizedOptions) {
    const only = options.sourceType.length === 1 ? options.sourceType[0] : undefined;
    this.view = only === 'camera' ? 'camera' : 'actions';
    this.facing = options.camera;
    this.shots = [];
    this.review = null;
    this.items = [];
    this.selection = new Selection(options.count);
    this.original = options.sizeType.length === 1 && options.sizeType[0] === 'original';
    this.hint = '';
    this.busy = false;
  }

  /** The one place where a call ends. */
  private settle(outcome: Outcome) {
    const call = this.call;
    if (!call) return;
    this.call = null;
    this.cameraCtl?.stop();
    this.prefetch.clear();
    this.thumbs?.clear();
    this.urls.releaseAll();
    this.dialog?.close();
    this.open = false;
    this.view = 'actions';
    this.shots = [];
    this.review = null;
    this.items = [];
    this.emitOutcome(outcome);
    call.resolve(outcome);
    if (call.returnFocusTo?.isConnected) call.returnFocusTo.focus();
  }

  private emitOutcome(outcome: Outcome) {
    if (outcome.ok) emit(this, 'success', outcome.value);
    else emit(this, 'fail', outcome.error);
    emit(this, 'complete', outcome.ok ? outcome.value : outcome.error);
  }

  private get options(): NormalizedOptions | undefined {
    return this.call?.options;
  }

  private get sizeChoice(): SizeType {
    return this.original ? 'original' : 'compressed';
  }

  private focusView() {
    const target =
      this.dialog.querySelector<HTMLElement>('.gallery [part~="gallery-item"][tabindex="0"]') ??
      tabbables(this.dialog).find(el => !el.matches('[part~="close"]')) ??
      tabbables(this.dialog)[0];
    target?.focus();
  }

  /** A single album source opens the picker at once, where the page still has user activation. */
  private openSourceDirectly() {
    const only = this.options?.sourceType;
    if (only?.length === 1 && only[0] === 'album' && navigator.userActivation?.isActive) this.pickFiles();
  }

  /**
   * Returns the images of `jobs` (prepared ahead) when all succeed. A failure to decode keeps
   * the sheet open with the others still chosen: nothing the user chose is lost.
   */
  private async finish(jobs: Array<Promise<ProcessedImage>>, onFailed: (index: number) => void) {
    if (this.busy) return;
    this.busy = true;
    this.hint = this.localize.t.processing;
    const outcomes = await Promise.allSettled(jobs);
    if (!this.call) return;
    this.busy = false;
    this.hint = '';
    const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
    if (failed.length) return failed.forEach(onFailed);
    this.settle({ok: true, value: toResult(outcomes.map(o => (o as PromiseFulfilledResult<ProcessedImage>).value))});
  }

  /** Starts (or finds) the processing of one chosen image in the size now chosen. */
  private prepare(key: string, make: (signal: AbortSignal) => Promise<ProcessedImage>) {
    return this.prefetch.get(`${key}:${this.sizeChoice}`, make);
  }

  /** Runs the image pipeline (loaded on first use) for the size now chosen. */
  private async process(input: Blob, signal?: AbortSignal, size = this.sizeChoice) {
    const target = this.options!.compress;
    return (await loadPipeline()).processImage(input, size, target, signal);
  }

  private prepareItem(item: GalleryItem) {
    return this.prepare(`g${item.id}`, signal => this.process(item.file, signal));
  }

  private prepareShot(shot: Shot) {
    return this.prepare(`s${shot.id}`, signal => this.captureResult(shot, signal));
  }

  private deselect(item: GalleryItem) {
    this.selection.remove(item);
    this.prefetch.drop(`g${item.id}:`);
    this.requestUpdate('selection');
  }

  // --- dialog ---------------------------------------------------------------------------

  private handleDialogCancel(event: Event) {
    // The file inputs' `cancel` (picker dismissed) bubbles here too: that keeps the sheet open.
    if (event.target !== this.dialog) return;
    event.preventDefault();
    this.close();
  }

  private handleDialogClose() {
    // A close we did not start (Chrome can skip `cancel` on a second Escape) is a cancel.
    if (this.call) this.close();
  }

  private handleDialogPointerDown(event: PointerEvent) {
    if (event.target === this.dialog) this.close();
  }

  private handleDialogKeydown(event: KeyboardEvent) {
    trapTab(event, this.dialog, this.shadowRoot!.activeElement);
  }

  private handlePaste(event: ClipboardEvent) {
    this.takeFiles(event, event.clipboardData?.files);
  }

  private handleDragOver(event: DragEvent) {
    if (this.view !== 'camera' && event.dataTransfer?.types.includes('Files')) event.preventDefault();
  }

  private handleDrop(event: DragEvent) {
    this.takeFiles(event, event.dataTransfer?.files);
  }

  /** Files pasted or dropped join the gallery (not while the camera is open). */
  private takeFiles(event: Event, list: FileList | undefined) {
    const files = [...(list ?? [])];
    if (files.length && this.view !== 'camera') {
      event.preventDefault();
      void this.addFiles(files);
    }
  }

  // --- action sheet ---------------------------------------------------------------------

  private handleCamera() {
    this.view = 'camera';
  }

  private pickFiles() {
    this.albumInput.multiple = (this.options?.count ?? 1) > 1;
    this.albumInput.value = '';
    this.albumInput.click();
  }

  private handleAlbumChange() {
    const files = [...(this.albumInput.files ?? [])];
    this.albumInput.value = '';
    if (files.length) void this.addFiles(files);
  }

  private async addFiles(files: File[]) {
    const call = this.call;
    const half = await this.useGallery().catch((e: unknown) => this.settle({ok: false, error: unknownError(e)}));
    if (!half || !this.call || this.call !== call) return;
    const added = half.newItems(this.items, files);
    this.items = [...this.items, ...added];
    for (const item of added) {
      if (item.state !== 'unusable' && this.selection.add(item)) this.thumbs!.request(item, true);
    }
    this.focusId ??= this.items[0]?.id;
    this.requestUpdate('selection');
    this.view = 'gallery';
  }

  // --- camera ---------------------------------------------------------------------------

  private async handleShutter() {
    if (!this.video || !this.cameraCtl || this.busy) return;
    this.busy = true;
    try {
      const {blob, width, height} = await this.cameraCtl.capture(this.video, {fullResolution: this.sizeChoice === 'original'});
      const shot = {id: ++shotId, blob, url: this.urls.create(blob), width, height};
      void this.prepareShot(shot);
      if (this.options!.count === 1) {
        this.review = shot;
      } else {
        this.shots = [...this.shots, shot];
        if (this.shots.length >= this.options!.count) this.hint = this.localize.t.shotsLimit(this.options!.count);
      }
    } catch (e) {
      if (this.call) this.settle({ok: false, error: unknownError(e)});
    } finally {
      this.busy = false;
    }
  }

  /** Releases a shot's preview and drops its prepared result. */
  private discardShot(shot: Shot) {
    this.urls.release(shot.url);
    this.prefetch.drop(`s${shot.id}:`);
  }

  private handleRetake() {
    if (this.review) this.discardShot(this.review);
    this.review = null;
  }

  private handleRemoveShot(shot: Shot) {
    this.discardShot(shot);
    this.shots = this.shots.filter(s => s !== shot);
    this.hint = '';
  }

  private handleSwitch() {
    this.facing = this.facing === 'back' ? 'front' : 'back';
  }

  private handleCameraConfirm() {
    const shots = this.review ? [this.review] : this.shots;
    void this.finish(
      shots.map(s => this.prepareShot(s)),
      () => this.settle({ok: false, error: unknownError('a photo could not be encoded')})
    );
  }

  /** A capture is the "original" as taken; compressed goes through the pipeline. */
  private async captureResult(shot: Shot, signal: AbortSignal): Promise<ProcessedImage> {
    if (this.sizeChoice === 'compressed') return this.process(shot.blob, signal);
    const file = new File([shot.blob], (await loadPipeline()).imageFileName('image/jpeg'), {type: 'image/jpeg'});
    return {file, type: file.type, width: shot.width, height: shot.height};
  }

  private handleSystemCamera() {
    this.systemCameraInput.value = '';
    this.systemCameraInput.click();
  }

  private handleSystemCameraChange() {
    const file = this.systemCameraInput.files?.[0];
    this.systemCameraInput.value = '';
    if (file) void this.finish([this.process(file)], () => this.showUnusable(file));
  }

  // --- gallery --------------------------------------------------------------------------

  private handleToggle(item: GalleryItem) {
    this.focusId = item.id;
    if (item.state === 'unusable') return;
    if (this.selection.position(item)) {
      this.deselect(item);
      this.hint = '';
    } else if (this.selection.add(item)) {
      this.hint = '';
      if (item.state === 'ready') void this.prepareItem(item);
      else this.thumbs?.request(item, true);
    } else {
      this.hint = this.localize.t.selectLimit(this.selection.cap);
    }
    this.requestUpdate('selection');
  }

  private showUnusable(file: File) {
    this.hint = this.localize.t.unusable(file.name);
  }

  private handleGridKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.target as Element).matches('[part~="gallery-item"]')) {
      event.preventDefault();
      this.handleGalleryConfirm();
      return;
    }
    const next = this.galleryHalf?.gridKeyTarget(event);
    if (!next) return;
    event.preventDefault();
    this.focusId = Number(next.dataset.id);
    next.focus();
  }

  private handleOriginal() {
    this.original = !this.original;
    this.selection.items.forEach(item => void this.prepareItem(item));
  }

  private handleGalleryConfirm() {
    const chosen = [...this.selection.items];
    if (!chosen.length) return;
    void this.finish(
      chosen.map(item => this.prepareItem(item)),
      index => {
        chosen[index].state = 'unusable';
        this.deselect(chosen[index]);
        this.showUnusable(chosen[index].file);
      }
    );
  }

  // --- render ---------------------------------------------------------------------------

  private renderView() {
    const t = this.localize.t;
    const options = this.options;
    if (!options) return nothing;
    const camera = this.cameraCtl;
    switch (this.view) {
      case 'camera':
        return !camera
          ? nothing
          : this.cameraHalf!.cameraView({
              t,
              status: camera.status,
              mirrored: this.facing === 'front',
              canSwitch: camera.videoInputs > 1,
              count: options.count,
              shots: this.shots,
              review: this.review,
              busy: this.busy,
              hint: this.hint,
              onShutter: () => void this.handleShutter(),
              onSwitch: () => this.handleSwitch(),
              onRetake: () => this.handleRetake(),
              onConfirm: () => this.handleCameraConfirm(),
              onClose: () => this.close(),
              onRemoveShot: shot => this.handleRemoveShot(shot),
              onRetry: () => camera.retry(),
              onSystemCamera: () => this.handleSystemCamera(),
              onAlbum: () => this.pickFiles(),
            });
      case 'gallery':
        return this.galleryHalf!.galleryView({
          t,
          items: this.items,
          position: item => this.selection.position(item),
          selected: this.selection.size,
          count: options.count,
          focusId: this.focusId,
          showOriginalToggle: options.sizeType.length > 1,
          original: this.original,
          hint: this.hint,
          busy: this.busy,
          onToggle: item => this.handleToggle(item),
          onGridKeydown: e => this.handleGridKeydown(e),
          onOriginal: () => this.handleOriginal(),
          onAddMore: () => this.pickFiles(),
          onConfirm: () => this.handleGalleryConfirm(),
          onClose: () => this.close(),
        });
      default:
        return actionSheet({
          t,
          sourceType: options.sourceType,
          onCamera: () => this.handleCamera(),
          onAlbum: () => this.pickFiles(),
          onCancel: () => this.close(),
        });
    }
  }

  protected override render() {
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
        @paste=${this.handlePaste}
        @dragover=${this.handleDragOver}
        @drop=${this.handleDrop}
      >
        ${this.renderView()}
        <input class="album" type="file" accept="image/*" hidden tabindex="-1" @change=${this.handleAlbumChange} />
        <input class="system-camera" type="file" accept="image/*" capture="environment" hidden tabindex="-1" @change=${this.handleSystemCameraChange} />
      </dialog>
    `;
  }
}
