// Section D in the page: the camera. Tap → first frame against bare pages, and the shutter →
// the compressed result against one toBlob of the same frame size and quality.
import {center, describeResult, nextClick, open, part, state, waitFor} from './sheet.js';
import {frames} from './util.js';


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
  stream.getTracks().forEach(t => t.stop());
  video.remove();
  return result;
}

/** Opens the live camera for one shot; returns the shutter's centre once a frame is shown. */
export async function openCamera(sizeType) {
  await open({count: 1, sourceType: ['camera'], sizeType: [sizeType]});
  const video = await waitFor(() => part('video'));
  if (!video.videoWidth) await firstFrame(video);
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
 * Before clicking the shutter: click → the call resolved, with confirm clicked (in the page) the
 * moment it shows. What a person waits for between the shutter and their compressed photo.
 */
export function armShutterToResult() {
  state.probe = (async () => {
    const t0 = await nextClick();
    const confirm = await waitFor(() => part('confirm'));
    confirm.click();
    const outcome = await state.call;
    const ms = performance.now() - t0;
    state.sheet = state.call = undefined;
    return {ms, ...describeResult(outcome)};
  })();
}

let bare;
/** The baseline's page: a live <video> (the same request as the sheet's) and a shutter button. */
export async function openBareCamera() {
  const stream = await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 1920}, height: {ideal: 1080}}});
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

/** Before clicking the bare shutter: click → one drawImage at maxSize and one toBlob at `quality`. */
export function armBareShutter(maxSize, quality) {
  const {video, button} = bare;
  state.probe = new Promise(resolve =>
    button.addEventListener(
      'click',
      () => {
        const t0 = performance.now();
        const s = Math.min(1, maxSize / Math.max(video.videoWidth, video.videoHeight));
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(video.videoWidth * s);
        canvas.height = Math.round(video.videoHeight * s);
        canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(blob => resolve({ms: performance.now() - t0, width: canvas.width, height: canvas.height, bytes: blob.size, type: blob.type}), 'image/jpeg', quality);
      },
      {once: true}
    )
  );
}

export function closeBareCamera() {
  bare?.stream.getTracks().forEach(t => t.stop());
  bare?.video.remove();
  bare?.button.remove();
  bare = undefined;
}
