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
    width: 100vw;
    height: 100dvh;
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
  button {
    position: absolute;
    width: 44px;
    height: 44px;
    border: none;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.5);
    color: #fff;
    font: inherit;
    font-size: 20px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid #4096ff;
  }
  .close {
    top: 6px;
    right: 6px;
  }
  .previous,
  .next {
    top: 50%;
    transform: translateY(-50%);
  }
  .previous {
    left: 6px;
  }
  .next {
    right: 6px;
  }
`;
