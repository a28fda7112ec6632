// The action sheet: camera, album, cancel.
import {html, nothing} from 'lit';
import type {Translation} from '../locales/index.js';
import type {SourceType} from '../options.js';

export interface ActionSheetProps {
  t: Translation;
  sourceType: SourceType[];
  onCamera: () => void;
  onAlbum: () => void;
  onCancel: () => void;
}

export const actionSheet = ({t, sourceType, onCamera, onAlbum, onCancel}: ActionSheetProps) => html`
  <div class="view actions">
    <h2 id="title" class="title">${t.title}</h2>
    <div class="group">
      ${sourceType.includes('camera')
        ? html`<button part="action-camera" class="action" @click=${onCamera}>${t.takePhoto}</button>`
        : nothing}
      ${sourceType.includes('album')
        ? html`<button part="action-album" class="action" @click=${onAlbum}>${t.chooseFromAlbum}</button>`
        : nothing}
    </div>
    <button part="action-cancel" class="action cancel" @click=${onCancel}>${t.cancel}</button>
  </div>
`;
