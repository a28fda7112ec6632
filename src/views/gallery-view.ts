// The album gallery: a grid of picked images with numbered selection circles, and 预览 · 原图 ·
// 完成 (k/count) at the bottom, as in the pickers people use every day.
import {html, nothing} from 'lit';
import type {GalleryItem} from '../internal/gallery-item.js';
import type {GalleryTranslation} from '../locales/gallery.js';
import type {Translation} from '../locales/index.js';
import {bitmapCanvas} from './bitmap-canvas.js';
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
  /** A tap on the photo (not its circle): show it full screen. */
  onPreview: (item: GalleryItem) => void;
  /** 预览: the chosen images full screen. */
  onPreviewChosen: () => void;
  onGridKeydown: (event: KeyboardEvent) => void;
  onOriginal: () => void;
  onAddMore: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * One tile, as in WeChat's and Alipay's pickers: a tap on the photo previews it, a tap on its
 * circle (the `gallery-item` button, 44 px) selects it. At the cap the other tiles are dimmed
 * and their circles say why they cannot be chosen.
 */
function item(p: GalleryViewProps, it: GalleryItem) {
  const order = p.position(it);
  const unusable = it.state === 'unusable';
  const atCap = !order && !unusable && p.selected >= p.count;
  const label = it.excluded
    ? p.t.excluded(it.file.name, p.extension)
    : unusable
      ? p.t.unusable(it.file.name)
      : atCap
        ? p.t.itemAtLimit(it.file.name, p.count)
        : p.t.item(it.file.name, order);
  // The photo's own decode, else its EXIF thumbnail until then: drawn, the same canvas draws one, then the other.
  const shown = it.pixels ?? it.thumb;
  const turned = `embedded o${it.embedded ?? 1}`;
  // While the chosen images are processed the selection is locked: the result is what it shows.
  return html`<div part="gallery-tile" class="item ${order > 0 ? 'selected' : ''} ${unusable ? 'unusable' : ''} ${atCap ? 'at-cap' : ''}" data-id=${it.id}>
    <button class="photo" tabindex="-1" aria-label=${p.t.previewOf(it.file.name)} ?disabled=${unusable} @click=${() => p.onPreview(it)}>
      ${typeof shown === 'string'
        ? html`<img src=${shown} class=${turned} alt="" />`
        : shown
          ? html`<canvas class=${it.pixels ? '' : turned} ${bitmapCanvas(shown)}></canvas>`
          : nothing}
    </button>
    ${unusable ? html`<span class="unusable-badge" aria-hidden="true">${p.t.unusableBadge}</span>` : nothing}
    <button
      part="gallery-item"
      class="select"
      data-id=${it.id}
      tabindex=${it.id === p.focusId ? 0 : -1}
      aria-pressed=${order > 0 ? 'true' : 'false'}
      aria-disabled=${unusable || atCap || p.busy ? 'true' : 'false'}
      aria-label=${label}
      @click=${() => p.onToggle(it)}
    >
      <span class="badge" aria-hidden="true">${order || ''}</span>
    </button>
  </div>`;
}

/** The grid button an arrow key, Home or End moves focus to, if the key does that. */
export function gridKeyTarget(event: KeyboardEvent): HTMLElement | undefined {
  const grid = event.currentTarget as HTMLElement;
  const buttons = [...grid.querySelectorAll<HTMLElement>('[part~="gallery-item"]')];
  const index = buttons.indexOf(event.target as HTMLElement);
  if (index < 0) return undefined;
  const style = getComputedStyle(grid);
  const columns = Math.max(1, style.gridTemplateColumns.split(' ').length);
  // Right to left, the grid fills from the right: the next tile is to the left.
  const left = style.direction === 'rtl' ? 1 : -1;
  const step = {ArrowLeft: left, ArrowRight: -left, ArrowUp: -columns, ArrowDown: columns, Home: -index, End: buttons.length}[event.key];
  return step === undefined ? undefined : buttons[Math.min(buttons.length - 1, Math.max(0, index + step))];
}

// Items are only ever appended during a call, so a plain map() keeps each tile with its item.
export const galleryView = (p: GalleryViewProps) => html`
  <div class="view gallery">
    <header class="bar">
      <button part="close" class="icon" aria-label=${p.t.close} @click=${p.onClose}>${closeIcon}</button>
      <h2 id="title" class="title">${p.t.galleryTitle}</h2>
      <button part="add-more" class="icon" aria-label=${p.t.addMore} ?disabled=${p.busy} @click=${p.onAddMore}>${plusIcon}</button>
    </header>
    <div part="gallery" class="grid ${p.busy ? 'locked' : ''} ${p.selected >= p.count ? 'full' : ''}" role="group" aria-label=${p.t.galleryTitle} @keydown=${p.onGridKeydown}>
      ${p.items.map(it => item(p, it))}
    </div>
    <p part="message" class="message" role="status" aria-live="polite">${p.hint}</p>
    <footer class="bar">
      <button part="preview" class="text" ?disabled=${p.selected === 0} @click=${p.onPreviewChosen}>${p.t.preview}</button>
      ${p.showOriginalToggle
        ? html`<button part="original-toggle" class="toggle" role="switch" aria-checked=${p.original ? 'true' : 'false'} ?disabled=${p.busy} @click=${p.onOriginal}>
            <span class="check" aria-hidden="true"></span>${p.t.original}
          </button>`
        : nothing}
      <button part="confirm" class="action primary" ?disabled=${p.selected === 0 || p.busy} @click=${p.onConfirm}>
        ${p.t.confirm(p.selected, p.count)}
      </button>
    </footer>
  </div>
`;

export interface SingleViewProps {
  t: Translation & GalleryTranslation;
  /** The picked image, shown large; undefined when the pick could not be used. */
  url: string | undefined;
  name: string;
  showOriginalToggle: boolean;
  original: boolean;
  hint: string;
  busy: boolean;
  canConfirm: boolean;
  /** Shown only while the pick is returned at once: it appears without the views' fade. */
  still: boolean;
  onOriginal: () => void;
  onRechoose: () => void;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * count 1: the picked image large, as the camera's review shows a shot, with 原图 where both
 * sizes are allowed and 重选 / 使用照片; no one-tile grid to confirm the same image again.
 */
export const singleView = (p: SingleViewProps) => html`
  <div class="view gallery single ${p.still ? 'still' : ''}">
    <header class="bar">
      <button part="close" class="icon" aria-label=${p.t.close} @click=${p.onClose}>${closeIcon}</button>
      <h2 id="title" class="title">${p.t.galleryTitle}</h2>
      <span class="icon-space"></span>
    </header>
    <div part="gallery" class="stage">${p.url ? html`<img class="review" src=${p.url} alt=${p.name} />` : nothing}</div>
    <p part="message" class="message" role="status" aria-live="polite">${p.hint}</p>
    <footer class="bar">
      <button part="retake" class="action ${p.canConfirm ? '' : 'primary'}" ?disabled=${p.busy} @click=${p.onRechoose}>${p.t.rechoose}</button>
      ${p.showOriginalToggle
        ? html`<button part="original-toggle" class="toggle" role="switch" aria-checked=${p.original ? 'true' : 'false'} ?disabled=${p.busy} @click=${p.onOriginal}>
            <span class="check" aria-hidden="true"></span>${p.t.original}
          </button>`
        : nothing}
      <button part="confirm" class="action primary" ?disabled=${!p.canConfirm || p.busy} @click=${p.onConfirm}>${p.t.usePhoto}</button>
    </footer>
  </div>
`;
