// <choose-image-sheet> in React 19's JSX: `count={3} sizeType={['compressed']}
// onsuccess={e => e.detail.tempFilePaths}` type-checked. React 19 sets these as the element's
// properties and listens for `on` + the event's name. Types only: list it in tsconfig's `types`
// (`"types": ["choose-image-sheet/react"]`) or `import type {} from 'choose-image-sheet/react'`.
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {ChooseImageSheet, ChooseImageSheetListeners, ChooseImageSheetProperties} from './element.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'choose-image-sheet': DetailedHTMLProps<HTMLAttributes<ChooseImageSheet>, ChooseImageSheet> & ChooseImageSheetProperties & ChooseImageSheetListeners;
    }
  }
}
