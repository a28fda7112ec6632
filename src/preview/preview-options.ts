// Validation of previewImage() and showToast() options, with Alipay's names and code 2.
import type {ChooseImageError} from '../errors.js';
import {invalid, optionsOf} from '../options.js';

export interface PreviewImageOptions {
  /** Image URLs, shown in order. */
  urls: string[];
  /** Index shown first; past the end shows the last image. Default 0. */
  current?: number;
  success?: () => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError?: ChooseImageError) => void;
  /** *ext* 'zh-CN' or 'en'. Default: `<html lang>`, else 'zh-CN'. */
  locale?: string;
}

export type ToastType = 'success' | 'fail' | 'exception' | 'none';

export interface ShowToastOptions {
  type?: ToastType;
  content?: string;
  /** Milliseconds the toast stays. Default 2000. */
  duration?: number;
  success?: () => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError?: ChooseImageError) => void;
}

/** @throws ChooseImageError code 2 naming the bad option. */
export function normalizePreview(raw: unknown): Required<Pick<PreviewImageOptions, 'urls' | 'current'>> & PreviewImageOptions {
  const o = optionsOf(raw);
  const urls = o.urls;
  if (!Array.isArray(urls) || urls.length === 0 || !urls.every(u => typeof u === 'string' && u !== '')) {
    throw invalid('urls', urls, 'a non-empty array of URL strings');
  }
  const current = o.current === undefined ? 0 : o.current;
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 0) {
    throw invalid('current', o.current, 'an integer ≥ 0');
  }
  // Alipay's own sample passes current: 2 with two images: show the last one.
  return {...(o as unknown as PreviewImageOptions), urls, current: Math.min(current, urls.length - 1)};
}

/** @throws ChooseImageError code 2 naming the bad option. */
export function normalizeToast(raw: unknown): Required<Pick<ShowToastOptions, 'type' | 'content' | 'duration'>> & ShowToastOptions {
  const o = optionsOf(raw, false);
  const {type = 'none', content = '', duration = 2000} = o;
  if (!['success', 'fail', 'exception', 'none'].includes(type as string)) throw invalid('type', type, "'success', 'fail', 'exception' or 'none'");
  if (typeof content !== 'string') throw invalid('content', content, 'a string');
  if (typeof duration !== 'number' || !(duration >= 0)) throw invalid('duration', duration, 'a number of milliseconds ≥ 0');
  return {...(o as ShowToastOptions), type: type as ToastType, content, duration};
}
