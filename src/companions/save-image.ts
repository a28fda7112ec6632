// my.saveImage: on a phone, the system share sheet with the image file (Web Share with files),
// where the person taps "Save Image"; elsewhere a download with a real file name. The kit's own
// action sheet (保存图片 / 取消) asks first unless showActionSheet is false.
import {cancelled, type ChooseImageError} from '../errors.js';
import {extension} from '../image/file-name.js';
import {alipayCall} from '../internal/callbacks.js';
import {needsPage} from '../internal/needs-page.js';
import {invalid, optionsOf} from '../options.js';
import {ChooseImageSaveSheet} from './save-sheet.js';
import {nameOf, pathOption, readPath} from './read-path.js';

export interface SaveImageOptions {
  /** The image: a tempFilePaths blob: URL, an http(s) URL (CORS permitting) or a data: URL. */
  url: string;
  /** Ask with the kit's action sheet (保存图片 / 取消) first. Default true. */
  showActionSheet?: boolean;
  /** *ext* The action sheet's language: 'zh-CN' or 'en'. Default: `<html lang>`, else 'zh-CN'. */
  locale?: string;
  success?: () => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError?: ChooseImageError) => void;
}

/** How long a download's blob: URL stays: the browser has taken the file by then. */
const DOWNLOAD_URL_MS = 60_000;

/** The image as a File with a name a person would keep: its own, else `image.<type>`. */
function named(blob: Blob, path: string): File {
  const type = blob.type || 'image/jpeg';
  let name = nameOf(path, blob).replace(/[\\/:*?"<>|]/g, '_');
  if (!/\.[a-z\d]{2,5}$/i.test(name)) name = `${name || 'image'}.${extension(type)}`;
  return blob instanceof File && blob.name === name ? blob : new File([blob], name, {type});
}

/** Shows the kit's action sheet; resolves when 保存图片 is tapped, fails with 11 when it is dismissed. */
async function confirmSave(locale: string | undefined): Promise<void> {
  // Defined on first use, not when the module loads (server-side rendering imports it too).
  if (!customElements.get('choose-image-save-sheet')) customElements.define('choose-image-save-sheet', ChooseImageSaveSheet);
  const sheet = document.createElement('choose-image-save-sheet') as ChooseImageSaveSheet;
  if (locale) sheet.locale = locale;
  document.body.append(sheet);
  try {
    if (!(await sheet.choose())) throw cancelled();
  } finally {
    sheet.remove();
  }
}

/** Starts a download of `file` under its name. */
function download(file: File) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file);
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), DOWNLOAD_URL_MS);
}

/**
 * Hands `file` to the share sheet where the browser can share files (phones); false where it
 * cannot, or where it refused for want of a fresh tap (then a download does it).
 * @throws code 11 when the person dismisses the share sheet.
 */
async function share(file: File): Promise<boolean> {
  if (!navigator.canShare?.({files: [file]})) return false;
  try {
    await navigator.share({files: [file]});
    return true;
  } catch (e) {
    if ((e as DOMException).name === 'AbortError') throw cancelled();
    if ((e as DOMException).name === 'NotAllowedError') return false;
    throw e;
  }
}

/**
 * Alipay's my.saveImage. Succeeds once the share sheet reports the image shared, or the download
 * has started. Fails with 2 for bad options, 11 when the person cancels (the action sheet or the
 * share sheet), 13 for a `url` that cannot be read.
 */
export function saveImage(options: SaveImageOptions): Promise<void> {
  return alipayCall(options, async () => {
    needsPage('saveImage');
    const o = optionsOf(options);
    const url = pathOption(o, 'url');
    const {showActionSheet = true, locale} = o;
    if (typeof showActionSheet !== 'boolean') throw invalid('showActionSheet', showActionSheet, 'true or false');
    if (locale !== undefined && (typeof locale !== 'string' || !locale)) throw invalid('locale', locale, "a language tag such as 'en'");
    // Read first: the tap on 保存图片 must reach the share sheet with nothing to wait for.
    const file = named(await readPath(url), url);
    if (showActionSheet) await confirmSave(locale);
    if (!(await share(file))) download(file);
  });
}
