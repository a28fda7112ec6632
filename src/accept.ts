// The album picker's `accept` for the `extension` option.

/**
 * `.jpg,.png` for `['jpg', 'png']`, `image/*` without a list. Android in-app browsers (WeChat's,
 * and apps built on a WebView) open their album only for `image/*` and answer a list of types
 * with a file manager or "no app can do this", so there `image/*` leads the list; the gallery
 * still marks the other files unusable.
 */
export function acceptFor(extension: readonly string[] | undefined, userAgent = navigator.userAgent): string {
  const list = extension?.map(e => `.${e}`).join() ?? '';
  if (!list) return 'image/*';
  return /Android.*(MicroMessenger|; wv\))/.test(userAgent) ? `image/*,${list}` : list;
}
