// The album gallery: a grid of picked images with numbered selection badges, the original
// toggle, "add more" and "完成 (k/count)".
import {html, nothing} from 'lit';
import type {GalleryItem} from '../internal/gallery-item.js';
import type {GalleryTranslation} from '../locales/gallery.js';
import type {Translation} from '../locales/index.js';
import {closeIcon, plusIcon} from './icons.js';

export interface GalleryViewProps {
  t: Translation & GalleryTranslation;
  items: GalleryItem[];
  /** The `extension` option, to say why an excluded file cannot be chosen. */
  extension: string[];
  position: (item: GalleryItem) => number;
  selected: number;
  count: number;
  /** Roving tabindex: the item that takes Tab focus. */
  focusId: number | undefined;
  showOriginalToggle: boolean;
  original: boolean;
  hint: string;
  busy: boolean;
  onToggle: (item: GalleryItem) => void;
  onGridKeydown: (event: KeyboardEvent) => void;
  onOriginal: () => void;
  onAddMore: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

function item(p: GalleryViewProps, it: GalleryItem) {
  const order = p.position(it);
  const unusable = it.state === 'unusable';
  const label = it.excluded ? p.t.excluded(it.file.name, p.extension) : unusable ? p.t.unusable(it.file.name) : p.t.item(it.file.name, order);
  // While the chosen images are processed the selection is locked: the result is what it shows.
  return html`<button
    part="gallery-item"
    class="item ${order > 0 ? 'selected' : ''} ${unusable ? 'unusable' : ''}"
    data-id=${it.id}
    tabindex=${it.id === p.focusId ? 0 : -1}
    aria-pressed=${order > 0 ? 'true' : 'false'}
    aria-disabled=${unusable || p.busy ? 'true' : 'false'}
    aria-label=${label}
    @click=${() => p.onToggle(it)}
  >
    ${it.thumb ? html`<img src=${it.thumb} alt="" />` : nothing}
    ${unusable ? html`<span class="unusable-badge" aria-hidden="true">${p.t.unusableBadge}</span>` : nothing}
    <span class="badge" aria-hidden="true">${order || ''}</span>
  </button>`;
}

/** The grid button an arrow key, Home or End moves focus to, if the key does that. */
export function gridKeyTarget(event: KeyboardEvent): HTMLElement | undefined {
  const grid = event.currentTarget as HTMLElement;
  const buttons = [...grid.querySelectorAll<HTMLElement>('[part~="gallery-item"]')];
  const index = buttons.indexOf(event.target as HTMLElement);
  if (index < 0) return undefined;
  const columns = Math.max(1, getComputedStyle(grid).gridTemplateColumns.split(' ').length);
  const step = {ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns, Home: -index, End: buttons.length}[event.key];
  return step === undefined ? undefined : buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
}

// Items are only ever appended during a call, so a plain map() keeps each button with its item.
export const galleryView = (p: GalleryViewProps) => html`
  <div class="view gallery">
    <header class="bar">
      <button part="close" class="icon" aria-label=${p.t.close} @click=${p.onClose}>${closeIcon}</button>
      <h2 id="title" class="title">${p.t.galleryTitle}</h2>
      <button part="add-more" class="icon" aria-label=${p.t.addMore} @click=${p.onAddMore}>${plusIcon}</button>
    </header>
    <div part="gallery" class="grid ${p.busy ? 'locked' : ''}" role="group" aria-label=${p.t.galleryTitle} @keydown=${p.onGridKeydown}>
      ${p.items.map(it => item(p, it))}
    </div>
    <p part="message" class="message" role="status" aria-live="polite">${p.hint}</p>
    <footer class="bar">
      ${p.showOriginalToggle
        ? html`<button part="original-toggle" class="toggle" role="switch" aria-checked=${p.original ? 'true' : 'false'} ?disabled=${p.busy} @click=${p.onOriginal}>
            <span class="check" aria-hidden="true"></span>${p.t.original}
          </button>`
        : html`<span></span>`}
      <button part="confirm" class="action primary" ?disabled=${p.selected === 0 || p.busy} @click=${p.onConfirm}>
        ${p.t.confirm(p.selected, p.count)}
      </button>
    </footer>
  </div>
`;
