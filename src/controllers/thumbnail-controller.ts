// Gallery thumbnails: one decode per picked image, at the scale that covers a tile's device
// pixels, in the pipeline's worker. Items on screen go first, then (after the compression of
// chosen images) those within half a screen of it, and chosen ones anywhere. A decode that is
// queued or running is never started again; it is the proof that the image decodes. Until it
// is done, a tile on screen shows the photo's EXIF thumbnail where it has one. The decoded
// pixels are held within a budget: past it, those of tiles far from the view are let go, and
// decoded again if the tile nears the view again. Owns the EXIF thumbnails' blob: URLs, where
// they are shown by an <img>, and releases them all when the gallery closes or the host leaves.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {embeddedThumbnail} from '../image/embedded-thumbnail.js';
import {narrowDecodesWhile, Priority, thumbnail, type ImageInfo, type Thumbnail} from '../image/pipeline.js';
import type {Ticket} from '../image/scheduler.js';
import type {GalleryItem} from '../internal/gallery-item.js';
import {whenRemoved} from '../internal/when-removed.js';
import {ObjectUrlController} from './object-url-controller.js';

interface Decode {
  priority: Priority;
  /** Scheduled once the tile's size is known. */
  ticket?: Ticket<Thumbnail>;
  info: Promise<ImageInfo>;
  /** Its pixels were let go (the budget): a tile nearing the view decodes them again. */
  released?: boolean;
}

/** Header reads for EXIF thumbnails started in one task (see look()). */
const LOOKS_PER_TASK = 8;

/**
 * Whether a tile's EXIF thumbnail is decoded by createImageBitmap and drawn by its canvas, or
 * shown by an <img> of a blob: URL. Drawn where the engine has WebCodecs' ImageDecoder: Chromium
 * (156), where creating and revoking each URL waits on the browser process and each <img> loads
 * and fires its load event on a main thread busy showing the tiles; and Firefox, the same either
 * way. WebKit (2.50), which has none, spent 50–85 ms more of its main thread drawing them.
 * Measured alternated, the sharp first screen ÷ the floor, drawn against shown: Chromium 1.46×,
 * 1.31×, 1.50× against 1.58×, 1.54×, 1.50× (any thumbnail 0.11–0.16× the bare page against
 * 0.18–0.20×), low-end 1.85×, 1.83× against 1.94×, 1.98×; Firefox 1.26×, 1.30× against 1.32×,
 * 1.18×; WebKit 1.39×, 1.41× against 1.33×, 1.33×.
 */
const drawsEmbedded = () => typeof ImageDecoder !== 'undefined';

/** The tile size (CSS px) for a decode whose thumbnail no tile shows. */
const UNSHOWN_TILE = 96;

/**
 * Decoded thumbnail pixels held at most (4 bytes each: 32 MB), unless the tiles near the view
 * need more. A phone's tile (about 125 CSS px at 3 device pixels each) is 140,000 pixels: some
 * 60 tiles, two screens of a grid of four columns. A few hundred photos would hold 80 MB and more.
 */
export const PIXEL_BUDGET = 8 * 1024 * 1024;

export class ThumbnailController implements ReactiveController {
  /** For tests: the pixel budget, lowered to see it kept without hundreds of photos. */
  static pixelBudget = PIXEL_BUDGET;
  private readonly urls: ObjectUrlController;
  private readonly elements = new WeakMap<Element, GalleryItem>();
  private decodes = new Map<GalleryItem, Decode>();
  /** Items whose EXIF thumbnail was looked for, and those whose header read is yet to start. */
  private looked = new WeakSet<GalleryItem>();
  private toLook: GalleryItem[] = [];
  /** The header reads asked for and not yet settled, while decodes are narrowed for them (see look()). */
  private looking?: {reads: number; settle: () => void};
  /** Items whose tile is within half a screen of the view; their pixels are never let go. */
  private near = new Set<GalleryItem>();
  /** Items holding pixels, the oldest first, and how many. */
  private held = new Map<GalleryItem, number>();
  private heldPixels = 0;
  private abort = new AbortController();
  /** Items in the grid's view, and items within half a screen of it. */
  private visible?: IntersectionObserver;
  private nearing?: IntersectionObserver;
  private resized?: ResizeObserver;
  /** A tile's edge in device pixels, measured from the grid; decodes wait for it. */
  private tile = 0;
  private measured!: Promise<void>;
  private setMeasured!: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.urls = new ObjectUrlController(host);
    this.unmeasure();
  }

  /** Watches the tiles (by `data-id`) of the grid `grid`: each decodes as it nears the view. */
  observeAll(grid: Element, items: readonly GalleryItem[]) {
    const byId = new Map(items.map(i => [String(i.id), i]));
    const buttons = grid.querySelectorAll<HTMLElement>('[part~="gallery-tile"]');
    const fresh = [...buttons].filter(el => {
      const item = byId.get(el.dataset.id!);
      return item && this.elements.get(el) !== item;
    });
    // Called after every render (a thumbnail's arrival renders): with no new tile, nothing is
    // read from the layout, which would force one in a render that changed the DOM.
    if (!fresh.length && this.tile && this.visible?.root === grid) return;
    // No tiles (count 1 shows its pick large, not in a grid): the decode still proves the image
    // decodes and reads its size, at a small size.
    const width = buttons.length ? buttons[0].getBoundingClientRect().width : UNSHOWN_TILE;
    this.measure(width);
    if (this.visible?.root !== grid) {
      this.disconnect();
      // Watched against the scrolling grid itself: a margin on the viewport would be clipped by it.
      this.visible = new IntersectionObserver(entries => this.seen(entries, Priority.VISIBLE), {root: grid});
      this.nearing = new IntersectionObserver(entries => this.seen(entries, Priority.LATER), {root: grid, rootMargin: '50% 0px'});
      // Tiles that change size later (a phone turned) are reported after layout, not read.
      this.resized = new ResizeObserver(([e]) => this.measure(e.borderBoxSize[0]?.inlineSize ?? e.contentRect.width));
    }
    if (buttons.length) {
      this.resized!.disconnect();
      this.resized!.observe(buttons[0]);
    }
    const view = grid.getBoundingClientRect();
    for (const el of fresh) {
      const item = byId.get(el.dataset.id!)!;
      this.elements.set(el, item);
      this.visible.observe(el);
      this.nearing!.observe(el);
      // On screen now: asked for in this task, before the observer's first report a frame later,
      // so it goes ahead of the compression started by the same pick.
      const r = el.getBoundingClientRect();
      if (r.bottom > view.top && r.top < view.bottom) this.show(item, Priority.VISIBLE);
    }
  }

  /** Decodes `item` at `priority`, or moves its queued decode up to it. */
  request(item: GalleryItem, priority: Priority) {
    this.start(item, priority);
  }

  /** The item's decode: its size and type once it is known to decode; rejects if it does not. */
  decoded(item: GalleryItem): Promise<ImageInfo> {
    return this.start(item, Priority.CHOSEN)?.info ?? Promise.reject(new DOMException(`${item.file.name} is not an image`, 'EncodingError'));
  }

  /** Releases every thumbnail and stops pending work. */
  clear() {
    this.abort.abort();
    this.abort = new AbortController();
    this.decodes = new Map();
    this.looked = new WeakSet();
    this.toLook = [];
    this.looking?.settle();
    for (const item of this.held.keys()) this.release(item);
    this.near = new Set();
    this.disconnect();
    this.urls.releaseAll();
    this.unmeasure();
  }

  /** A tile is `width` CSS px wide (0: not laid out yet): decodes from now on cover it. */
  private measure(width: number) {
    if (!width) return;
    this.tile = Math.ceil(width * devicePixelRatio);
    this.setMeasured();
  }

  private unmeasure() {
    this.tile = 0;
    this.measured = new Promise(resolve => (this.setMeasured = resolve));
  }

  hostDisconnected() {
    whenRemoved(this.host, () => this.clear());
  }

  private disconnect() {
    this.visible?.disconnect();
    this.nearing?.disconnect();
    this.resized?.disconnect();
    this.visible = this.nearing = this.resized = undefined;
  }

  private seen(entries: IntersectionObserverEntry[], priority: Priority) {
    for (const e of entries) {
      const item = this.elements.get(e.target);
      if (!item) continue;
      if (priority === Priority.LATER) this.near[e.isIntersecting ? 'add' : 'delete'](item);
      if (e.isIntersecting) this.show(item, priority);
      // Scrolled out of view before its turn: it waits behind what is on screen now.
      else if (priority === Priority.VISIBLE) this.lower(item, Priority.LATER);
    }
    if (priority === Priority.LATER) this.keepBudget();
  }

  /** A tile needs its thumbnail: decoded (or moved up), or decoded again if its pixels were let go. */
  private show(item: GalleryItem, priority: Priority) {
    const decode = this.start(item, priority);
    if (!decode?.released) return;
    decode.released = false;
    decode.priority = priority;
    // It decoded before: a failure now (the file gone from the disk) leaves the tile blank.
    this.draw(item, decode).catch(() => {});
  }

  private lower(item: GalleryItem, priority: Priority) {
    const decode = this.decodes.get(item);
    if (decode && decode.priority < priority) this.move(decode, priority);
  }

  private move(decode: Decode, priority: Priority) {
    decode.priority = priority;
    decode.ticket?.setPriority(priority);
  }

  private start(item: GalleryItem, priority: Priority): Decode | undefined {
    if (priority <= Priority.VISIBLE) this.showEmbedded(item);
    const known = this.decodes.get(item);
    if (known) {
      if (priority < known.priority) this.move(known, priority);
      return known;
    }
    if (item.state === 'unusable') return undefined;
    const {signal} = this.abort;
    const decode: Decode = {priority, info: undefined!};
    decode.info = this.draw(item, decode).catch(error => {
      if (!signal.aborted) {
        this.dropEmbedded(item); // no EXIF thumbnail for a photo that does not decode
        item.state = 'unusable';
        this.host.requestUpdate();
      }
      throw error;
    });
    decode.info.catch(() => {}); // awaited by decoded(), or never: not an unhandled rejection
    this.decodes.set(item, decode);
    return decode;
  }

  /** Decodes the item's thumbnail once the tile's size is known, and shows it. */
  private async draw(item: GalleryItem, decode: Decode): Promise<ImageInfo> {
    const {signal} = this.abort;
    await this.measured;
    const {bitmap, info} = await (decode.ticket = thumbnail(item.file, this.tile, decode.priority, signal)).promise;
    if (signal.aborted) {
      bitmap.close();
      return info;
    }
    this.dropEmbedded(item); // the EXIF thumbnail, if one was shown
    if (item.pixels) this.release(item);
    item.pixels = bitmap;
    item.state = 'ready';
    this.held.set(item, bitmap.width * bitmap.height);
    this.heldPixels += bitmap.width * bitmap.height;
    this.keepBudget();
    this.host.requestUpdate();
    return info;
  }

  private dropEmbedded(item: GalleryItem) {
    this.releaseEmbedded(item.thumb);
    item.thumb = item.embedded = undefined;
  }

  /** Lets an EXIF thumbnail go: its URL revoked, or its pixels (a canvas that drew them closed them already). */
  private releaseEmbedded(thumb: GalleryItem['thumb']) {
    if (typeof thumb === 'string') this.urls.release(thumb);
    else thumb?.close();
  }

  /** Over the budget: the pixels of tiles far from the view go, the longest held first. */
  private keepBudget() {
    for (const item of this.held.keys()) {
      if (this.heldPixels <= ThumbnailController.pixelBudget) return;
      if (this.near.has(item)) continue;
      this.release(item);
      const decode = this.decodes.get(item);
      if (decode) decode.released = true;
      this.host.requestUpdate();
    }
  }

  /** Lets the item's pixels go: its tile's canvas leaves the template, which clears it. */
  private release(item: GalleryItem) {
    item.pixels?.close(); // a canvas that drew it closed it already
    item.pixels = undefined;
    this.heldPixels -= this.held.get(item) ?? 0;
    this.held.delete(item);
  }

  /**
   * A tile on screen whose photo carries an EXIF thumbnail shows it until its own decode is
   * done: reading the header takes a 64 kB read, the decode of a 12 MP photo tens of ms.
   */
  private showEmbedded(item: GalleryItem) {
    if (this.looked.has(item) || item.state !== 'pending') return;
    this.looked.add(item);
    this.lookFor().reads++;
    if (this.toLook.push(item) === 1) setTimeout(() => this.look());
  }

  /**
   * The reads under way, and a narrowing of the decodes for them: a screen's EXIF thumbnails are
   * read on the main thread, which on two cores waits for one while two decodes run. Measured in
   * Chromium 156 (with canvas-free tiles, thumbnail.ts), alternated: the sharp first screen 1.51×
   * and 1.40× the decode-only floor against 1.74× and 1.62× without; narrowed until the reads had
   * also rendered, 1.56× and 1.55×. So it ends when the last read settles.
   */
  private lookFor() {
    if (this.looking) return this.looking;
    let settle!: () => void;
    narrowDecodesWhile(new Promise<void>(resolve => (settle = resolve)));
    return (this.looking = {reads: 0, settle: () => {
      this.looking = undefined;
      settle();
    }});
  }

  private lookSettled(reads: number) {
    if ((this.looking!.reads -= reads) === 0) this.looking!.settle();
  }

  /**
   * Starts the header reads a few per task, after the task that asked: starting one read costs
   * the main thread about a millisecond (32 took 21–39 ms on the bench machine), and the task
   * of a pick already renders every tile. A batch's thumbnails are shown by one render, and one
   * frame, when its last read settles, not one each. Measured alternated, low-end Chromium (CPU
   * 4× slower), four pairs: the first screen with any thumbnail 0.24×, 0.18×, 0.20×, 0.33× the
   * bare page against 0.33×, 0.27×, 0.29×, 0.24×, the sharp one 1.63×, 1.46×, 1.42×, 2.04× the
   * floor against 1.85×, 1.99×, 1.70×, 1.74×; Chromium 0.10×, 0.10× against 0.13×, 0.12×; Firefox
   * and WebKit within their noise. Redrawing only the tile whose thumbnail arrived (a directive
   * per tile, each arrival still its own frame) was no better than a render each (0.28×, 0.24×).
   */
  private look() {
    const {signal} = this.abort;
    const batch = this.toLook.splice(0, LOOKS_PER_TASK);
    if (this.toLook.length) setTimeout(() => this.look());
    const reads = batch.map(async item => {
      const wanted = () => !signal.aborted && item.state === 'pending' && !item.thumb;
      try {
        const found = await embeddedThumbnail(item.file);
        if (!found || !wanted()) return;
        const thumb = drawsEmbedded() ? await createImageBitmap(found.blob) : this.urls.create(found.blob);
        if (!wanted()) return this.releaseEmbedded(thumb);
        item.thumb = thumb;
        item.embedded = found.orientation;
      } catch {
        // unreadable, or a thumbnail that does not decode: the photo's own decode says
      }
    });
    // One render for the batch, not one of every tile per arriving thumbnail.
    void Promise.all(reads).then(() => {
      if (signal.aborted) return;
      this.host.requestUpdate();
      this.lookSettled(batch.length);
    });
  }
}
