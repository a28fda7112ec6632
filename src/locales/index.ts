// The strings of the UI, one table per language; resolveLocale() picks one.
import {en} from './en.js';
import {zhCN} from './zh-CN.js';

/** Every string the sheet shows or announces. Counts are functions so each language words them. */
export interface Translation {
  /** BCP 47 tag, set as the dialog's `lang`. */
  lang: string;
  title: string;
  takePhoto: string;
  chooseFromAlbum: string;
  cancel: string;
  close: string;
  cameraTitle: string;
  shutter: string;
  switchCamera: string;
  retake: string;
  usePhoto: string;
  /** 重选: the album's picker again, for count 1. */
  rechoose: string;
  removeShot: (n: number) => string;
  shot: (n: number) => string;
  shotsLimit: (count: number) => string;
  cameraStarting: string;
  cameraUnavailable: string;
  cameraEnded: string;
  retry: string;
  systemCamera: string;
  galleryTitle: string;
  original: string;
  addMore: string;
  confirm: (selected: number, count: number) => string;
  selectLimit: (count: number) => string;
  /** More usable files were picked than `count` allows: how many are chosen. */
  pickedOverLimit: (picked: number, chosen: number, count: number) => string;
  item: (name: string, order: number) => string;
  /** A tile that cannot be chosen because `count` are chosen already. */
  itemAtLimit: (name: string, count: number) => string;
  /** 预览: the chosen images full screen. */
  preview: string;
  previewOf: (name: string) => string;
  unusable: (name: string) => string;
  unusableBadge: string;
  processing: string;
  previewTitle: string;
  previous: string;
  next: string;
  imageOf: (n: number, total: number) => string;
}

const tables: Record<string, Translation> = {'zh-CN': zhCN, en};

/** zh-* → zh-CN, en-* → en, anything else → zh-CN (Alipay's language). */
export function resolveLocale(locale: string | undefined | null): Translation {
  const lang = (locale || '').toLowerCase();
  if (lang.startsWith('en')) return tables.en;
  return tables['zh-CN'];
}
