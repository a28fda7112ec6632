// <choose-image-sheet> in Preact 11's JSX: `count={3} sizeType={['compressed']}
// onsuccess={e => e.detail.tempFilePaths}` type-checked (Preact sets what the element has as
// properties, and listens for `on` + the event's name). Types only: list it in tsconfig's
// `types` (`"types": ["choose-image-sheet/preact"]`) or `import type {} from 'choose-image-sheet/preact'`.
import type {HTMLAttributes} from 'preact';
import type {ChooseImageSheet, ChooseImageSheetListeners, ChooseImageSheetProperties} from './element.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'choose-image-sheet': HTMLAttributes<ChooseImageSheet> & ChooseImageSheetProperties & ChooseImageSheetListeners;
    }
  }
}
