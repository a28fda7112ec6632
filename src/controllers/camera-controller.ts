// Owns the live camera: the host says what it wants (active, facing); the controller starts,
// switches and stops the MediaStream to match, and nothing else touches tracks. No track
// outlives the camera view, the call, the element, or a hidden page. It also applies the torch
// and zoom where the camera offers them, and follows cameras plugged in and out.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {encode, makeCanvas} from '../image/canvas.js';
import {drawFrame} from '../image/draw-frame.js';
import {fitWithin} from '../image/info.js';
import type {Facing} from '../options.js';
import {cameraAllowedByPolicy} from '../platform.js';

export const CameraStatus = {
  IDLE: 'idle',
  STARTING: 'starting',
  LIVE: 'live',
  /** Asked in this call and refused (code 2001). */
  REFUSED: 'refused',
  /** Blocked for this site before the call (code 2002). */
  BLOCKED: 'blocked',
  /** No camera, insecure context, busy device…: the sheet offers fallbacks. */
  UNAVAILABLE: 'unavailable',
  /** The track ended while in use (device unplugged): the sheet offers a retry. */
  ENDED: 'ended',
} as const;
export type CameraStatus = (typeof CameraStatus)[keyof typeof CameraStatus];

export interface CameraWanted {
  active: boolean;
  facing: Facing;
}

/** A rectangle of the video's frame, in its pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptureOptions {
  quality?: number;
  fullResolution?: boolean;
  maxSize?: number;
  /** The part of the frame to keep (e.g. shownRegion), measured once the video has a frame; all of it by default. */
  crop?: (video: HTMLVideoElement) => Region;
}

/**
 * The part of the video's frame the person sees, so that the capture is what was framed: under
 * `object-fit: contain` (a window) all of it; under `cover` (a phone's full-bleed preview) the
 * middle at the box's shape, and of that only what the sheet around it shows (its <dialog> clips
 * it). Mirrored (the front camera), the left of what is seen is the right of the frame.
 */
export function shownRegion(video: HTMLVideoElement): Region {
  const {videoWidth: w, videoHeight: h} = video;
  const box = video.getBoundingClientRect();
  if (getComputedStyle(video).objectFit !== 'cover' || !box.width || !box.height || !w || !h) return {x: 0, y: 0, width: w, height: h};
  const clip = video.closest('dialog')?.getBoundingClientRect() ?? box;
  const scale = Math.max(box.width / w, box.height / h);
  // The frame is drawn centred on the box, `scale` screen pixels to one of its own.
  const frameLeft = box.left + (box.width - w * scale) / 2;
  const frameTop = box.top + (box.height - h * scale) / 2;
  const [left, right] = [Math.max(box.left, clip.left), Math.min(box.right, clip.right)];
  const [top, bottom] = [Math.max(box.top, clip.top), Math.min(box.bottom, clip.bottom)];
  const width = Math.min(w, Math.max(0, Math.round((right - left) / scale)));
  const height = Math.min(h, Math.max(0, Math.round((bottom - top) / scale)));
  let x = Math.round((left - frameLeft) / scale);
  const transform = getComputedStyle(video).transform;
  if (transform !== 'none' && new DOMMatrixReadOnly(transform).a < 0) x = w - x - width;
  const y = Math.round((top - frameTop) / scale);
  return {x: Math.min(Math.max(0, x), w - width), y: Math.min(Math.max(0, y), h - height), width, height};
}

export interface Capture {
  blob: Blob;
  width: number;
  height: number;
}

/** The zoom a camera offers, in its own units, and the value asked for. */
export interface Zoom {
  min: number;
  max: number;
  step: number;
  value: number;
}

/** What getCapabilities() and applyConstraints() know beyond TypeScript's DOM types. */
interface ControlCapabilities {
  torch?: boolean;
  zoom?: {min?: number; max?: number; step?: number};
}
interface ControlSet {
  torch?: boolean;
  zoom?: number;
}

const failed: CameraStatus[] = [CameraStatus.REFUSED, CameraStatus.BLOCKED, CameraStatus.UNAVAILABLE, CameraStatus.ENDED];

/**
 * What a getUserMedia failure means for the sheet: refused (code 2001) for NotAllowedError and
 * SecurityError, and unavailable for everything else (NotFoundError, NotReadableError,
 * OverconstrainedError, AbortError, NotSupportedError…), where the sheet offers fallbacks.
 */
export function statusForError(name: string): CameraStatus {
  return name === 'NotAllowedError' || name === 'SecurityError' ? CameraStatus.REFUSED : CameraStatus.UNAVAILABLE;
}

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach(t => t.stop());

/** The size asked of every camera; applyConstraints() repeats it. */
const size = {width: {ideal: 1920}, height: {ideal: 1080}};

/**
 * True where `zoom: true` in getUserMedia asks for the camera's pan-tilt-zoom permission, as
 * the engines that implement pan and tilt (Chromium) read it; Chromium shows a camera's zoom
 * only with that permission. WebKit reads the boolean as zoom 1, which picks another camera.
 * (Here, not in platform.ts, which loads with the entry: only the camera needs it.)
 */
const asksPanTiltZoom = () => !!(navigator.mediaDevices.getSupportedConstraints() as {pan?: boolean}).pan;

/** deviceIds of the video inputs; '' for each while the page has no camera permission yet. */
const videoInputIds = (devices: MediaDeviceInfo[]) => devices.filter(d => d.kind === 'videoinput').map(d => d.deviceId);

/**
 * True when the browser lists the devices and none is a camera; undefined where it cannot tell
 * (an empty list before permission, as Safari gives).
 */
const noCameraIn = (devices: MediaDeviceInfo[]) => (devices.length ? !devices.some(d => d.kind === 'videoinput') : undefined);

/** The browser's device list; undefined where it cannot list them. */
async function listDevices(): Promise<MediaDeviceInfo[] | undefined> {
  try {
    return await navigator.mediaDevices?.enumerateDevices?.();
  } catch {
    return undefined;
  }
}

/**
 * What a change in the list of cameras means for the camera in `status`: `ended` when the list
 * shrank and the one in use (`inUse`) left it; `restart` when a camera came while none could be
 * used, or when the lost one (`lost`) or a new one came after the one in use was unplugged.
 */
export function afterDeviceChange(
  status: CameraStatus,
  before: readonly string[],
  now: readonly string[],
  inUse?: string,
  lost?: string
): 'ended' | 'restart' | undefined {
  // A shrunk list without the camera in use: unplugged, though its track may not have ended
  // yet. Ids are '' while the page has no permission, and then tell nothing.
  if (status === CameraStatus.LIVE) return inUse && now.length < before.length && !now.includes(inUse) && !now.includes('') ? 'ended' : undefined;
  if (status === CameraStatus.UNAVAILABLE) return now.length ? 'restart' : undefined;
  if (status === CameraStatus.ENDED) return now.some(id => id === lost || !before.includes(id)) ? 'restart' : undefined;
  return undefined;
}

/** The camera's PermissionStatus (its `state` stays current), where the Permissions API can tell. */
async function permissionStatus(): Promise<PermissionStatus | undefined> {
  try {
    return await navigator.permissions.query({name: 'camera' as PermissionName});
  } catch {
    return undefined;
  }
}

export class CameraController implements ReactiveController {
  status: CameraStatus = CameraStatus.IDLE;
  stream: MediaStream | null = null;
  /** DOMException name of the last failure, for messages and tests. */
  error = '';
  /** The device has no camera at all, as far as the browser's device list tells (see noCameraIn). */
  noCamera: boolean | undefined;

  private callId = 0;
  private facing: Facing | undefined;
  private pageHidden = false;
  private connected = false;
  /** deviceId per facing, for devices that report no facingMode (desktop webcams). */
  private readonly deviceIds = new Map<Facing, string>();
  private facingModeSupported = true;
  /** Asked ahead, so that a tap on the camera does not wait for the Permissions API. */
  private permission?: Promise<PermissionStatus | undefined>;
  /** deviceIds of the video inputs, known once a camera was live or the list changed. */
  private inputs: string[] = [];
  /** deviceId of the camera unplugged while in use, to restart when it comes back. */
  private lost?: string;
  /** Zoom and torch as asked for; applied one applyConstraints() at a time. */
  private controls: ControlSet = {};
  private applied: ControlSet = {};
  private applying = Promise.resolve();
  /** Torch or zoom changes asked for and not yet applied (or refused). */
  private changesOnTheirWay = 0;
  private zoomRange?: Omit<Zoom, 'value'>;

  /** How many cameras there are (0 until one was live): the switch shows for more than one. */
  get videoInputs() {
    return this.inputs.length;
  }

  /** The live camera's zoom, where it offers one. */
  get zoom(): Zoom | undefined {
    return this.zoomRange && {...this.zoomRange, value: this.controls.zoom!};
  }

  /** Whether the torch is on, where the live camera has one; undefined where it has none. */
  get torch(): boolean | undefined {
    return this.controls.torch;
  }

  /**
   * `preview`, where the host shows the camera: the controller puts the stream in it, and takes
   * it out before the tracks stop (see stop()).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => CameraWanted,
    private readonly preview?: HTMLVideoElement
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connected = true;
    this.permission ??= permissionStatus();
    document.addEventListener('visibilitychange', this.handlePageChange);
    window.addEventListener('pagehide', this.handlePageHide);
    window.addEventListener('pageshow', this.handlePageChange);
    navigator.mediaDevices?.addEventListener('devicechange', this.handleDeviceChange);
    void listDevices().then(devices => devices && this.connected && this.learnNoCamera(devices));
    this.host.requestUpdate();
  }

  /** Whether the device has a camera at all, from a device list just read. */
  private learnNoCamera(devices: MediaDeviceInfo[]) {
    const none = noCameraIn(devices);
    if (none === this.noCamera) return;
    this.noCamera = none;
    this.host.requestUpdate();
  }

  hostUpdate() {
    this.reconcile();
  }

  hostDisconnected() {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.handlePageChange);
    window.removeEventListener('pagehide', this.handlePageHide);
    window.removeEventListener('pageshow', this.handlePageChange);
    navigator.mediaDevices?.removeEventListener('devicechange', this.handleDeviceChange);
    this.stop();
  }

  /** Stops every track now. The host's next update starts it again if it is still wanted. */
  stop() {
    this.callId++;
    // The preview lets go of the stream before its tracks end. WebKitGTK without compositing
    // deadlocked its web process (the page frozen for good) when a track ended under a playing
    // <video> whose next frame was waiting for the main thread, as after any long task.
    if (this.stream && this.preview?.srcObject === this.stream) this.preview.srcObject = null;
    stopTracks(this.stream);
    this.stream = null;
    this.facing = undefined;
    this.zoomRange = undefined;
    this.controls = {};
    if (!failed.includes(this.status)) this.status = CameraStatus.IDLE;
  }

  /** Zooms the live camera to `value` (in its own units), within its range and steps. */
  setZoom(value: number) {
    const range = this.zoomRange;
    if (!range || !Number.isFinite(value)) return;
    const steps = Math.round((Math.min(range.max, Math.max(range.min, value)) - range.min) / range.step);
    this.change({zoom: Math.min(range.max, range.min + steps * range.step)});
  }

  /** Turns the live camera's torch on or off, where it has one. */
  setTorch(on: boolean) {
    if (this.controls.torch !== undefined) this.change({torch: on});
  }

  /** Clears a failure so the next update tries the camera again. */
  retry() {
    this.status = CameraStatus.IDLE;
    this.host.requestUpdate();
  }

  /**
   * The frame on screen when the shutter was pressed, as a JPEG at the stream's resolution,
   * unmirrored, cropped to `crop` (the part of the frame the preview shows; all of it by default).
   * A video with no frame, or an empty crop, is refused (InvalidStateError), never a 1×1 image;
   * a frame that draws as nothing, try after try, is refused (NoPictureError), never a black one.
   * With `maxSize` it is drawn no larger than that on its long edge: the compressed image in one
   * draw and one encode. With `fullResolution`, ImageCapture.takePhoto replaces it where the
   * camera offers more pixels than the stream and nothing is cropped.
   */
  async capture(video: HTMLVideoElement, {quality = 0.92, fullResolution = false, maxSize = Infinity, crop}: CaptureOptions = {}): Promise<Capture> {
    const track = this.stream?.getVideoTracks()[0];
    // With a frame there and no torch or zoom change on its way, the frame is drawn in the tap's
    // own task, before anything else (the sheet's render for the tap, a layout) runs first.
    if (!track || this.status !== CameraStatus.LIVE || !(video.videoWidth > 0 || (await hasFrame(video)))) {
      throw new DOMException('the camera is not live', 'InvalidStateError');
    }
    // The frame drawn is the one framed at the zoom last asked for (waiting 1 s at most).
    if (this.changesOnTheirWay) await Promise.race([this.applying, new Promise(r => setTimeout(r, 1000))]);
    // Measured now that the video has a frame: before it, its size is 0×0.
    const {x, y, width, height} = crop?.(video) ?? {x: 0, y: 0, width: video.videoWidth, height: video.videoHeight};
    if (width < 1 || height < 1) throw new DOMException('the camera has no frame to capture', 'InvalidStateError');
    const canvas = makeCanvas(...fitWithin(width, height, maxSize));
    const shot = (blob: Blob): Capture => ({blob, width: canvas.width, height: canvas.height});
    // Zoomed or cropped, the frame on screen is what was framed: a still from ImageCapture need
    // not be (Chromium's fake camera paints its photo at another scale than its stream).
    const zoomed = this.zoomRange && this.controls.zoom! > this.zoomRange.min;
    const cropped = width < video.videoWidth || height < video.videoHeight;
    // The frame is the photo: it is encoded as soon as it is drawn. An OffscreenCanvas encodes
    // at once on another thread; a <canvas> (toBlob) waits for the main thread to be idle, up to
    // a second here.
    if (!fullResolution || zoomed || cropped) return shot(await drawFrame(video, {x, y, width, height}, canvas, {type: 'image/jpeg', quality}));
    // Draw first: asking ImageCapture for its capabilities can restart the camera.
    await drawFrame(video, {x, y, width, height}, canvas);
    const photo = await takeLargerPhoto(track, canvas.width * canvas.height, quality);
    return photo ?? shot(await encode(canvas, 'image/jpeg', quality));
  }

  private reconcile() {
    // An update asked for before the host left runs after it (Lit finishes pending updates):
    // an element that is gone never starts its camera again.
    if (!this.connected) return this.stop();
    const {active, facing} = this.wanted();
    const visible = document.visibilityState !== 'hidden' && !this.pageHidden;
    if (!active) {
      this.stop();
      this.status = CameraStatus.IDLE;
      return;
    }
    if (!visible) return this.stop();
    if (failed.includes(this.status)) return;
    if (this.status !== CameraStatus.IDLE && this.facing === facing) return;
    void this.start(facing);
  }

  private async start(facing: Facing) {
    this.stop(); // the old stream is stopped before a new one is asked for
    const id = this.callId;
    this.status = CameraStatus.STARTING;
    this.facing = facing;
    let stream: MediaStream | undefined;
    try {
      if (!navigator.mediaDevices?.getUserMedia) {
        throw new DOMException('getUserMedia is not available (insecure context?)', 'NotSupportedError');
      }
      // Forbidden by the embedder, not refused by the user: unavailable, with the fallbacks.
      if (cameraAllowedByPolicy() === false) throw new DOMException('the Permissions Policy forbids the camera', 'NotSupportedError');
      // Read before this call's getUserMedia, so "denied" means blocked earlier (2002).
      if ((await (this.permission ??= permissionStatus()))?.state === 'denied') {
        this.error = 'NotAllowedError';
        this.status = CameraStatus.BLOCKED;
      } else if (id === this.callId) {
        stream = await this.open(facing);
      }
    } catch (e) {
      const name = e instanceof DOMException || e instanceof Error ? e.name : 'Error';
      if (id === this.callId) {
        this.error = name;
        this.status = statusForError(name);
      }
    }
    if (id !== this.callId) {
      stopTracks(stream ?? null); // a stale answer: the view closed or switched meanwhile
      return;
    }
    if (stream) this.adopt(stream, facing);
    this.host.requestUpdate();
  }

  private async open(facing: Facing): Promise<MediaStream> {
    const deviceId = this.facingModeSupported ? undefined : this.deviceIdFor(facing);
    const video: MediaTrackConstraints = {
      ...(deviceId ? {deviceId: {exact: deviceId}} : {facingMode: {ideal: facing === 'front' ? 'user' : 'environment'}}),
      ...size,
      // Asks for the pan-tilt-zoom permission with the camera's, so the zoom shows: one prompt
      // ("use and move" only for a camera that can zoom; granted with the camera on Android).
      ...(asksPanTiltZoom() ? {zoom: true} : {}),
    };
    try {
      return await navigator.mediaDevices.getUserMedia({video, audio: false});
    } catch (e) {
      // Retry once with no constraints before calling the camera unavailable.
      if ((e as Error).name !== 'OverconstrainedError') throw e;
      return navigator.mediaDevices.getUserMedia({video: true, audio: false});
    }
  }

  private adopt(stream: MediaStream, facing: Facing) {
    this.stream = stream;
    if (this.preview) this.preview.srcObject = stream;
    this.status = CameraStatus.LIVE;
    this.error = '';
    this.lost = undefined;
    const track = stream.getVideoTracks()[0];
    const settings = (track?.getSettings() ?? {}) as MediaTrackSettings & ControlSet;
    this.facingModeSupported = settings.facingMode !== undefined;
    if (settings.deviceId) this.deviceIds.set(facing, settings.deviceId);
    this.readControls(track, settings);
    // The handler property, not addEventListener: Firefox gives an `ended` dispatched on a
    // track (how the tests unplug a camera) to the property only. The track has one owner.
    if (track) track.onended = () => this.stream === stream && this.unplugged();
    void listDevices().then(devices => {
      if (!devices) return;
      this.inputs = videoInputIds(devices);
      this.host.requestUpdate();
    });
  }

  /** The torch and the zoom the track offers (none where getCapabilities() does not say). */
  private readControls(track: MediaStreamTrack | undefined, settings: ControlSet) {
    const caps = (track?.getCapabilities?.() ?? {}) as ControlCapabilities;
    const {min = 0, max = 0, step} = caps.zoom ?? {};
    if (max > min) {
      this.zoomRange = {min, max, step: step || (max - min) / 100};
      this.controls.zoom = settings.zoom ?? min;
    }
    if (caps.torch) this.controls.torch = !!settings.torch;
    this.applied = {...this.controls};
  }

  /**
   * Asks for new torch or zoom values. The constraints go to the track one applyConstraints()
   * at a time, each with the latest values, so a slider dragged fast queues no backlog.
   */
  private change(values: ControlSet) {
    Object.assign(this.controls, values);
    this.host.requestUpdate();
    const track = this.stream?.getVideoTracks()[0];
    this.changesOnTheirWay++;
    this.applying = this.applying.then(async () => {
      const wanted = {...this.controls};
      try {
        if (!track || track !== this.stream?.getVideoTracks()[0] || (wanted.zoom === this.applied.zoom && wanted.torch === this.applied.torch)) return;
        // The size again: applyConstraints() replaces every constraint the track had.
        await track.applyConstraints({...size, advanced: [wanted as MediaTrackConstraintSet]});
        this.applied = wanted;
      } catch {
        // The camera refused the value: it keeps what it shows, and the next change tries again.
      } finally {
        this.changesOnTheirWay--;
      }
    });
  }

  /** The camera in use is gone (its track ended, or it left the device list). */
  private unplugged() {
    this.lost = this.stream?.getVideoTracks()[0]?.getSettings().deviceId;
    this.stop();
    this.status = CameraStatus.ENDED;
    this.host.requestUpdate();
  }

  private deviceIdFor(facing: Facing): string | undefined {
    const other = this.deviceIds.get(facing === 'back' ? 'front' : 'back');
    return this.deviceIds.get(facing) ?? this.inputs.find(id => id !== other);
  }

  private readonly handlePageChange = (event: Event) => {
    if (event.type === 'pageshow') this.pageHidden = false;
    this.host.requestUpdate();
  };

  private readonly handlePageHide = () => {
    this.pageHidden = true;
    this.stop(); // now: a page going into the back/forward cache may not run another update
  };

  /** A camera plugged in or out: the switch follows the count; the camera follows the list. */
  private readonly handleDeviceChange = async () => {
    const devices = await listDevices();
    if (!devices || !this.connected) return; // the list came after the host left: nothing may start
    // One list for both: the cameras to follow, and whether there is any camera at all.
    this.learnNoCamera(devices);
    const now = videoInputIds(devices);
    const before = this.inputs;
    this.inputs = now;
    const inUse = this.stream?.getVideoTracks()[0]?.getSettings().deviceId;
    const reaction = afterDeviceChange(this.status, before, now, inUse, this.lost);
    if (reaction === 'ended') this.unplugged();
    else if (reaction === 'restart') this.retry();
    else this.host.requestUpdate();
  };
}

interface PhotoCapabilities {
  imageWidth?: {max?: number};
  imageHeight?: {max?: number};
}
interface ImageCaptureLike {
  getPhotoCapabilities(): Promise<PhotoCapabilities>;
  takePhoto(settings?: {imageWidth?: number; imageHeight?: number}): Promise<Blob>;
}
declare const ImageCapture: {new (track: MediaStreamTrack): ImageCaptureLike} | undefined;

/** True once the video shows a frame, waiting up to 2 s (a camera restarting has none). */
async function hasFrame(video: HTMLVideoElement): Promise<boolean> {
  for (let waited = 0; !video.videoWidth && waited < 2000; waited += 50) await new Promise(r => setTimeout(r, 50));
  return video.videoWidth > 0;
}

/** Tracks known to give no more pixels by ImageCapture than by the stream. */
const noLargerPhoto = new WeakSet<MediaStreamTrack>();

/**
 * A still from ImageCapture, as JPEG, when it really has more pixels than the stream: its
 * photo capabilities must promise more, and the photo must keep the promise (it can overstate). Only tried where the track's own
 * capabilities promise more, and given up for the track after the first miss.
 */
async function takeLargerPhoto(track: MediaStreamTrack, streamPixels: number, quality: number): Promise<Capture | undefined> {
  const caps = track.getCapabilities?.() ?? {};
  const promised = (caps.width?.max ?? 0) * (caps.height?.max ?? 0);
  if (typeof ImageCapture === 'undefined' || promised <= streamPixels || noLargerPhoto.has(track)) return undefined;
  try {
    const capture = new ImageCapture(track);
    const photoCaps = await capture.getPhotoCapabilities();
    if ((photoCaps.imageWidth?.max ?? 0) * (photoCaps.imageHeight?.max ?? 0) <= streamPixels) {
      noLargerPhoto.add(track);
      return undefined;
    }
    const blob = await capture.takePhoto({imageWidth: photoCaps.imageWidth?.max, imageHeight: photoCaps.imageHeight?.max});
    const bitmap = await createImageBitmap(blob);
    const {width, height} = bitmap;
    if (width * height <= streamPixels) {
      bitmap.close();
      noLargerPhoto.add(track);
      return undefined;
    }
    if (blob.type === 'image/jpeg') {
      bitmap.close();
      return {blob, width, height};
    }
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return {blob: await canvas.convertToBlob({type: 'image/jpeg', quality}), width, height};
  } catch {
    noLargerPhoto.add(track);
    return undefined;
  }
}
