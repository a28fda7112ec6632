// What the companions are given to work on: a path, as the page got it (a tempFilePaths blob:
// URL, an http(s) URL, a data: URL), read as a Blob. The kit's own paths are read from the
// registry, with no copy; anything else is fetched. Whatever stops the read is code 13, and the
// message says what: a revoked blob: URL, an HTTP status, CORS, no network.
import {cancelled, ChooseImageError, ErrorCode} from '../errors.js';
import {invalid} from '../options.js';
import {live} from '../temp-files.js';

/** The option `name` of `o` as a path: a non-empty string. @throws code 2 naming it. */
export function pathOption(o: Record<string, unknown>, name: string): string {
  const value = o[name];
  if (typeof value !== 'string' || !value.trim()) throw invalid(name, value, 'a path: a tempFilePaths blob: URL, an http(s) URL or a data: URL');
  return value;
}

/** Code 13 for `path`, with the reason. */
export const unreadable = (path: string, reason: string) =>
  new ChooseImageError(ErrorCode.UNREADABLE, `无法读取文件 ${path.length > 80 ? `${path.slice(0, 77)}...` : path} (${reason})`);

/** `path` as a URL, resolved against the page as fetch() resolves it; undefined if it is none. */
const urlOf = (path: string) => (URL.canParse(path, location.href) ? new URL(path, location.href) : undefined);

/** Why fetch() could not even get a response for `path`. */
async function whyUnreachable(path: string): Promise<string> {
  const scheme = urlOf(path)?.protocol;
  if (!scheme) return 'not a URL';
  if (scheme === 'blob:') return 'the blob: URL was revoked (revokeTempFiles), or was made by another page';
  if (scheme === 'data:') return 'not a valid data: URL';
  if (scheme !== 'http:' && scheme !== 'https:') return `${scheme} URLs cannot be read by a web page`;
  if (!navigator.onLine) return 'offline';
  // A request the page cannot read still tells whether the server answered: if it did, what
  // failed was the cross-origin permission.
  const answered = await fetch(path, {mode: 'no-cors', cache: 'no-store'}).then(() => true, () => false);
  return answered ? 'the server did not allow this origin to read it (CORS: no Access-Control-Allow-Origin for this page)' : 'the server could not be reached';
}

/** The file name behind a path, where there is one: the picked or made file's, else an http(s) URL's last segment. */
export function nameOf(path: string, blob: Blob): string {
  const url = urlOf(path);
  if ((blob as Partial<File>).name) return (blob as File).name;
  if (!url?.protocol.startsWith('http')) return '';
  try {
    return decodeURIComponent(url.pathname.split('/').pop()!);
  } catch {
    return ''; // a stray % in the URL
  }
}

/**
 * The image behind `path`: the File the kit made the path for, else what fetching it gives.
 * @throws code 13 for a path that cannot be read, saying why; 11 when `signal` aborts the fetch.
 */
export async function readPath(path: string, signal?: AbortSignal): Promise<Blob> {
  const kept = live.get(path);
  try {
    if (kept) {
      // A picked file changed or deleted on disk since it was picked fails here (Chromium, WebKit).
      await kept.slice(0, 1).arrayBuffer();
      return kept;
    }
  } catch (e) {
    throw unreadable(path, `the picked file can no longer be read: ${(e as Error).name}, changed or deleted since it was picked`);
  }
  let response: Response;
  try {
    response = await fetch(path, {signal});
  } catch {
    if (signal?.aborted) throw cancelled();
    throw unreadable(path, await whyUnreachable(path));
  }
  if (!response.ok) throw unreadable(path, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  try {
    return await response.blob();
  } catch (e) {
    if (signal?.aborted) throw cancelled();
    throw unreadable(path, `the download broke off: ${(e as Error).message}`);
  }
}

/**
 * A new blob: URL for `blob`, registered like chooseImage's so revokeTempFiles() releases it;
 * the file keeps `name` where there is one.
 */
export function keep(blob: Blob, name: string): string {
  const file = blob instanceof File && (!name || blob.name === name) ? blob : new File([blob], name || 'image', {type: blob.type});
  const path = URL.createObjectURL(file);
  live.set(path, file);
  return path;
}
