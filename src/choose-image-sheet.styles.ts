// Styles of <choose-image-sheet>: public custom properties read once into private tokens,
// the bottom sheet, the action sheet and the bars the camera and gallery share, dark mode and
// reduced motion. The camera's and gallery's own rules load with them (views/*.styles.ts).
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
  .sheet.camera,
  .sheet.gallery {
    height: 100dvh;
    border-radius: 0;
  }
  @media (min-width: 600px) {
    .sheet.camera,
    .sheet.gallery {
      margin: auto;
      height: min(90dvh, 820px);
      border-radius: var(--_radius);
    }
  }
  @keyframes slide-up {
    from {
      transform: translateY(30%);
      opacity: 0;
    }
  }

  .view {
    display: flex;
    flex-direction: column;
    min-height: 0;
    flex: 1;
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
  .action.primary {
    min-height: 36px;
    border-radius: 18px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 15px;
  }

  /* bars of the camera and gallery */
  .bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .bar .title {
    flex: 1;
    font-size: 16px;
    opacity: 1;
  }
  .icon,
  .icon-space {
    width: 44px;
    height: 44px;
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0;
    border: none;
    background: none;
    border-radius: 50%;
  }

  .message {
    margin: 0;
    padding: 0 var(--_space);
    min-height: 1.4em;
    font-size: 14px;
    text-align: center;
  }

  @media (forced-colors: active) {
    .action.primary {
      outline: 2px solid Highlight;
      forced-color-adjust: none;
    }
  }
`;
