// my.compressImage: the `compressed` pipeline (the same worker and scheduler as chooseImage) on
// paths the page already has, at one of Alipay's five levels. Each result is a new blob: path,
// registered for revokeTempFiles().
import type {ChooseImageError} from '../errors.js';
import {alipayCall, type Callbacks} from '../internal/callbacks.js';
import {needsPage} from '../internal/needs-page.js';
import {invalid, optionsOf, type CompressOptions} from '../options.js';
import type {TempFile} from '../temp-files.js';
import {readPath} from './read-path.js';

/**
 * Alipay's levels: 0 low quality (smallest), 1 medium, 2 high quality, 3 none (the bytes as
 * they are), 4 adapt to the network.
 */
export type CompressLevel = 0 | 1 | 2 | 3 | 4;

/** What each compressing level makes: the long edge at most `maxSize` (never upscaled), JPEG at `quality`. */
export const COMPRESS_LEVELS: Record<0 | 1 | 2, Required<CompressOptions>> = {
  0: {maxSize: 1280, quality: 0.6},
  1: {maxSize: 1920, quality: 0.8}, // chooseImage's `compressed`
  2: {maxSize: 2560, quality: 0.9},
};

export interface CompressImageResult {
  /** New blob: URLs, one per path given, in order; released by revokeTempFiles(). */
  apFilePaths: string[];
  /** The same paths (a copy). */
  tempFilePaths: string[];
  /** *ext* Each new image: its size, type, dimensions (orientation applied) and File. */
  tempFiles: TempFile[];
}

export interface CompressImageOptions extends Callbacks<CompressImageResult> {
  /** The images: tempFilePaths blob: URLs, http(s) URLs (CORS permitting) or data: URLs. */
  apFilePaths?: string[];
  /** Another name for `apFilePaths` (DingTalk's). */
  filePaths?: string[];
  /** 0 low quality … 2 high quality, 3 none, 4 (default) by the network. */
  compressLevel?: CompressLevel;
  success?: (result: CompressImageResult) => void;
  fail?: (error: ChooseImageError) => void;
  complete?: (resultOrError: CompressImageResult | ChooseImageError) => void;
}

interface NetworkInformation {
  effectiveType?: string;
  saveData?: boolean;
}

/**
 * Level 4: what the connection suggests, where the browser tells (`navigator.connection`,
 * Chromium): 2 on 4g, 0 on 2g or with Save-Data, else 1; 1 where it does not tell.
 */
export function networkLevel(connection = (navigator as {connection?: NetworkInformation}).connection): 0 | 1 | 2 {
  if (!connection) return 1;
  if (connection.saveData || /2g/.test(connection.effectiveType ?? '')) return 0;
  return connection.effectiveType === '4g' ? 2 : 1;
}

function paths(o: Record<string, unknown>): string[] {
  const name = o.apFilePaths === undefined && o.filePaths !== undefined ? 'filePaths' : 'apFilePaths';
  const value = o[name];
  if (!Array.isArray(value) || !value.length || !value.every(p => typeof p === 'string' && p.trim())) {
    throw invalid(name, value, 'a non-empty array of paths');
  }
  return value;
}

/** Alipay's my.compressImage. Fails with 2 for bad options, 13 for a path that cannot be read, 3 for one that does not decode. */
export function compressImage(options: CompressImageOptions): Promise<CompressImageResult> {
  return alipayCall(options, async () => {
    needsPage('compressImage');
    const o = optionsOf(options);
    const list = paths(o);
    const level = o.compressLevel ?? 4;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 4) throw invalid('compressLevel', level, 'an integer 0–4');
    const target = level === 3 ? undefined : COMPRESS_LEVELS[level === 4 ? networkLevel() : (level as 0 | 1 | 2)];
    const [pipeline, ...blobs] = await Promise.all([import('../image/pipeline.js'), ...list.map(p => readPath(p))]);
    // Level 3 still decodes a small thumbnail: what is returned is known to be an image.
    const images = await Promise.all(blobs.map(blob => pipeline.processImage(blob, target ? 'compressed' : 'original', target ?? COMPRESS_LEVELS[1])));
    const {tempFilePaths, apFilePaths, tempFiles} = pipeline.toResult(images);
    return {apFilePaths, tempFilePaths, tempFiles};
  });
}
