// The strings of the UI, one table per language; resolveLocale() picks one. The live camera's
// and the gallery's own strings are in camera.ts and gallery.ts (and what both show in
// pane-shared.ts), loaded with them.
import {en} from './en.js';
import {zhCN} from './zh-CN.js';

/**
 * Every string the sheet's shell shows or announces; the camera's and the gallery's are in
 * camera.ts, gallery.ts and pane-shared.ts. Counts are functions so each language words them.
 */
export interface Translation {
  /** BCP 47 tag, set as the dialog's `lang`. */
  lang: string;
  title: string;
  takePhoto: string;
  chooseFromAlbum: string;
  cancel: string;
  /** In the action sheet, where 拍照 would be on a device without a camera. */
  noCamera: string;
}

const tables: Record<string, Translation> = {'zh-CN': zhCN, en};

/** zh-* → zh-CN, en-* → en, anything else → zh-CN (Alipay's language). */
export function resolveLocale(locale: string | undefined | null): Translation {
  const lang = (locale || '').toLowerCase();
  if (lang.startsWith('en')) return tables.en;
  return tables['zh-CN'];
}
