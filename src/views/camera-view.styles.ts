// Styles of the live camera view, adopted when the camera half loads.
import {css} from 'lit';

export default css`
  .sheet.camera {
    background: #000;
    color: #fff;
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
  }
  .stage video,
  .stage .review {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  video.mirrored {
    transform: scaleX(-1);
  }
  /* Pinch zooms the camera, not the page. */
  .stage.zoomable {
    touch-action: none;
  }
  .zoom {
    position: absolute;
    bottom: 12px;
    left: 50%;
    transform: translateX(-50%);
    width: min(70%, 320px);
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px 12px;
    border-radius: 20px;
    background: rgb(0 0 0 / 0.45);
    font-size: 13px;
  }
  .zoom input {
    flex: 1;
    min-width: 0;
    accent-color: #fff;
  }
  .zoom span {
    min-width: 3.5em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  [part~='torch'][aria-pressed='true'] {
    color: #ffd666;
  }
  .stage .message {
    position: relative;
  }
  .fallbacks {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .fallbacks .action {
    border: 1px solid currentColor;
    border-radius: 24px;
  }
  .controls {
    padding-bottom: max(var(--_space), env(safe-area-inset-bottom));
  }
  .controls .slot {
    flex: 1;
    display: flex;
  }
  .controls .slot:last-child {
    justify-content: flex-end;
  }
  .shutter {
    width: 72px;
    height: 72px;
    flex: none;
    border-radius: 50%;
    border: 4px solid #fff;
    background: rgb(255 255 255 / 0.85);
    background-clip: content-box;
    padding: 4px;
  }
  .strip {
    display: flex;
    gap: 8px;
    margin: 0;
    padding: 12px var(--_space) 8px;
    list-style: none;
    overflow-x: auto;
  }
  .strip li {
    position: relative;
    flex: none;
  }
  .strip img {
    display: block;
    width: 56px;
    height: 56px;
    object-fit: cover;
    border-radius: 6px;
  }
  .strip .remove {
    position: absolute;
    top: -8px;
    right: -8px;
    width: 24px;
    height: 24px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 4px;
    border: none;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.75);
  }
  .strip .remove svg {
    width: 14px;
    height: 14px;
  }
  .strip li:last-child {
    margin-right: 8px;
  }

  @media (forced-colors: active) {
    .shutter {
      border-color: ButtonText;
    }
    [part~='torch'][aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
