// A pane's own strings joined to the sheet's, in the sheet's language. The camera and the
// gallery keep their strings in their own chunks (camera.ts, gallery.ts) and join them here.
import type {Translation} from './index.js';

/** A function from the sheet's Translation to it plus the pane's strings, zh-CN unless English. */
export function paneTerms<T extends object>(zhCN: T, en: T) {
  const joined = new WeakMap<Translation, Translation & T>();
  return (t: Translation): Translation & T => {
    let both = joined.get(t);
    if (!both) joined.set(t, (both = {...t, ...(t.lang === 'en' ? en : zhCN)}));
    return both;
  };
}
