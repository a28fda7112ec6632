// Styles of the album gallery, adopted when the gallery half loads.
import {css} from 'lit';

export default css`
  .grid {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(96px, 1fr));
    grid-auto-rows: min-content;
    gap: 2px;
    padding: 2px;
    background: var(--_muted);
  }
  .item {
    position: relative;
    aspect-ratio: 1;
    padding: 0;
    border: none;
    background: var(--_muted);
    overflow: hidden;
  }
  .item img {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  .item.selected img {
    opacity: 0.75;
  }
  .item .badge {
    position: absolute;
    top: 6px;
    right: 6px;
    min-width: 22px;
    height: 22px;
    box-sizing: border-box;
    border: 2px solid #fff;
    border-radius: 11px;
    background: rgb(0 0 0 / 0.2);
    color: var(--_on-accent);
    font-size: 13px;
    line-height: 18px;
    text-align: center;
  }
  .item.selected .badge {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .item.unusable,
  .locked .item {
    cursor: not-allowed;
  }
  .locked .item img {
    opacity: 0.6;
  }
  .item.unusable .badge {
    display: none;
  }
  .unusable-badge {
    position: absolute;
    inset: auto 0 0;
    padding: 2px;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    font-size: 12px;
  }
  /* No empty band above the footer when there is nothing to say. */
  .gallery .message:not(:empty) {
    padding-top: calc(var(--_space) / 2);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 44px;
    border: none;
    background: none;
  }
  .toggle .check {
    width: 18px;
    height: 18px;
    box-sizing: border-box;
    border: 2px solid currentColor;
    border-radius: 50%;
  }
  .toggle[aria-checked='true'] .check {
    border: 5px solid var(--_accent);
  }

  @media (forced-colors: active) {
    .item.selected,
    .toggle[aria-checked='true'] .check {
      outline: 2px solid Highlight;
      forced-color-adjust: none;
    }
  }
`;
