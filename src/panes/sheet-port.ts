// What the sheet lends its camera and gallery panes for the open call. Types only: the panes
// load as chunks of their own, and this is the whole of what they may touch.
import type {ReactiveControllerHost} from 'lit';
import type {ChooseImageError} from '../errors.js';
import type {Translation} from '../locales/index.js';
import type {NormalizedOptions} from '../options.js';
import type {ChooseImageResult} from '../temp-files.js';

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
  /** Ends the call with these images (see results.ts). */
  succeed(result: ChooseImageResult): void;
  fail(error: ChooseImageError): void;
  close(): void;
  pickFiles(): void;
  /** Files the user gave otherwise (pasted, dropped) join the gallery, which then shows. */
  addFiles(files: File[]): Promise<void>;
}
