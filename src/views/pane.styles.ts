// Styles the camera and the gallery share: full-screen sheet, top and bottom bars, icon
// buttons, the primary button and the message line. Loaded with whichever pane comes first.
import {css} from 'lit';

export default css`
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
  .action.primary {
    min-height: 36px;
    border-radius: 18px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 15px;
  }

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
