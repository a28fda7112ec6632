// What this browser can do, where engines differ, tested in one place: the kit's code asks here
// instead of probing globals itself (the image decoders' abilities are in image/platform.ts, which
// the worker shares). As of Chromium 156, Firefox ESR 153, WebKitGTK 2.50; see README, Browsers.

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/**
 * False when the page's Permissions Policy forbids the camera (a cross-origin frame without
 * `allow="camera"`): no prompt can be shown and no setting can change it. Undefined where the
 * browser cannot tell (only Chromium exposes `document.featurePolicy`); elsewhere getUserMedia
 * answers NotAllowedError, which cannot be told from a refusal (code 2001).
 */
export function cameraAllowedByPolicy(): boolean | undefined {
  const policy = (document as {featurePolicy?: FeaturePolicy}).featurePolicy;
  return policy?.allowsFeature('camera');
}

/**
 * True in Android in-app browsers (WeChat's, and apps built on Android's WebView): they open
 * their photo album only for `accept="image/*"`, and answer a list of types with a file
 * manager or "no app can do this".
 */
export function albumNeedsImageWildcard(userAgent = navigator.userAgent): boolean {
  return /Android.*(MicroMessenger|; wv\))/.test(userAgent);
}

/**
 * Whether the page has transient user activation now (a tap just happened), or undefined where
 * the browser cannot tell (no navigator.userActivation: Safari before 16.4).
 */
export const hasUserActivation = (): boolean | undefined =>
  typeof navigator !== 'undefined' && 'userActivation' in navigator ? navigator.userActivation.isActive : undefined;
