// Styles of <choose-image-sheet>: public custom properties read once into private tokens,
// the bottom sheet and the action sheet, dark mode and reduced motion. The camera's and the
// gallery's rules load with their panes (views/*.styles.ts).
import {css} from 'lit';

export default css`
  :host {
    --_accent: var(--choose-image-sheet-accent, #0958d9);
    --_on-accent: var(--choose-image-sheet-on-accent, #fff);
    --_surface: var(--choose-image-sheet-surface, #fff);
    --_on-surface: var(--choose-image-sheet-on-surface, #1f1f1f);
    --_muted: var(--choose-image-sheet-muted, #f2f3f5);
    --_radius: var(--choose-image-sheet-radius, 12px);
    --_backdrop: var(--choose-image-sheet-backdrop, rgb(0 0 0 / 0.45));
    --_duration: var(--choose-image-sheet-duration, 200ms);
    --_font: var(--choose-image-sheet-font, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_space: var(--choose-image-sheet-spacing, 16px);
    display: contents;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_surface: var(--choose-image-sheet-surface, #1f1f1f);
      --_on-surface: var(--choose-image-sheet-on-surface, #f0f0f0);
      --_muted: var(--choose-image-sheet-muted, #2c2c2e);
      --_accent: var(--choose-image-sheet-accent, #4096ff);
      --_on-accent: var(--choose-image-sheet-on-accent, #000);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
  }

  [hidden] {
    display: none !important;
  }

  .sheet {
    box-sizing: border-box;
    margin: auto auto 0;
    padding: 0;
    border: none;
    width: 100%;
    max-width: 560px;
    max-height: 100dvh;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    color: var(--_on-surface);
    font: 16px/1.4 var(--_font);
    overflow: hidden;
  }
  .sheet[open] {
    display: flex;
    flex-direction: column;
    animation: slide-up var(--_duration) ease-out;
  }
  .sheet::backdrop {
    background: var(--_backdrop);
  }
  @keyframes slide-up {
    from {
      transform: translateY(30%);
      opacity: 0;
    }
  }

  /* Content-sized (basis auto): fills a full-height sheet (camera, gallery), shrinks (min-height
     0) where the sheet reaches its max-height. A zero basis (flex: 1) collapsed the view, and so
     the whole action sheet, to 0 px in WebKit, whose auto-height column took it as the size. */
  .view {
    display: flex;
    flex-direction: column;
    min-height: 0;
    flex: 1 1 auto;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.4;
  }
  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
  }

  .title {
    margin: 0;
    font-size: 14px;
    font-weight: 500;
    text-align: center;
    opacity: 0.7;
  }

  /* action sheet */
  .actions .title {
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .actions .group {
    display: flex;
    flex-direction: column;
  }
  .action {
    min-height: 48px;
    padding: 0 var(--_space);
    border: none;
    background: none;
    font-size: 17px;
  }
  .actions .action {
    border-top: 1px solid var(--_muted);
  }
  .actions .cancel {
    border-top: 8px solid var(--_muted);
    padding-bottom: env(safe-area-inset-bottom);
  }
`;
