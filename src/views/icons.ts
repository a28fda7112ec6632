// Icons as inline SVG: the same on every system font, and safe under a strict CSP.
import {svg} from 'lit';

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`);
export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const switchIcon = icon(svg`<path d="M4 9a8 8 0 0 1 14-3l2 2M20 4v4h-4M20 15a8 8 0 0 1-14 3l-2-2M4 20v-4h4"/>`);
export const torchIcon = icon(svg`<path d="M13 2L4 14h7l-1 8 9-12h-7z"/>`);
