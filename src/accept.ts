// The album picker's `accept` for the `extension` option.
import {albumNeedsImageWildcard} from './platform.js';

/**
 * `.jpg,.png` for `['jpg', 'png']`, `image/*` without a list. Where the album opens only for
 * `image/*` (Android in-app browsers), `image/*` leads the list; the gallery still marks the
 * other files unusable.
 */
export function acceptFor(extension: readonly string[] | undefined, userAgent?: string): string {
  const list = extension?.map(e => `.${e}`).join() ?? '';
  if (!list) return 'image/*';
  return albumNeedsImageWildcard(userAgent) ? `image/*,${list}` : list;
}
