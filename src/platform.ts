// What this browser can do, where engines differ: feature tests live here, not as `?.`
// checks scattered through the kit.

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
 * True where `zoom: true` in getUserMedia asks for the camera's pan-tilt-zoom permission, as
 * the engines that implement pan and tilt (Chromium) read it. Chromium shows a camera's zoom
 * only with that permission. WebKit reads the boolean as zoom 1, which picks a different camera.
 */
export function asksPanTiltZoom(): boolean {
  return !!(navigator.mediaDevices.getSupportedConstraints() as {pan?: boolean}).pan;
}

/**
 * True in Android in-app browsers (WeChat's, and apps built on Android's WebView): they open
 * their photo album only for `accept="image/*"`, and answer a list of types with a file
 * manager or "no app can do this".
 */
export function albumNeedsImageWildcard(userAgent = navigator.userAgent): boolean {
  return /Android.*(MicroMessenger|; wv\))/.test(userAgent);
}
