// Owns blob: URLs shown inside the sheet (previews, thumbnails): each is revoked when released,
// and every one is revoked when the host leaves the DOM (not when it is only moved).
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {whenRemoved} from '../internal/when-removed.js';

export class ObjectUrlController implements ReactiveController {
  private readonly urls = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  create(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.urls.add(url);
    return url;
  }

  release(url: string | undefined) {
    if (url && this.urls.delete(url)) URL.revokeObjectURL(url);
  }

  releaseAll() {
    this.urls.forEach(url => URL.revokeObjectURL(url));
    this.urls.clear();
  }

  /** Live URLs, for leak checks. */
  get size() {
    return this.urls.size;
  }

  hostDisconnected() {
    whenRemoved(this.host, () => this.releaseAll());
  }
}
