// The APIs that show something need a page to show it in. Imported on a server (a
// server-rendered page's module) or in a worker, they fail at once with code 3 and the reason,
// as every other failure does, instead of a ReferenceError from deep inside.
import {ChooseImageError, ErrorCode} from '../errors.js';

/** Throws code 3 naming `api` where there is no document; returns in a page. */
export function needsPage(api: string): void {
  if (typeof document === 'undefined') throw new ChooseImageError(ErrorCode.UNKNOWN, `${api} needs a browser (document is not defined)`);
}
