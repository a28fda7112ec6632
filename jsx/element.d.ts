// What the framework JSX types (react.d.ts, preact.d.ts, vue.d.ts) share: the properties a
// template may set on <choose-image-sheet>, and its events. Types only.
import type {ChooseImageSheet, ChooseImageSheetEventMap} from '../dist/index.js';

export type {ChooseImageSheet, ChooseImageSheetEventMap};

/** The element's properties a template sets (lists and objects as properties, not attributes). */
export type ChooseImageSheetProperties = Partial<Pick<ChooseImageSheet, 'count' | 'sizeType' | 'sourceType' | 'camera' | 'locale' | 'extension' | 'open' | 'compress'>>;

/** Listeners as React 19 and Preact take them on a custom element: `on` + the event's own name. */
export type ChooseImageSheetListeners = {
  [K in keyof ChooseImageSheetEventMap as `on${K}`]?: (event: ChooseImageSheetEventMap[K]) => void;
};
