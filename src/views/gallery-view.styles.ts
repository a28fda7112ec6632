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
  /* The tile shows a placeholder of its own tone at once, before its thumbnail decodes. */
  .item {
    position: relative;
    aspect-ratio: 1;
    overflow: hidden;
    background: color-mix(in srgb, var(--_on-surface) 12%, var(--_surface));
  }
  .item .photo {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    padding: 0;
    border: none;
    background: none;
  }
  .item canvas,
  .item img {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  /* A photo's EXIF thumbnail, shown until its own decode: its stored pixels turned upright as
     the photo's EXIF orientation says (the tile is square, so turning keeps it covered). */
  .item .embedded.o2 {
    transform: scaleX(-1);
  }
  .item .embedded.o3 {
    transform: rotate(180deg);
  }
  .item .embedded.o4 {
    transform: scaleY(-1);
  }
  .item .embedded.o5 {
    transform: scaleX(-1) rotate(90deg);
  }
  .item .embedded.o6 {
    transform: rotate(90deg);
  }
  .item .embedded.o7 {
    transform: rotate(90deg) scaleX(-1);
  }
  .item .embedded.o8 {
    transform: rotate(-90deg);
  }
  .item.selected canvas,
  .item.selected img {
    filter: brightness(0.8);
  }
  /* At the cap the tiles that cannot be chosen are washed out, as WeChat's are. */
  .item.at-cap::after,
  .locked .item::after {
    content: '';
    position: absolute;
    inset: 0;
    background: color-mix(in srgb, var(--_surface) 60%, transparent);
    pointer-events: none;
  }
  /* The circle is the select target: a 44 px hit area, in the tile's corner or the preview's bar. */
  .select {
    flex: none;
    width: 44px;
    height: 44px;
    padding: 6px;
    border: none;
    background: none;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .item .select {
    position: absolute;
    top: 0;
    right: 0;
    z-index: 1;
    align-items: flex-start;
    justify-content: flex-end;
  }
  .item.unusable .select,
  .locked .item .select,
  .item.at-cap .select {
    cursor: not-allowed;
  }
  /* A white ring with a dark halo: readable on white receipts and on dark photos alike. */
  .badge {
    min-width: 24px;
    height: 24px;
    box-sizing: border-box;
    border: 2px solid #fff;
    border-radius: 12px;
    background: rgb(0 0 0 / 0.25);
    box-shadow: 0 0 0 1px rgb(0 0 0 / 0.35), 0 1px 3px rgb(0 0 0 / 0.4);
    color: var(--_on-accent);
    font-size: 13px;
    line-height: 20px;
    text-align: center;
  }
  .item.selected .badge,
  .select.selected .badge {
    background: var(--_accent);
  }
  .preview-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: 8px max(var(--_space), env(safe-area-inset-right)) max(8px, env(safe-area-inset-bottom)) max(var(--_space), env(safe-area-inset-left));
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    font: 15px/1.4 var(--_font);
  }
  .preview-bar .toggle {
    margin-inline-start: auto;
  }
  .item.unusable .badge {
    display: none;
  }
  .item.unusable {
    cursor: not-allowed;
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
  /* A pick returned at once shows this view only until its result: no fade meanwhile. Where the
     engine paints the fade on the main thread (WebKitGTK), each of its frames took the cores the
     compression needed. */
  .single.still {
    animation: none;
  }
  .single .stage {
    flex: 1;
    min-height: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--_muted);
  }
  .single .review {
    max-width: 100%;
    max-height: 100%;
    object-fit: contain;
  }
  /* 预览 · 原图 · 完成 (9/9) fit a 320 px phone in English too. */
  .gallery footer {
    gap: 8px;
  }
  @media (max-width: 359px) {
    .gallery footer {
      gap: 4px;
      padding-inline: 8px;
    }
    .gallery footer .action {
      padding: 0 12px;
    }
  }
  .text {
    min-height: 44px;
    padding: 0 4px;
    border: none;
    background: none;
    font-size: 15px;
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

  /* In a window the card fits its tiles (up to its max-height, then the grid scrolls). One image
     under review takes the camera's card instead: fitted to the image, the card grew when the
     image arrived and 原图 and 使用照片 moved down under a tap already on its way. */
  @media (min-width: 600px) and (min-height: 600px) {
    .gallery .grid {
      flex: 0 1 auto;
    }
    .sheet.gallery:has(> .single) {
      height: min(90%, 820px); /* of the screen, as pane.styles.ts says why */
    }
  }

  @media (forced-colors: active) {
    .item.selected .badge,
    .toggle[aria-checked='true'] .check {
      outline: 2px solid Highlight;
      forced-color-adjust: none;
    }
  }
`;
