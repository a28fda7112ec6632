// The action sheet: camera (or why there is none), album, cancel.
import {html, nothing} from 'lit';
import type {Translation} from '../locales/index.js';
import type {SourceType} from '../options.js';

export interface ActionSheetProps {
  t: Translation;
  sourceType: SourceType[];
  /** The device has no camera: say so where 拍照 would be, rather than offer it dead. */
  noCamera: boolean;
  onCamera: () => void;
  onAlbum: () => void;
  onCancel: () => void;
}

export const actionSheet = ({t, sourceType, noCamera, onCamera, onAlbum, onCancel}: ActionSheetProps) => html`
  <div class="view actions">
    <h2 id="title" class="title">${t.title}</h2>
    <div class="group">
      ${!sourceType.includes('camera')
        ? nothing
        : noCamera
          ? html`<p part="message" class="note" role="status">${t.noCamera}</p>`
          : html`<button part="action-camera" class="action" @click=${onCamera}>${t.takePhoto}</button>`}
      ${sourceType.includes('album')
        ? html`<button part="action-album" class="action" @click=${onAlbum}>${t.chooseFromAlbum}</button>`
        : nothing}
    </div>
    <button part="action-cancel" class="action cancel" @click=${onCancel}>${t.cancel}</button>
  </div>
`;
