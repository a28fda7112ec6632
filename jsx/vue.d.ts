// <choose-image-sheet> in Vue templates: `:count="3" :sizeType="['compressed']"
// @success="e => e.detail.tempFilePaths"` type-checked by Vue's tooling (vue-tsc, Volar), which
// reads a tag's props and events from GlobalComponents. Tell Vue's compiler the tag is a custom
// element (`compilerOptions.isCustomElement`). Types only: list it in tsconfig's `types`
// (`"types": ["choose-image-sheet/vue"]`) or `import type {} from 'choose-image-sheet/vue'`.
import type {HTMLAttributes} from 'vue';
import type {ChooseImageSheet, ChooseImageSheetEventMap, ChooseImageSheetProperties} from './element.js';

/** Vue's names for the listeners: `@success` is the prop `onSuccess`. */
type VueListeners = {
  [K in keyof ChooseImageSheetEventMap as `on${Capitalize<K>}`]?: (event: ChooseImageSheetEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'choose-image-sheet': new () => ChooseImageSheet & {
      /** For template type-checking only; not a property of the element. */
      $props: HTMLAttributes & ChooseImageSheetProperties & VueListeners;
      /** For template type-checking only; not a property of the element. */
      $emit: <K extends keyof ChooseImageSheetEventMap>(event: K, payload: ChooseImageSheetEventMap[K]) => void;
    };
  }
}
