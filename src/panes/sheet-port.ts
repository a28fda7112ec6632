// What the sheet lends its camera and gallery panes for the open call. Types only: the panes
// load as chunks of their own, and this is the whole of what they may touch.
import type {ReactiveControllerHost} from 'lit';
import type {ChooseImageError} from '../errors.js';
import type {ProcessedImage} from '../image/pipeline.js';
import type {Translation} from '../locales/index.js';
import type {NormalizedOptions} from '../options.js';

export interface SheetPort {
  /** The sheet: panes are its reactive controllers (hostUpdate before each render, hostUpdated after). */
  readonly host: ReactiveControllerHost;
  /** The sheet's shadow root, where the panes' views render. */
  readonly root: ParentNode;
  /** The open call's options; undefined once it has settled. */
  readonly options: NormalizedOptions | undefined;
  readonly t: Translation;
  /** Whether the sheet is open on this view. */
  shows(view: 'camera' | 'gallery'): boolean;
  /** A check that stays true while the call open now is open: test it after every await. */
  stillOpen(): () => boolean;
  /** The polite message line. */
  hint: string;
  /** True while the chosen images are being finished: confirm is disabled. */
  busy: boolean;
  /** "原图": the original bytes rather than compressed. */
  original: boolean;
  /** Starts (or finds) the processing of one chosen image, keyed per size. */
  prepare(key: string, make: (signal: AbortSignal) => Promise<ProcessedImage>): Promise<ProcessedImage>;
  /** Drops the prepared work of keys starting with `prefix`. */
  drop(prefix: string): void;
  /** Runs the image pipeline for the size now chosen. */
  process(input: Blob, signal?: AbortSignal): Promise<ProcessedImage>;
  /** Returns the images when all succeed; `onFailed` gets the index of each that did not. */
  finish(jobs: Array<Promise<ProcessedImage>>, onFailed: (index: number) => void): Promise<void>;
  fail(error: ChooseImageError): void;
  close(): void;
  pickFiles(): void;
}
