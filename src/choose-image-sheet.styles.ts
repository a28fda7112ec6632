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
    /* In landscape the notch and the rounded corners are at the sides. */
    padding: 0 env(safe-area-inset-right) 0 env(safe-area-inset-left);
    border: none;
    width: 100%;
    max-width: 560px;
    /* Of the screen, not 100dvh, which grows with a page's CSS zoom (see pane.styles.ts). */
    max-height: 100%;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    color: var(--_on-surface);
    font: 16px/1.4 var(--_font);
    overflow: hidden;
    /* Seen wherever it is mounted, even in a container with visibility: hidden. */
    visibility: visible;
    -webkit-tap-highlight-color: transparent;
  }
  .sheet[open] {
    display: flex;
    flex-direction: column;
    animation: slide-up var(--_duration) ease-out;
  }
  .sheet::backdrop {
    background: var(--_backdrop);
    animation: fade-in var(--_duration) ease-out;
  }
  /* A window, not a phone (a phone held sideways is wide but short): every view is one centred card. */
  @media (min-width: 600px) and (min-height: 600px) {
    .sheet {
      margin: auto;
      border-radius: var(--_radius);
    }
    .sheet[open] {
      animation-name: pop-in;
    }
  }
  @keyframes slide-up {
    from {
      transform: translateY(30%);
      opacity: 0;
    }
  }
  @keyframes pop-in {
    from {
      transform: scale(0.96);
      opacity: 0;
    }
  }
  @keyframes fade-in {
    from {
      opacity: 0;
    }
  }
  /*
   * Every dismiss slides the sheet away. close() takes it out of the top layer at once (the
   * page is usable again); where the browser can keep it painted there meanwhile (overlay),
   * it leaves with a transition. Elsewhere it would drop into the page for that time, so it
   * just goes.
   */
  @supports (overlay: auto) {
    .sheet {
      transition:
        transform var(--_duration) ease-in,
        opacity var(--_duration) ease-in,
        overlay var(--_duration) allow-discrete,
        display var(--_duration) allow-discrete;
    }
    /* Leaving, it takes no tap: the page (or the next call's sheet) under it is live at once. */
    .sheet:not([open]) {
      transform: translateY(40%);
      opacity: 0;
      pointer-events: none;
    }
    .sheet::backdrop {
      transition:
        opacity var(--_duration) ease-in,
        overlay var(--_duration) allow-discrete,
        display var(--_duration) allow-discrete;
    }
    .sheet:not([open])::backdrop {
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
    /* A new view (actions → gallery) fades in rather than jumping. */
    animation: fade-in var(--_duration) ease-out;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    touch-action: manipulation;
  }
  /* Pressed on touch; hovered only where there is a real pointer. */
  button:not(:disabled):active {
    filter: brightness(0.9);
  }
  @media (hover: hover) {
    .action:not(:disabled):hover {
      background-color: color-mix(in srgb, currentColor 6%, transparent);
    }
  }
  /* Keyboard focus only (never after a tap), a ring that holds on any photo: accent inside, white outside. */
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
    box-shadow: inset 0 0 0 5px #fff;
  }
  button:focus:not(:focus-visible) {
    outline: none;
  }

  .title {
    margin: 0;
    font-size: 14px;
    font-weight: 500;
    text-align: center;
    opacity: 0.7;
  }

  /* action sheet */
  .actions {
    /* 取消 keeps its full height above the home indicator. */
    padding-bottom: env(safe-area-inset-bottom);
  }
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
  .actions .note {
    margin: 0;
    padding: 12px var(--_space);
    border-top: 1px solid var(--_muted);
    font-size: 15px;
    text-align: center;
    opacity: 0.6;
  }
  .actions .cancel {
    border-top: 8px solid var(--_muted);
  }

`;
