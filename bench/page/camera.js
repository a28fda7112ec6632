// Section D in the page: the camera. Tap → first frame against bare pages, and the shutter →
// the compressed result against one toBlob of the same frame size and quality.
import {center, describeResult, nextClick, open, part, state, waitFor} from './sheet.js';
import {frames} from './util.js';

/**
 * Keeps frames coming while a shutter is measured, as a real screen does at its refresh rate.
 * Headless Chromium draws a frame only when something asks for one, and meanwhile holds the
 * answer of an encode started from a click for up to about a second. Returns stop().
 */
function screenRefresh() {
  let on = true;
  const loop = () => on && requestAnimationFrame(loop);
  loop();
  return () => (on = false);
}

/**
 * When `video` has its first frame: requestVideoFrameCallback (the frame presented), or its
 * first `loadeddata` (the frame decoded) where that comes first. WebKitGTK with compositing off
 * (as the bench and the tests run it, so that frames can be read back) never calls
 * requestVideoFrameCallback; `firstFrameBy` says which one each engine's number is.
 */
let firstFrameBy;
const firstFrame = video =>
  new Promise(resolve => {
    let settled = false;
    const done = by => {
      if (settled) return;
      settled = true;
      firstFrameBy = by;
      resolve(performance.now());
    };
    video.requestVideoFrameCallback?.(() => done('requestVideoFrameCallback'));
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) done('loadeddata');
    else video.addEventListener('loadeddata', () => done('loadeddata'), {once: true});
  });


// getUserMedia, wrapped to timestamp its call and answer: splits "to first frame" into the
// work before asking, the camera itself, and showing its first frame.
const gumCalls = [];
const nativeGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async constraints => {
  const entry = {called: performance.now()};
  gumCalls.push(entry);
  const stream = await nativeGetUserMedia(constraints);
  entry.resolved = performance.now();
  return stream;
};

function firstFrameTimes(t0, t1, video) {
  const gum = gumCalls.at(-1);
  return {
    ms: t1 - t0,
    beforeGum: gum.called - t0,
    gum: gum.resolved - gum.called,
    afterGum: t1 - gum.resolved,
    width: video.videoWidth,
    height: video.videoHeight,
    by: firstFrameBy,
  };
}

/** Before clicking `action-camera`: click → first video frame of the `video` part. */
export function armCameraFirstFrame() {
  state.probe = (async () => {
    const t0 = await nextClick();
    const video = await waitFor(() => part('video'));
    return firstFrameTimes(t0, await firstFrame(video), video);
  })();
}

/**
 * The fair baseline for a tap: a plain page button whose click handler calls getUserMedia and
 * shows a <video autoplay muted playsinline>, timed like the sheet, from the click to the first
 * frame. Returns the button's centre for page.mouse.click.
 */
export function armBareTap() {
  const button = Object.assign(document.createElement('button'), {textContent: 'camera', className: 'bare'});
  document.body.append(button);
  let startCamera;
  const streamOnClick = new Promise(resolve => (startCamera = resolve));
  const constraints = {video: {width: {ideal: 1920}, height: {ideal: 1080}}};
  button.addEventListener('click', () => startCamera(navigator.mediaDevices.getUserMedia(constraints)), {once: true});
  state.probe = (async () => {
    const t0 = await nextClick();
    const result = await bareVideoTimes(t0, await streamOnClick);
    button.remove();
    return result;
  })();
  const r = button.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}

/** The same, from script (no tap): getUserMedia + <video autoplay muted playsinline> to the first frame. */
export async function bareFirstFrame() {
  const t0 = performance.now();
  return bareVideoTimes(t0, await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 1920}, height: {ideal: 1080}}}));
}

/** Shows `stream` in a bare <video autoplay muted playsinline>: times from t0 to its first frame. */
async function bareVideoTimes(t0, stream) {
  const video = Object.assign(document.createElement('video'), {autoplay: true, muted: true, playsInline: true, className: 'bare'});
  document.body.append(video);
  video.srcObject = stream;
  const result = firstFrameTimes(t0, await firstFrame(video), video);
  // The video lets go of the stream first, as the kit does: WebKitGTK deadlocks its web process
  // when a track stops under a playing <video> (README Reliability).
  video.srcObject = null;
  stream.getTracks().forEach(t => t.stop());
  video.remove();
  return result;
}

/** The camera the sheet's last shot used: the bare shutter shoots the same picture (see openBareCamera). */
let sheetCamera;

/** Opens the live camera for one shot; returns the shutter's centre once a frame is shown. */
export async function openCamera(sizeType) {
  await open({count: 1, sourceType: ['camera'], sizeType: [sizeType]});
  const video = await waitFor(() => part('video'));
  if (!video.videoWidth) await firstFrame(video);
  sheetCamera = video.srcObject.getVideoTracks()[0].getSettings().deviceId;
  return center('shutter');
}

let reviewShownAt = 0;

/** Before clicking the shutter: click → review image decoded and painted, confirm shown. */
export function armShutter() {
  state.probe = (async () => {
    const t0 = await nextClick();
    const img = await waitFor(() => part('confirm') && state.sheet.shadowRoot.querySelector('img.review'));
    await img.decode();
    await frames(2);
    reviewShownAt = performance.now();
    return {ms: reviewShownAt - t0};
  })();
}

/**
 * Before clicking confirm: click → chooseImage() resolved. The sheet prepares the result at the
 * shutter, so `reviewToClick` (how long that had before the click) is returned too.
 */
export function armConfirm() {
  state.probe = (async () => {
    const t0 = await nextClick();
    const outcome = await state.call;
    const ms = performance.now() - t0;
    state.sheet = state.call = undefined;
    return {ms, reviewToClick: t0 - reviewShownAt, ...describeResult(outcome)};
  })();
}

/**
 * Before clicking the shutter: click → the compressed photo is encoded (the shot is the
 * compressed image: one draw and one encode), → its review shows with confirm, and confirm
 * (clicked in the page the moment it shows) → the call resolved.
 */
export function armShutterToResult() {
  const stop = screenRefresh();
  // When the encode of the shot finishes: a pass-through timestamp on the encoder it uses.
  const encoder = OffscreenCanvas.prototype.convertToBlob;
  let encoded = 0;
  OffscreenCanvas.prototype.convertToBlob = function (...args) {
    return encoder.apply(this, args).finally(() => (encoded = performance.now()));
  };
  state.probe = (async () => {
    const t0 = await nextClick();
    const confirm = await waitFor(() => part('confirm'));
    const shown = performance.now();
    OffscreenCanvas.prototype.convertToBlob = encoder;
    confirm.click();
    const outcome = await state.call;
    const resolved = performance.now();
    stop();
    state.sheet = state.call = undefined;
    return {ms: encoded - t0, shownMs: shown - t0, totalMs: resolved - t0, ...describeResult(outcome)};
  })();
}

let bare;
/**
 * The baseline's page: a live <video> (the same request as the sheet's, of the camera the sheet
 * used: an encode's time depends on the picture, and the engines' fake cameras draw different
 * pictures for different devices) and a shutter button.
 */
export async function openBareCamera() {
  const device = sheetCamera ? {deviceId: {exact: sheetCamera}} : {};
  const stream = await navigator.mediaDevices.getUserMedia({video: {...device, width: {ideal: 1920}, height: {ideal: 1080}}});
  const video = Object.assign(document.createElement('video'), {autoplay: true, muted: true, playsInline: true, className: 'bare'});
  video.srcObject = stream;
  document.body.append(video);
  await firstFrame(video);
  const button = Object.assign(document.createElement('button'), {textContent: 'shutter', className: 'bare'});
  document.body.append(button);
  bare = {stream, video, button};
  const r = button.getBoundingClientRect();
  return {x: r.x + r.width / 2, y: r.y + r.height / 2};
}

/**
 * Before clicking the bare shutter: click → one drawImage and one encode at `quality`, at the
 * size the sheet's photo had (`width`×`height`: what its full-bleed preview framed, the frame's
 * centre), through a <canvas>'s toBlob or an OffscreenCanvas's convertToBlob (`offscreen`).
 */
export function armBareShutter({width, height, quality, offscreen = false}) {
  const {video, button} = bare;
  const stop = screenRefresh();
  state.probe = new Promise(resolve =>
    button.addEventListener(
      'click',
      () => {
        const t0 = performance.now();
        // the frame's centre with the photo's aspect, as a full-bleed preview crops it
        const s = Math.min(video.videoWidth / width, video.videoHeight / height);
        const [sw, sh] = [width * s, height * s];
        const canvas = offscreen ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), {width, height});
        canvas.getContext('2d').drawImage(video, (video.videoWidth - sw) / 2, (video.videoHeight - sh) / 2, sw, sh, 0, 0, width, height);
        const done = blob => {
          stop();
          resolve({ms: performance.now() - t0, width, height, bytes: blob.size, type: blob.type});
        };
        if (offscreen) canvas.convertToBlob({type: 'image/jpeg', quality}).then(done);
        else canvas.toBlob(done, 'image/jpeg', quality);
      },
      {once: true}
    )
  );
}

export function closeBareCamera() {
  if (bare) bare.video.srcObject = null; // before the tracks stop: see bareVideoTimes
  bare?.stream.getTracks().forEach(t => t.stop());
  bare?.video.remove();
  bare?.button.remove();
  bare = undefined;
}
