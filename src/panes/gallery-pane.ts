// The gallery half of the sheet: the picked files, the capped selection, thumbnails and the
// gallery view, for the open call. Loaded as a chunk when a call may use the album.
import {html, type ReactiveController} from 'lit';
import {ThumbnailController} from '../controllers/thumbnail-controller.js';
import {hurry, original, Priority, rest, stillReadable} from '../image/pipeline.js';
import {Prefetch} from '../image/prefetch.js';
import {newItems, type GalleryItem} from '../internal/gallery-item.js';
import {Selection} from '../internal/selection.js';
import {withGalleryTerms} from '../locales/gallery.js';
import {galleryView, gridKeyTarget, singleView} from '../views/gallery-view.js';
import paneStyles from '../views/pane.styles.js';
import styles from '../views/gallery-view.styles.js';
import {GalleryPreview} from './gallery-preview.js';
import {finish, processFor} from './results.js';
import type {SheetPort} from './sheet-port.js';

/** The gallery half, a reactive controller of the sheet. */
export class GalleryPane implements ReactiveController {
  static readonly styles = [paneStyles, styles];

  private readonly thumbs: ThumbnailController;
  private readonly preview: GalleryPreview;
  /** The chosen images' results, started at choice. */
  private readonly prepared: Prefetch;
  private items: GalleryItem[] = [];
  private selection = new Selection<GalleryItem>(1);
  /** Roving tabindex: the item that takes Tab focus. */
  private focusId: number | undefined;
  /** Count 1's pick is being returned at once: it is not shown (see add()). */
  private returning = false;

  constructor(private readonly sheet: SheetPort) {
    this.thumbs = new ThumbnailController(sheet.host);
    this.preview = new GalleryPreview(sheet, item => this.thumbs.decoded(item));
    this.prepared = new Prefetch(sheet);
    this.reset(sheet.options?.count ?? 1);
    sheet.host.addController(this);
    // Files pasted or dropped anywhere on the sheet join the gallery (not while the camera is open).
    const {root} = sheet;
    root.addEventListener('paste', e => this.take(e, (e as ClipboardEvent).clipboardData?.files));
    root.addEventListener('drop', e => this.take(e, (e as DragEvent).dataTransfer?.files));
    root.addEventListener('dragover', e => {
      if (this.takes() && (e as DragEvent).dataTransfer?.types.includes('Files')) e.preventDefault();
    });
  }

  private takes() {
    return !!this.sheet.options && !this.sheet.shows('camera');
  }

  private take(event: Event, list: FileList | undefined) {
    const files = [...(list ?? [])];
    if (files.length && this.takes()) {
      event.preventDefault();
      void this.sheet.addFiles(files);
    }
  }

  /** The sheet's strings and the gallery's, in the active language. */
  private get t() {
    return withGalleryTerms(this.sheet.t);
  }

  /** A new call: nothing picked, at most `count` chosen. */
  reset(count: number) {
    this.clear();
    this.selection = new Selection(count);
    this.focusId = undefined;
    this.returning = false;
  }

  /** Releases the thumbnails and stops their work; the pipeline's workers end once idle. */
  clear() {
    this.thumbs.clear();
    this.preview.clear();
    this.prepared.drop();
    this.items = [];
    rest();
  }

  /** Where focus goes when the gallery shows: the grid's roving tab stop, if there is a grid. */
  focusTarget() {
    return this.sheet.root.querySelector<HTMLElement>('.gallery [part~="gallery-item"][tabindex="0"]');
  }

  /** One image to choose: the pick is reviewed large (or returned at once), not shown in a grid. */
  private get single() {
    return this.selection.cap === 1;
  }

  /**
   * Adds files not already here; they are selected while the cap allows. With count 1 a new
   * pick (重选, a drop) replaces the one under review, and with one size type it is returned at
   * once: the system picker was the choice, as it is in native apps.
   */
  add(files: File[]) {
    // Locked while the chosen images are processed (正在处理…), as the selection is: a file pasted
    // or dropped then would change a result already on its way. Refused, and said so.
    if (this.sheet.busy) {
      this.sheet.hint = this.t.notWhileProcessing;
      return;
    }
    if (this.single) {
      this.items.forEach(item => this.deselect(item));
      this.items = [];
      this.sheet.hint = ''; // what was said of the pick it replaces
    }
    const extension = this.sheet.options?.extension;
    const added = newItems(this.items, files, extension);
    const excluded = added.find(item => item.excluded);
    // Say why at once: the picker may have shown every image (see acceptFor()).
    if (excluded) this.sheet.hint = this.t.excluded(excluded.file.name, extension!);
    this.items = [...this.items, ...added];
    const usable = added.filter(item => item.state !== 'unusable');
    for (const item of usable) {
      if (this.selection.add(item)) this.choose(item);
    }
    // Never drop picks silently: say how many of them the cap let in.
    if (usable.some(item => !this.selection.position(item))) {
      this.sheet.hint = this.t.pickedOverLimit(usable.length, this.selection.size, this.selection.cap);
    }
    this.focusId ??= this.items[0]?.id;
    this.sheet.host.requestUpdate();
    // Returned at once, the pick is not shown large meanwhile: showing it decodes the whole photo
    // (a decode for its size, then the <img>'s own) on the cores its compression needs.
    this.returning = this.single && this.sheet.options?.sizeType.length === 1 && this.selection.size > 0;
    if (this.returning) this.confirm();
  }

  /** Before each render of the sheet: a selected file that turned out undecodable leaves the selection. */
  hostUpdate() {
    for (const item of this.selection.items) {
      if (item.state === 'unusable') this.deselect(item);
    }
  }

  /** After each render of the sheet: thumbnails decode as their tiles near the view. */
  hostUpdated() {
    const grid = this.sheet.root.querySelector('[part~="gallery"]');
    if (grid && this.sheet.shows('gallery')) this.thumbs.observeAll(grid, this.items);
  }

  render() {
    const {sheet} = this;
    const options = sheet.options!;
    if (this.single) {
      const item = this.selection.items[0] ?? this.items[this.items.length - 1];
      const unusable = item?.state === 'unusable';
      return singleView({
        t: this.t,
        url: item && !unusable && !this.returning ? this.preview.urlOf(item) : undefined,
        name: item?.file.name ?? '',
        showOriginalToggle: options.sizeType.length > 1,
        original: sheet.original,
        // A pick that cannot be used says why (an excluded one already has its own message).
        hint: unusable ? sheet.hint || this.t.unusable(item.file.name) : sheet.hint,
        busy: sheet.busy,
        canConfirm: this.selection.size > 0,
        still: this.returning,
        onOriginal: () => this.toggleOriginal(),
        onRechoose: () => sheet.pickFiles(),
        onConfirm: () => this.confirm(),
        onClose: () => sheet.close(),
      });
    }
    const shared = {
      t: this.t,
      position: (item: GalleryItem) => this.selection.position(item),
      selected: this.selection.size,
      count: options.count,
      showOriginalToggle: options.sizeType.length > 1,
      original: sheet.original,
      busy: sheet.busy,
      onToggle: (item: GalleryItem) => this.toggle(item),
      onOriginal: () => this.toggleOriginal(),
      onConfirm: () => this.confirm(),
    };
    return html`${galleryView({
      ...shared,
      items: this.items,
      extension: options.extension ?? [],
      focusId: this.focusId,
      hint: sheet.hint,
      onPreview: item => void this.preview.show(this.items.filter(i => i.state !== 'unusable'), this.items.filter(i => i.state !== 'unusable').indexOf(item)),
      onPreviewChosen: () => void this.preview.show([...this.selection.items], 0),
      onGridKeydown: e => this.keydown(e),
      onAddMore: () => sheet.pickFiles(),
      onClose: () => sheet.close(),
    })}${this.preview.render(shared)}`;
  }

  /**
   * Starts what a chosen image needs, from the moment it is chosen: its compression, and its
   * decode (an original is returnable only once it is known to decode).
   */
  private choose(item: GalleryItem) {
    // Count 1 shows no thumbnail: its pick decodes only for what it returns (or shows large).
    if (!this.single) this.thumbs.request(item, Priority.LATER);
    void this.prepare(item);
  }

  private prepare(item: GalleryItem) {
    return this.prepared.get(item.id, signal =>
      this.sheet.original ? this.thumbs.decoded(item).then(info => original(item.file, info, signal)) : processFor(this.sheet, item.file, signal)
    );
  }

  private deselect(item: GalleryItem) {
    this.selection.remove(item);
    this.prepared.drop(item.id);
    this.sheet.host.requestUpdate();
  }

  private toggle(item: GalleryItem) {
    const {sheet} = this;
    this.focusId = item.id;
    sheet.host.requestUpdate();
    if (item.state === 'unusable' || sheet.busy) return; // locked while processing
    if (this.selection.position(item)) {
      this.deselect(item);
      sheet.hint = '';
    } else if (this.selection.add(item)) {
      sheet.hint = '';
      this.choose(item);
    } else {
      sheet.hint = this.t.selectLimit(this.selection.cap); // a tap on a dimmed tile says why
    }
  }

  /** Arrows, Home and End move between the circles (Enter and Space toggle them, as buttons do). */
  private keydown(event: KeyboardEvent) {
    const next = gridKeyTarget(event);
    if (!next) return;
    event.preventDefault();
    this.focusId = Number(next.dataset.id);
    this.sheet.host.requestUpdate();
    next.focus();
  }

  private toggleOriginal() {
    if (this.sheet.busy) return;
    this.sheet.hint = ''; // "最多只能选择 n 张" no longer applies to what was just done
    this.sheet.original = !this.sheet.original;
    this.selection.items.forEach(item => void this.prepare(item));
  }

  private confirm() {
    const chosen = [...this.selection.items];
    if (!chosen.length) return;
    this.preview.close();
    // What the chosen images still need goes first now: the decode that proves an original
    // decodes, or the compression.
    for (const item of chosen) {
      if (this.sheet.original) this.thumbs.request(item, Priority.URGENT);
      else hurry(item.file);
    }
    void finish(
      this.sheet,
      // Read again at confirm: a file changed or deleted on disk since it was picked is not returned.
      chosen.map(item => this.prepare(item).then(stillReadable)),
      index => {
        chosen[index].state = 'unusable';
        this.deselect(chosen[index]);
        this.sheet.hint = this.t.unusable(chosen[index].file.name);
      }
    );
  }
}
