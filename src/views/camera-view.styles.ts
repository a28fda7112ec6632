// Styles of the live camera view, adopted when the camera half loads. The picture fills the
// view; the bars float over it on scrims, the controls where thumbs are: at the bottom on a phone
// held upright, down the right side on a phone held sideways.
import {css} from 'lit';

export default css`
  /* No fade-in (the sheet's other views have one): while anything animates, Chromium presents a
     starting <video>'s first frame a frame later (bench D1: 1.23× a bare page's tap → first
     frame, 0.98× without). A camera app's picture is there at once. */
  .view.camera {
    animation: none;
  }
  /* The picture runs under the notch and the rounded corners; the controls keep clear of them. */
  .sheet.camera {
    padding: 0;
    background: #000;
    color: #fff;
  }
  .camera header.bar {
    padding-left: max(var(--_space), env(safe-area-inset-left));
    padding-right: max(var(--_space), env(safe-area-inset-right));
  }
  .view.camera {
    position: relative;
  }
  /* Full-bleed on a phone: the picture covers the screen and the capture is what it shows. */
  .camera .stage {
    position: absolute;
    inset: 0;
    /* A pinch on the preview zooms the camera, never the page; set from the start, so a camera
       that turns out to zoom needs no new touch-action (the compositor may not have it yet). */
    touch-action: none;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
  }
  .camera .stage video,
  .camera .stage .review {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  /* In a window the whole frame shows (and the capture is the whole frame). */
  @media (min-width: 600px) and (min-height: 600px) {
    .camera .stage video,
    .camera .stage .review {
      object-fit: contain;
    }
  }
  video.mirrored {
    transform: scaleX(-1);
  }

  /* The bars float over the picture, each on a scrim that keeps white text readable. */
  .camera header.bar,
  .camera .bottom {
    position: relative;
    z-index: 1;
  }
  .camera header.bar {
    background: linear-gradient(rgb(0 0 0 / 0.55), transparent);
  }
  .camera .bottom {
    margin-top: auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    background: linear-gradient(transparent, rgb(0 0 0 / 0.6));
  }
  .camera .bottom > * {
    align-self: stretch;
  }
  /* Hints sit on a scrim of their own, never as white text on the picture. */
  .camera .stage .message {
    position: relative;
    margin: 0 var(--_space);
    padding: 8px 14px;
    max-width: 36ch;
    border-radius: 16px;
    background: rgb(0 0 0 / 0.6);
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
    background: rgb(0 0 0 / 0.4);
  }

  .zoom {
    align-self: center !important;
    width: min(70%, 320px);
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 4px;
    padding: 0 12px;
    border-radius: 22px;
    background: rgb(0 0 0 / 0.45);
    font-size: 13px;
  }
  .zoom input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    margin: 0;
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

  .controls {
    gap: 8px;
    padding-bottom: max(var(--_space), env(safe-area-inset-bottom));
  }
  .controls .slot {
    flex: 1;
    display: flex;
  }
  .controls .slot.end {
    justify-content: flex-end;
  }
  .shutter,
  .shutter-space {
    width: 72px;
    height: 72px;
    flex: none;
  }
  .shutter {
    border-radius: 50%;
    border: 4px solid #fff;
    background: rgb(255 255 255 / 0.85);
    background-clip: content-box;
    padding: 4px;
  }
  .controls .switch {
    background: rgb(255 255 255 / 0.15);
  }

  .strip {
    display: flex;
    gap: 4px;
    margin: 0;
    padding: 8px var(--_space) 0;
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
    margin: 10px 10px 0 0;
    object-fit: cover;
    border-radius: 6px;
  }
  /* A 24 px mark on a 44 px target, over the shot's corner. */
  .strip .remove {
    position: absolute;
    top: 0;
    right: 0;
    width: 44px;
    height: 44px;
    display: flex;
    align-items: flex-start;
    justify-content: flex-end;
    padding: 0;
    border: none;
    background: none;
  }
  .strip .remove-icon {
    display: inline-flex;
    width: 24px;
    height: 24px;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.75);
    box-shadow: 0 0 0 1px rgb(255 255 255 / 0.5);
  }
  .strip .remove svg {
    width: 14px;
    height: 14px;
  }

  /* A phone held sideways: the controls down the right side, as a camera app has them. */
  @media (orientation: landscape) and (max-height: 599px) {
    .camera .bottom {
      position: absolute;
      inset: 0 0 0 auto;
      margin: 0;
      flex-direction: row;
      align-items: center;
      padding-right: env(safe-area-inset-right);
      background: linear-gradient(to right, transparent, rgb(0 0 0 / 0.6));
    }
    .camera .bottom > * {
      align-self: center;
    }
    .controls {
      box-sizing: border-box;
      flex-direction: column-reverse;
      height: 100%;
      padding: max(var(--_space), env(safe-area-inset-top)) var(--_space) max(var(--_space), env(safe-area-inset-bottom));
    }
    .controls .slot {
      flex-direction: column;
      justify-content: flex-end;
      align-items: center;
    }
    .controls .slot.end {
      justify-content: flex-start;
    }
    .strip {
      flex-direction: column;
      max-height: 100%;
      overflow: auto;
      padding: var(--_space) 0;
    }
    .zoom {
      position: fixed;
      bottom: max(8px, env(safe-area-inset-bottom));
      left: 50%;
      transform: translateX(-50%);
    }
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
