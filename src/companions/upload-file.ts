// my.uploadFile: the image at a path, POSTed as multipart/form-data through XMLHttpRequest (the
// one browser API that reports upload progress in every engine), returned as a promise that is
// also Alipay's upload task: onProgressUpdate, offProgressUpdate, abort.
import {cancelled, ChooseImageError, ErrorCode} from '../errors.js';
import {extension} from '../image/file-name.js';
import {alipayCall, shielded, type Callbacks} from '../internal/callbacks.js';
import {needsPage} from '../internal/needs-page.js';
import {resolveLocale} from '../locales/index.js';
import {invalid, optionsOf} from '../options.js';
import {hideToast, showToast} from '../preview/toast.js';
import {pathOption, readPath} from './read-path.js';

/** What uploadFile() resolves with, whatever the HTTP status: the page reads `statusCode`. */
export interface UploadFileResult {
  /** The response body as text. */
  data: string;
  /** The HTTP status. */
  statusCode: number;
  /** The response headers the page may read (CORS), by lower-case name. */
  header: Record<string, string>;
}

/** One progress report of an upload. */
export interface UploadProgress {
  /** Per cent of the request body sent, a whole number 0–100. */
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

/** The promise uploadFile() returns, with Alipay's upload-task methods on it. */
export interface UploadTask extends Promise<UploadFileResult> {
  /** Calls `listener` with each progress report from now on. */
  onProgressUpdate(listener: (progress: UploadProgress) => void): void;
  /** Stops calling `listener`; without one, every listener. */
  offProgressUpdate(listener?: (progress: UploadProgress) => void): void;
  /** Stops the upload: the call fails with code 11 and nothing of it stays in flight. */
  abort(): void;
}

export interface UploadFileOptions extends Callbacks<UploadFileResult> {
  /** Where to POST. */
  url: string;
  /** The file: a tempFilePaths blob: URL, an http(s) URL (CORS permitting) or a data: URL. */
  filePath: string;
  /** The form field the file goes in. (`name`, as newer Alipay and WeChat call it, is taken too.) */
  fileName: string;
  /** 'image', 'video' or 'audio': names a file that has no name of its own (`image.jpg`). */
  fileType?: 'image' | 'video' | 'audio';
  /** Request headers. A `content-type` is dropped: the browser sets multipart/form-data with its boundary. */
  header?: Record<string, string>;
  /** Other form fields, sent before the file. */
  formData?: Record<string, string | number | boolean>;
  /** Milliseconds before the upload fails with code 12. Default 30000. */
  timeout?: number;
  /** No loading toast while it uploads. Default false. */
  hideLoading?: boolean;
  success?: (result: UploadFileResult) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: UploadFileResult | ChooseImageError) => void;
}

const networkError = (reason: string) => new ChooseImageError(ErrorCode.NETWORK, `网络错误 (${reason})`);

/** A record of strings, from an option whose values may be strings, numbers or booleans. */
function fields(name: string, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every(scalar)) {
    throw invalid(name, value, 'an object of strings');
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/** The upload's options, checked. @throws code 2 naming the first bad one. */
function normalize(raw: unknown) {
  const o = optionsOf(raw);
  const url = o.url;
  if (typeof url !== 'string' || !url.trim() || !URL.canParse(url, location.href)) throw invalid('url', url, 'a URL to POST to');
  const filePath = pathOption(o, 'filePath');
  const fieldName = o.fileName ?? o.name;
  if (typeof fieldName !== 'string' || !fieldName) throw invalid('fileName', fieldName, 'the name of the form field for the file');
  const {fileType = 'image', timeout = 30000, hideLoading = false} = o;
  if (!['image', 'video', 'audio'].includes(fileType as string)) throw invalid('fileType', fileType, "'image', 'video' or 'audio'");
  if (typeof timeout !== 'number' || !(timeout > 0)) throw invalid('timeout', timeout, 'a number of milliseconds > 0');
  if (typeof hideLoading !== 'boolean') throw invalid('hideLoading', hideLoading, 'true or false');
  const header = fields('header', o.header);
  for (const key of Object.keys(header)) if (!/^[!#$%&'*+.^`|~\w-]+$/.test(key)) throw invalid('header', o.header, `an object of header names and values; "${key}" is no header name`);
  return {url, filePath, fieldName, fileType: fileType as string, timeout, hideLoading, header, formData: fields('formData', o.formData)};
}

/** Uploads in flight that show the loading toast: it goes when the last of them ends. */
let loading = 0;

function showLoading(): () => void {
  if (loading++ === 0) void showToast({content: resolveLocale(document.documentElement.lang).lang === 'en' ? 'Uploading…' : '上传中…', duration: 2 ** 31 - 1});
  return () => {
    if (--loading === 0) hideToast();
  };
}

/** Response headers as an object, by lower-case name. */
const headersOf = (xhr: XMLHttpRequest) =>
  Object.fromEntries(
    xhr
      .getAllResponseHeaders()
      .trim()
      .split(/\r?\n/)
      .filter(Boolean)
      .map(line => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()])
  );

/** POSTs `form`; settles on the response, a network failure, the time-out or `signal`. */
function send(url: string, form: FormData, header: Record<string, string>, timeout: number, listeners: Set<(p: UploadProgress) => void>, signal: AbortSignal) {
  return new Promise<UploadFileResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.timeout = timeout;
    for (const [name, value] of Object.entries(header)) {
      // The body's type is the browser's: multipart/form-data with the boundary it chose.
      if (name.toLowerCase() !== 'content-type') xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = ({loaded, total}) => {
      const report = {progress: total ? Math.floor((loaded / total) * 100) : 0, totalBytesWritten: loaded, totalBytesExpectedToWrite: total};
      for (const listener of [...listeners]) shielded(listener, report);
    };
    xhr.onload = () => resolve({data: xhr.responseText, statusCode: xhr.status, header: headersOf(xhr)});
    xhr.onerror = () => reject(networkError(navigator.onLine ? `no response from ${url}: the connection failed or was refused, or the server did not allow this origin (CORS)` : 'offline'));
    xhr.ontimeout = () => reject(networkError(`timed out after ${timeout} ms`));
    const stop = () => {
      xhr.abort(); // closes the connection: nothing of the upload stays in flight
      reject(cancelled());
    };
    signal.addEventListener('abort', stop);
    xhr.onloadend = () => signal.removeEventListener('abort', stop);
    xhr.send(form);
  });
}

async function upload(raw: unknown, listeners: Set<(p: UploadProgress) => void>, signal: AbortSignal): Promise<UploadFileResult> {
  needsPage('uploadFile');
  const o = normalize(raw);
  if (signal.aborted) throw cancelled();
  const done = o.hideLoading ? () => {} : showLoading();
  try {
    const blob = await readPath(o.filePath, signal);
    if (signal.aborted) throw cancelled();
    const form = new FormData();
    for (const [name, value] of Object.entries(o.formData)) form.append(name, value);
    // The chosen file's own name where the kit made the path, else one from its type.
    form.append(o.fieldName, blob, (blob as Partial<File>).name || `${o.fileType}.${extension(blob.type)}`);
    return await send(o.url, form, o.header, o.timeout, listeners, signal);
  } finally {
    done();
  }
}

/**
 * Alipay's my.uploadFile. Any HTTP status is a success; fails with 2 for bad options, 11 when
 * aborted, 12 without a response (offline, refused, timed out: the message says which), 13 for
 * a `filePath` that cannot be read.
 */
export function uploadFile(options: UploadFileOptions): UploadTask {
  const listeners = new Set<(p: UploadProgress) => void>();
  const stop = new AbortController();
  return Object.assign(
    alipayCall(options, () => upload(options, listeners, stop.signal)),
    {
      onProgressUpdate: (listener: (p: UploadProgress) => void) => void (typeof listener === 'function' && listeners.add(listener)),
      offProgressUpdate: (listener?: (p: UploadProgress) => void) => void (listener ? listeners.delete(listener) : listeners.clear()),
      abort: () => stop.abort(),
    }
  );
}
