// The camera half of the sheet: the live camera, the shots or the shot under review, and the
// camera view, for the open call. Loaded as a chunk when a call may use the camera.
import type {ReactiveController} from 'lit';
import {CameraController, CameraStatus, shownRegion} from '../controllers/camera-controller.js';
import {ObjectUrlController} from '../controllers/object-url-controller.js';
import {ChooseImageError, ErrorCode, unknownError} from '../errors.js';
import {NoPictureError} from '../image/draw-frame.js';
import {madeFile, type ProcessedImage} from '../image/pipeline.js';
import {Prefetch} from '../image/prefetch.js';
import {Pinch} from '../internal/pinch.js';
import {withCameraTerms} from '../locales/camera.js';
import type {Facing} from '../options.js';
import {cameraView, type Shot} from '../views/camera-view.js';
import paneStyles from '../views/pane.styles.js';
import styles from '../views/camera-view.styles.js';
import {finish, processFor} from './results.js';
import type {SheetPort} from './sheet-port.js';

let shotId = 0;

/** The camera half, a reactive controller of the sheet (added after its CameraController, so it reads the camera's state once reconciled). */
export class CameraPane implements ReactiveController {
  static readonly styles = [paneStyles, styles];

  private readonly camera: CameraController;
  /** The shots' previews, released when the call ends or the sheet leaves the DOM. */
  private readonly urls: ObjectUrlController;
  /** The shots' results, started when each is taken. */
  private readonly prepared: Prefetch;
  private facing: Facing;
  private shots: Shot[] = [];
  /** The shot under review (count 1); the camera is off meanwhile. */
  private review: Shot | null = null;
  /**
   * The preview, made here rather than by the view's template: a stream that arrives before the
   * view shows is attached at once, so its first frame is not held up by the render.
   */
  private readonly video = Object.assign(document.createElement('video'), {autoplay: true, muted: true});
  /** The stream of the last frame the preview loaded (see framed). */
  private framedStream: MediaProvider | null = null;
  /** Started from the action sheet, its view not shown yet: see start(). */
  private warming: (() => void) | null = null;
  private warmingTimer?: ReturnType<typeof setTimeout>;
  private readonly pinch = new Pinch();
  /** The zoom when the pinch started. */
  private pinchFrom = 0;

  constructor(private readonly sheet: SheetPort) {
    this.facing = sheet.options?.camera ?? 'back';
    this.video.part.value = 'video';
    // The attribute, not the property: Firefox has no playsInline property, so setting one
    // would leave no attribute for iOS WebKit to honour (and it then plays full screen).
    this.video.setAttribute('playsinline', '');
    // A new srcObject drops the old stream's pending events, so this is its own stream's frame.
    this.video.addEventListener('loadeddata', () => {
      if (!this.video.videoWidth) return;
      this.framedStream = this.video.srcObject;
      sheet.host.requestUpdate();
    });
    this.urls = new ObjectUrlController(sheet.host);
    this.prepared = new Prefetch(sheet);
    this.camera = new CameraController(
      sheet.host,
      () => ({active: (sheet.shows('camera') || !!this.warming) && !this.review, facing: this.facing}),
      this.video
    );
    sheet.host.addController(this);
  }

  /**
   * The preview shows a frame of the camera's current stream: the shutter waits for it, as a
   * stream that is live has no frame yet for a moment (WebKit's mock camera: over a second), and a
   * capture then would have nothing to draw. Every new stream (重拍, a camera switch) waits anew.
   */
  private get framed() {
    return !!this.camera.stream && this.framedStream === this.camera.stream;
  }

  /** The sheet's strings and the camera's, in the active language. */
  private get t() {
    return withCameraTerms(this.sheet.t);
  }

  /** The device has no camera at all (the browser lists devices, and no camera among them). */
  get noCamera() {
    return this.camera.noCamera === true;
  }

  /** A new call, with the camera it asks for. */
  reset(facing: Facing) {
    this.facing = facing;
    this.clear();
  }

  /**
   * Starts the camera now and calls `show` to show its view once the camera answers (or after
   * 100 ms, for a permission prompt or a slow camera). The tap's render then does not compete
   * with getUserMedia for the main thread, and the view appears with a live picture.
   */
  start(show: () => void) {
    this.warming = show;
    this.sheet.host.requestUpdate();
    clearTimeout(this.warmingTimer);
    this.warmingTimer = setTimeout(() => this.reveal(), 100);
  }

  private reveal() {
    const show = this.warming;
    this.warming = null;
    clearTimeout(this.warmingTimer);
    show?.();
  }

  /** Stops the camera and releases the shots. */
  clear() {
    this.warming = null;
    clearTimeout(this.warmingTimer);
    this.camera.stop();
    this.framedStream = null;
    this.urls.releaseAll();
    this.prepared.drop();
    this.shots = [];
    this.review = null;
  }

  /** Before each render of the sheet: the preview's state (the camera gives it its stream); a refused camera ends the call. */
  hostUpdate() {
    const {video} = this;
    const {status} = this.camera;
    video.className = this.facing === 'front' ? 'mirrored' : '';
    video.hidden = !!this.review || status !== CameraStatus.LIVE;
    video.setAttribute('aria-label', this.t.cameraTitle);
    if (this.warming && status !== CameraStatus.STARTING && status !== CameraStatus.IDLE) this.reveal();
    if (this.sheet.shows('camera') && (status === CameraStatus.REFUSED || status === CameraStatus.BLOCKED)) {
      // After this update, not inside it: ending the call fires the page's fail and complete.
      const open = this.sheet.stillOpen();
      const code = status === CameraStatus.BLOCKED ? ErrorCode.PERMISSION_BLOCKED : ErrorCode.PERMISSION_REFUSED;
      queueMicrotask(() => open() && this.sheet.fail(new ChooseImageError(code)));
    }
  }

  render() {
    const {sheet, camera} = this;
    return cameraView({
      t: this.t,
      video: this.video,
      status: camera.status,
      framed: this.framed,
      canSwitch: camera.videoInputs > 1,
      torch: camera.torch,
      zoom: camera.zoom,
      count: sheet.options!.count,
      shots: this.shots,
      review: this.review,
      busy: sheet.busy,
      hint: sheet.hint,
      onShutter: () => void this.shutter(),
      onSwitch: () => this.change(() => (this.facing = this.facing === 'back' ? 'front' : 'back')),
      onTorch: () => camera.setTorch(!camera.torch),
      onZoom: value => camera.setZoom(value),
      onStageWheel: e => this.wheel(e),
      onStagePointer: e => this.pointer(e),
      onRetake: () => this.retake(),
      onConfirm: () => this.confirm(),
      onClose: () => sheet.close(),
      onRemoveShot: shot => this.remove(shot),
      onRetry: () => camera.retry(),
      onSystemCamera: e => this.systemCamera(e),
      onSystemCameraChange: e => this.systemCameraChange(e),
      onAlbum: () => sheet.pickFiles(),
    });
  }

  /** The wheel zooms by a tenth of the range per notch (100 px); a trackpad pinch comes as small deltas. */
  private wheel(event: WheelEvent) {
    const zoom = this.camera.zoom;
    if (!zoom) return;
    event.preventDefault();
    const pixels = event.deltaMode === WheelEvent.DOM_DELTA_PIXEL ? event.deltaY : event.deltaY * 33;
    this.camera.setZoom(zoom.value - (pixels / 1000) * (zoom.max - zoom.min));
  }

  /** Two fingers on the preview zoom by how far they spread. */
  private pointer(event: PointerEvent) {
    const {pinch, camera} = this;
    if (event.type === 'pointerdown') {
      if (pinch.down(event)) this.pinchFrom = camera.zoom?.value ?? 0;
    } else if (event.type === 'pointermove') {
      const scale = pinch.move(event);
      if (scale) camera.setZoom(this.pinchFrom * scale);
    } else {
      pinch.up(event);
    }
  }

  private change(apply: () => void) {
    apply();
    this.sheet.host.requestUpdate();
  }

  private async shutter() {
    const {sheet, video} = this;
    if (sheet.busy || !this.framed) return;
    const open = sheet.stillOpen();
    const compressed = !sheet.original;
    sheet.busy = true;
    let capture;
    try {
      // Compressed: drawn at the target size and encoded once at the target quality.
      const {maxSize, quality} = sheet.options!.compress;
      // What was framed: the part of the frame the full-bleed preview shows, measured on the frame.
      const size = compressed ? {maxSize, quality} : {fullResolution: true};
      capture = await this.camera.capture(video, {...size, crop: shownRegion});
    } catch (e) {
      if (!open()) return;
      // A frame that drew as nothing is no photo and no failure: the camera stays for another tap.
      if (e instanceof NoPictureError) sheet.hint = this.t.noPicture;
      else sheet.fail(unknownError(e));
      return;
    } finally {
      if (open()) sheet.busy = false;
    }
    if (!open()) return; // a shot of a call that has ended is nobody's
    const {blob, width, height} = capture;
    if (sheet.hint === this.t.noPicture) sheet.hint = '';
    const shot = {id: ++shotId, blob, url: this.urls.create(blob), width, height, compressed};
    void this.prepare(shot);
    const count = sheet.options!.count;
    this.change(() => (count === 1 ? (this.review = shot) : (this.shots = [...this.shots, shot])));
    if (this.shots.length >= count && count > 1) sheet.hint = this.t.shotsLimit(count);
  }

  private prepare(shot: Shot) {
    return this.prepared.get(shot.id, signal => this.result(shot, signal));
  }

  /** A capture is the "original" as taken, or already the compressed image (see shutter()). */
  private async result(shot: Shot, signal: AbortSignal): Promise<ProcessedImage> {
    if (shot.file) return processFor(this.sheet, shot.file, signal);
    if (!this.sheet.original && !shot.compressed) return processFor(this.sheet, shot.blob, signal);
    const file = madeFile(shot.blob, 'image/jpeg');
    return {file, type: file.type, width: shot.width, height: shot.height};
  }

  /** Releases a shot's preview and drops its prepared result. */
  private discard(shot: Shot) {
    this.urls.release(shot.url);
    this.prepared.drop(shot.id);
  }

  private retake() {
    if (this.sheet.busy) return; // the shot is being returned
    if (this.review) this.discard(this.review);
    this.change(() => (this.review = null));
  }

  private remove(shot: Shot) {
    if (this.sheet.busy) return;
    this.discard(shot);
    this.change(() => (this.shots = this.shots.filter(s => s !== shot)));
    this.sheet.hint = '';
  }

  /** The fallback: the device's own camera app through <input capture>. */
  private systemCamera(event: Event) {
    const input = (event.currentTarget as Element).parentElement!.querySelector('input')!;
    input.value = '';
    input.click();
  }

  /**
   * A photo from the system camera. With count 1 it is the result; with more, it joins the shots
   * (the fallback view then shows them with 完成), and the system camera can be opened again.
   */
  private systemCameraChange(event: Event) {
    const {sheet} = this;
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const count = sheet.options!.count;
    if (count === 1) {
      void finish(sheet, [processFor(sheet, file)], () => (sheet.hint = this.t.unusable(file.name)));
      return;
    }
    if (this.shots.length >= count) {
      sheet.hint = this.t.shotsLimit(count);
      return;
    }
    const shot: Shot = {id: ++shotId, blob: file, file, url: this.urls.create(file), width: 0, height: 0, compressed: false};
    void this.prepare(shot);
    this.change(() => (this.shots = [...this.shots, shot]));
  }

  private confirm() {
    const shots = this.review ? [this.review] : this.shots;
    void finish(
      this.sheet,
      shots.map(s => this.prepare(s)),
      index => {
        const shot = shots[index];
        // A system camera's file that cannot be used leaves the shots, as an album pick would.
        if (!shot.file) return this.sheet.fail(unknownError('a photo could not be encoded'));
        this.remove(shot);
        this.sheet.hint = this.t.unusable(shot.file.name);
      }
    );
  }
}
