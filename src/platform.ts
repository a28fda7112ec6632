// What this browser engine can do, tested once, in one place: the kit's code asks here instead
// of probing globals itself. Each entry names the engines that differ (as of Chromium 156,
// Firefox ESR 153, WebKitGTK 2.50; see README, Browsers).

/** WebCodecs ImageDecoder: Chromium and Firefox; not WebKit. */
export const hasImageDecoder = typeof ImageDecoder !== 'undefined';

/**
 * VideoFrame carries the image's orientation (`rotation`, `flip`) for drawImage to apply:
 * Chromium only. Firefox's ImageDecoder applies the orientation to the pixels itself.
 */
export const frameCarriesOrientation = typeof VideoFrame !== 'undefined' && 'rotation' in VideoFrame.prototype;

/**
 * Whether the page has transient user activation now (a tap just happened), or undefined where
 * the browser cannot tell (no navigator.userActivation: Safari before 16.4).
 */
export const hasUserActivation = (): boolean | undefined =>
  typeof navigator !== 'undefined' && 'userActivation' in navigator ? navigator.userActivation.isActive : undefined;
