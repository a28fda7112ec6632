// Decodes gallery thumbnails at thumbnail size, off the main thread (createImageBitmap with
// resize), lazily as items scroll into view, a few at a time. Owns the thumbnails' blob: URLs
// and releases them all when the gallery closes or the host leaves the DOM.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {GalleryItem} from '../internal/gallery-item.js';
import {ObjectUrlController} from './object-url-controller.js';

const PARALLEL = 4;

export class ThumbnailController implements ReactiveController {
  private readonly urls: ObjectUrlController;
  private readonly items = new WeakMap<Element, GalleryItem>();
  private observer?: IntersectionObserver;
  private queue: GalleryItem[] = [];
  private running = 0;
  private generation = 0;

  /** `onReady` runs once an item's thumbnail is decoded. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onReady: (item: GalleryItem) => void = () => {},
    private readonly size = 256
  ) {
    host.addController(this);
    this.urls = new ObjectUrlController(host);
  }

  /** Watches the grid buttons under `root` (by `data-id`): each decodes when it scrolls into view. */
  observeAll(root: ParentNode, items: readonly GalleryItem[]) {
    const byId = new Map(items.map(i => [String(i.id), i]));
    for (const el of root.querySelectorAll<HTMLElement>('[part~="gallery-item"]')) {
      const item = byId.get(el.dataset.id!);
      if (!item || this.items.get(el) === item) continue;
      this.items.set(el, item);
      this.observer ??= new IntersectionObserver(entries => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          this.observer?.unobserve(e.target);
          const item = this.items.get(e.target);
          if (item) this.request(item);
        }
      }, {rootMargin: '200px'});
      this.observer.observe(el);
    }
  }

  /** Decodes now (ahead of the queue): a selected item must be known decodable. */
  request(item: GalleryItem, urgent = false) {
    if (item.state !== 'pending' || this.queue.includes(item) || item.thumb) return;
    if (urgent) this.queue.unshift(item);
    else this.queue.push(item);
    this.pump();
  }

  /** Releases every thumbnail and stops pending work. */
  clear() {
    this.generation++;
    this.queue = [];
    this.observer?.disconnect();
    this.observer = undefined;
    this.urls.releaseAll();
  }

  hostDisconnected() {
    this.clear();
  }

  private pump() {
    while (this.running < PARALLEL && this.queue.length) {
      const item = this.queue.shift()!;
      this.running++;
      const generation = this.generation;
      void this.decode(item).then(url => {
        this.running--;
        if (generation !== this.generation) {
          this.urls.release(url);
          return;
        }
        if (url) {
          item.thumb = url;
          item.state = 'ready';
          this.onReady(item);
        } else {
          item.state = 'unusable';
        }
        this.host.requestUpdate();
        this.pump();
      });
    }
  }

  private async decode(item: GalleryItem): Promise<string | undefined> {
    try {
      const bitmap = await createImageBitmap(item.file, {
        resizeWidth: this.size,
        resizeQuality: 'medium',
        imageOrientation: 'from-image',
      });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff'; // transparent images on white, as the compressed result is
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      return this.urls.create(await canvas.convertToBlob({type: 'image/jpeg', quality: 0.8}));
    } catch {
      return undefined;
    }
  }
}
