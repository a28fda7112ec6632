// Option defaults and validation: normalizeOptions() turns what the caller passed into
// complete options, or throws code 2 naming the option and the value it got.
import {ChooseImageError, ErrorCode} from './errors.js';
import {callbacksOf} from './internal/callbacks.js';
import {isAbortSignal, isContainer, mountProblem} from './internal/mount.js';
import type {ChooseImageResult} from './temp-files.js';

export type SizeType = 'original' | 'compressed';
export type SourceType = 'camera' | 'album';
export type Facing = 'back' | 'front';

/** How the "compressed" size type shrinks an image. */
export interface CompressOptions {
  /** Longest edge in pixels, never upscaled. Default 1920. */
  maxSize?: number;
  /** JPEG quality, 0 < q ≤ 1. Default 0.8. */
  quality?: number;
}

/** Options of `chooseImage()`, with Alipay's names; the web extensions are marked *ext*. */
export interface ChooseImageOptions {
  /** Most images the user may choose, an integer ≥ 1. Default 1. */
  count?: number;
  /** `['original']`, `['compressed']` or both (default: the user toggles "原图"). */
  sizeType?: SizeType[];
  /** `['camera']`, `['album']` or both (default). One entry skips the action sheet. */
  sourceType?: SourceType[];
  success?: (result: ChooseImageResult) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: ChooseImageResult | ChooseImageError) => void;
  /** *ext* Which camera the live view opens with. Default 'back'. */
  camera?: Facing;
  /** *ext* Where the sheet is mounted: an element or shadow root, in the document and rendered. Default document.body. */
  container?: Element | ShadowRoot;
  /** *ext* Aborting closes the sheet and fails with code 11. */
  signal?: AbortSignal;
  /** *ext* 'zh-CN' or 'en'. Default: `<html lang>`, else 'zh-CN'. */
  locale?: string;
  /** *ext* Target of the "compressed" size type. */
  compress?: CompressOptions;
  /**
   * *ext* The file extensions the album accepts, like uni-app's: `['jpg', 'png']`. Sets the
   * picker's `accept`; other picked files show as unusable with the reason. Default: any image.
   */
  extension?: string[];
}

/** Options after defaults and validation. */
export interface NormalizedOptions {
  count: number;
  sizeType: SizeType[];
  sourceType: SourceType[];
  camera: Facing;
  locale: string | undefined;
  compress: Required<CompressOptions>;
  /** Lower case, without dots; jpg and jpeg both when either is given. */
  extension: string[] | undefined;
  container: Element | ShadowRoot | undefined;
  signal: AbortSignal | undefined;
  success?: ChooseImageOptions['success'];
  fail?: ChooseImageOptions['fail'];
  complete?: ChooseImageOptions['complete'];
}

export const DEFAULT_COMPRESS: Required<CompressOptions> = {maxSize: 1920, quality: 0.8};

/** The value as the caller would recognise it in a message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number' || value === null || value === undefined) return String(value);
  // A node or a platform object says what it is; JSON would print "{}" for all of them.
  if (isContainer(value)) return value.nodeType === Node.ELEMENT_NODE ? `<${(value as Element).localName}>` : '#shadow-root';
  const tag = Object.prototype.toString.call(value);
  if (tag !== '[object Object]' && tag !== '[object Array]') return tag;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Code 2, in Chinese like Alipay with what was expected in English in brackets, worded as
 * previewImage's are: `接口参数无效: count 无效，收到 0 (count must be an integer ≥ 1)`.
 */
export function invalid(name: string, value: unknown, en: string): ChooseImageError {
  return new ChooseImageError(ErrorCode.INVALID_OPTION, `${name} 无效，收到 ${describe(value)} (${name} must be ${en})`);
}

function enumArray<T extends string>(name: string, value: unknown, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every(v => allowed.includes(v))) {
    const list = allowed.map(a => `'${a}'`).join(' / ');
    throw invalid(name, value, `a non-empty array of ${list}`);
  }
  return [...new Set(value as T[])];
}

/**
 * The options of an Alipay-style call as a record, their callbacks checked: what every call
 * (chooseImage and each companion) does first. Without `required`, no options means `{}`.
 * @throws ChooseImageError code 2 naming `options` or the callback that is not a function.
 */
export function optionsOf(raw: unknown, required = true): Record<string, unknown> {
  if (raw === undefined && !required) raw = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('options', raw, 'an object');
  const o = raw as Record<string, unknown>;
  for (const name of ['success', 'fail', 'complete']) {
    if (o[name] !== undefined && typeof o[name] !== 'function') throw invalid(name, o[name], 'a function');
  }
  return o;
}

/**
 * Validates and completes options. Unknown keys are ignored, as Alipay does.
 * @throws ChooseImageError code 2 naming the first bad option.
 */
export function normalizeOptions(raw: unknown): NormalizedOptions {
  const o = optionsOf(raw, false);

  // Only a missing option takes its default: null is a value, and not a valid one.
  const count = o.count === undefined ? 1 : o.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw invalid('count', o.count, 'an integer ≥ 1');
  }
  const sizeType = enumArray('sizeType', o.sizeType, ['original', 'compressed'] as const) ?? ['original', 'compressed'];
  const sourceType = enumArray('sourceType', o.sourceType, ['camera', 'album'] as const) ?? ['camera', 'album'];

  const camera = o.camera === undefined ? 'back' : o.camera;
  if (camera !== 'back' && camera !== 'front') throw invalid('camera', o.camera, "'back' or 'front'");

  const container = o.container;
  if (container !== undefined) checkContainer(container);

  const signal = o.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw invalid('signal', signal, 'an AbortSignal');

  const locale = o.locale;
  if (locale !== undefined && (typeof locale !== 'string' || locale === '')) throw invalid('locale', locale, "a language tag such as 'en'");

  return {
    count,
    sizeType,
    sourceType,
    camera,
    locale,
    container: container as Element | ShadowRoot | undefined,
    signal,
    ...callbacksOf(o),
    compress: normalizeCompress(o.compress),
    extension: normalizeExtension(o.extension),
  };
}

/** An element or shadow root where the sheet can be seen and used: anything else fails at once. */
function checkContainer(value: unknown) {
  if (!isContainer(value)) throw invalid('container', value, 'an Element or a ShadowRoot');
  const problem = mountProblem(value);
  if (problem) throw invalid('container', value, `an element of this document, rendered and not inert; it is ${problem}`);
}

function normalizeExtension(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.length || !value.every(e => typeof e === 'string' && /^\.?[a-z\d]+$/i.test(e))) {
    throw invalid('extension', value, "an array of extensions like ['jpg']");
  }
  const list = value.map(e => e.replace('.', '').toLowerCase());
  // The same format under two names: a list that names one accepts both.
  if (list.includes('jpg') || list.includes('jpeg')) list.push('jpg', 'jpeg');
  return [...new Set(list)];
}

function normalizeCompress(value: unknown): Required<CompressOptions> {
  if (value === undefined) return DEFAULT_COMPRESS;
  if (value === null || typeof value !== 'object') throw invalid('compress', value, 'an object {maxSize, quality}');
  const {maxSize = DEFAULT_COMPRESS.maxSize, quality = DEFAULT_COMPRESS.quality} = value as CompressOptions;
  if (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize < 1) {
    throw invalid('compress.maxSize', maxSize, 'an integer ≥ 1');
  }
  if (typeof quality !== 'number' || !(quality > 0 && quality <= 1)) {
    throw invalid('compress.quality', quality, 'a number in (0, 1]');
  }
  return {maxSize, quality};
}
