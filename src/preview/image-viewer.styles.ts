import {css} from 'lit';

export default css`
  :host {
    --_backdrop: var(--choose-image-viewer-backdrop, #000);
    --_duration: var(--choose-image-sheet-duration, 200ms);
    display: contents;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
  }
  [hidden] {
    display: none !important;
  }
  dialog {
    box-sizing: border-box;
    /* The screen, as percentages of the fixed dialog's viewport: vw/dvh grow with a page's CSS zoom. */
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: none;
    background: var(--_backdrop);
    color: #fff;
    overflow: hidden;
    font: 15px/1.4 system-ui, sans-serif;
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }
  .track {
    display: flex;
    height: 100%;
    touch-action: none;
    transition: transform var(--_duration) ease-out;
  }
  .track.dragging {
    transition: none;
  }
  .slide {
    flex: none;
    width: 100%;
    height: 100%;
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
  }
  img {
    max-width: 100%;
    max-height: 100%;
    user-select: none;
    -webkit-user-drag: none;
    transition: transform var(--_duration) ease-out;
  }
  .indicator {
    position: absolute;
    top: 12px;
    left: 50%;
    transform: translateX(-50%);
    margin: 0;
    padding: 2px 10px;
    border-radius: 12px;
    background: rgb(0 0 0 / 0.5);
  }
  /* Light on black, with a ring: clearly visible over the black backdrop and over any photo. */
  button {
    position: absolute;
    width: 44px;
    height: 44px;
    border: none;
    border-radius: 50%;
    background: rgb(255 255 255 / 0.18);
    box-shadow: 0 0 0 1px rgb(255 255 255 / 0.4);
    color: #fff;
    font: inherit;
    font-size: 20px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid #4096ff;
  }
  .close {
    top: max(6px, env(safe-area-inset-top));
    right: max(6px, env(safe-area-inset-right));
  }
  .indicator {
    top: max(12px, env(safe-area-inset-top));
  }
  .footer {
    position: absolute;
    inset: auto 0 0;
  }

  .previous,
  .next {
    top: 50%;
    transform: translateY(-50%);
  }
  .previous {
    left: max(6px, env(safe-area-inset-left));
  }
  .next {
    right: max(6px, env(safe-area-inset-right));
  }
  /* Right to left the images run from the right: previous on the right, next on the left. */
  .previous:dir(rtl) {
    left: auto;
    right: max(6px, env(safe-area-inset-right));
  }
  .next:dir(rtl) {
    right: auto;
    left: max(6px, env(safe-area-inset-left));
  }
  .previous:dir(rtl),
  .next:dir(rtl) {
    transform: translateY(-50%) scaleX(-1);
  }
`;
