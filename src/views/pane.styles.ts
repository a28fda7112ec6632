// Styles the camera and the gallery share: full-screen sheet, top and bottom bars, icon
// buttons, the primary button and the message line. Loaded with whichever pane comes first.
import {css} from 'lit';

export default css`
  /* The action sheet disables nothing; the panes' buttons wait for a selection or for processing. */
  button:disabled {
    cursor: default;
    opacity: 0.4;
  }
  /* On a phone, upright or sideways, the camera and the gallery fill the screen. Percentages of
     the screen (a modal dialog is fixed: its containing block is the viewport), not dvh: viewport
     units grow with a page's CSS zoom (html {zoom: 1.5}: a sheet 1.5× the screen's height). */
  .sheet.camera,
  .sheet.gallery {
    max-width: none;
    height: 100%;
    border-radius: 0;
  }
  /* In a window they are the same centred card as the action sheet; the gallery fits its content. */
  @media (min-width: 600px) and (min-height: 600px) {
    .sheet.camera,
    .sheet.gallery {
      max-width: 560px;
      height: min(90%, 820px);
      border-radius: var(--_radius);
    }
    /* fit-content, not auto: a modal dialog is inset top and bottom, and auto would stretch it. */
    .sheet.gallery {
      height: fit-content;
      max-height: min(90%, 820px);
    }
  }
  .action.primary {
    min-height: 44px;
    padding: 0 18px;
    border-radius: 22px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 15px;
    white-space: nowrap;
  }

  .bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  /* A label on a bar never wraps (a 320 px phone, English). */
  .bar .action {
    white-space: nowrap;
  }
  /* Below the status bar and the notch; above the home indicator. */
  header.bar {
    padding-top: max(calc(var(--_space) / 2), env(safe-area-inset-top));
  }
  footer.bar {
    padding-bottom: max(calc(var(--_space) / 2), env(safe-area-inset-bottom));
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
