// Picks the host's Translation from its `locale`, else `<html lang>`, and re-renders the host
// when `<html lang>` changes (one shared observer for every connected host).
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {resolveLocale, type Translation} from '../locales/index.js';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Supplies `t`, the active Translation, to a host that has an optional `locale`. */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & {locale?: string | null}) {
    host.addController(this);
  }

  get t(): Translation {
    return resolveLocale(this.host.locale || document.documentElement.lang);
  }

  hostConnected() {
    hosts.add(this.host);
    observer ??= new MutationObserver(() => hosts.forEach(h => h.requestUpdate()));
    if (hosts.size === 1) observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
  }

  hostDisconnected() {
    hosts.delete(this.host);
    if (hosts.size === 0) observer?.disconnect();
  }
}
