// Owns the live camera: the host says what it wants (active, facing); the controller starts,
// switches and stops the MediaStream to match, and nothing else touches tracks. No track
// outlives the camera view, the call, the element, or a hidden page.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {context, encode, makeCanvas} from '../image/canvas.js';
import {fitWithin} from '../image/info.js';
import type {Facing} from '../options.js';

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

export interface Capture {
  blob: Blob;
  width: number;
  height: number;
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

  private callId = 0;
  private facing: Facing | undefined;
  private pageHidden = false;
  /** deviceId per facing, for devices that report no facingMode (desktop webcams). */
  private readonly deviceIds = new Map<Facing, string>();
  private facingModeSupported = true;
  /** Asked ahead, so that a tap on the camera does not wait for the Permissions API. */
  private permission?: Promise<PermissionStatus | undefined>;
  /** deviceIds of the video inputs, known once a camera was live. */
  private inputs: string[] = [];

  /** How many cameras there are (0 until one was live): the switch shows for more than one. */
  get videoInputs() {
    return this.inputs.length;
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wanted: () => CameraWanted
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.permission ??= permissionStatus();
    document.addEventListener('visibilitychange', this.handlePageChange);
    window.addEventListener('pagehide', this.handlePageHide);
    window.addEventListener('pageshow', this.handlePageChange);
    this.host.requestUpdate();
  }

  hostUpdate() {
    this.reconcile();
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.handlePageChange);
    window.removeEventListener('pagehide', this.handlePageHide);
    window.removeEventListener('pageshow', this.handlePageChange);
    this.stop();
  }

  /** Stops every track now. The host's next update starts it again if it is still wanted. */
  stop() {
    this.callId++;
    stopTracks(this.stream);
    this.stream = null;
    this.facing = undefined;
    if (!failed.includes(this.status)) this.status = CameraStatus.IDLE;
  }

  /** Clears a failure so the next update tries the camera again. */
  retry() {
    this.status = CameraStatus.IDLE;
    this.host.requestUpdate();
  }

  /**
   * The frame on screen when the shutter was pressed, as a JPEG at the stream's resolution,
   * unmirrored. With `maxSize` it is drawn no larger than that on its long edge: the compressed
   * image in one draw and one encode. With `fullResolution`, ImageCapture.takePhoto replaces it
   * where the camera offers more pixels than the stream.
   */
  async capture(video: HTMLVideoElement, {quality = 0.92, fullResolution = false, maxSize = Infinity} = {}): Promise<Capture> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track || this.status !== CameraStatus.LIVE || !(await hasFrame(video))) {
      throw new DOMException('the camera is not live', 'InvalidStateError');
    }
    // Draw first: asking ImageCapture for its capabilities can restart the camera.
    const canvas = makeCanvas(...fitWithin(video.videoWidth, video.videoHeight, maxSize));
    const ctx = context(canvas, false);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const photo = fullResolution ? await takeLargerPhoto(track, canvas.width * canvas.height, quality) : undefined;
    // An OffscreenCanvas encodes at once on another thread; a <canvas> (toBlob) waits for the
    // main thread to be idle, up to a second here.
    return photo ?? {blob: await encode(canvas, 'image/jpeg', quality), width: canvas.width, height: canvas.height};
  }

  private reconcile() {
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
      width: {ideal: 1920},
      height: {ideal: 1080},
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
    this.status = CameraStatus.LIVE;
    this.error = '';
    const track = stream.getVideoTracks()[0];
    const settings = track?.getSettings() ?? {};
    this.facingModeSupported = settings.facingMode !== undefined;
    if (settings.deviceId) this.deviceIds.set(facing, settings.deviceId);
    track?.addEventListener('ended', () => {
      if (this.stream !== stream) return;
      this.stop();
      this.status = CameraStatus.ENDED;
      this.host.requestUpdate();
    });
    void navigator.mediaDevices.enumerateDevices().then(devices => {
      this.inputs = devices.filter(d => d.kind === 'videoinput').map(d => d.deviceId);
      this.host.requestUpdate();
    });
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
