// The live camera: preview, shutter, switch, torch and zoom where the camera has them, and
// either a review of one shot (count 1) or a strip of shots up to `count`; messages and
// fallbacks when the camera cannot be used.
import {html, nothing} from 'lit';
import {CameraStatus, type Zoom} from '../controllers/camera-controller.js';
import type {CameraTranslation} from '../locales/camera.js';
import type {Translation} from '../locales/index.js';
import {closeIcon, switchIcon, torchIcon} from './icons.js';

export interface Shot {
  id: number;
  blob: Blob;
  url: string;
  width: number;
  height: number;
  /** Taken at the "compressed" size and quality. */
  compressed: boolean;
  /** A photo from the system camera (the fallback): processed as an album pick is. */
  file?: File;
}

export interface CameraViewProps {
  t: Translation & CameraTranslation;
  /** The preview, kept by the pane so a stream can be attached before the view renders. */
  video: HTMLVideoElement;
  status: CameraStatus;
  /** The preview shows a frame of the live stream: there is something to capture. */
  framed: boolean;
  canSwitch: boolean;
  /** On or off where the camera has a torch; undefined where it has none. */
  torch: boolean | undefined;
  /** The camera's zoom, where it has one. */
  zoom: Zoom | undefined;
  count: number;
  shots: Shot[];
  /** The shot under review (count 1), or null while live. */
  review: Shot | null;
  busy: boolean;
  hint: string;
  onShutter: () => void;
  onSwitch: () => void;
  onTorch: () => void;
  /** The slider moved, to a value in the camera's units. */
  onZoom: (value: number) => void;
  /** Wheel and pinch on the preview, where the camera zooms. */
  onStageWheel: (event: WheelEvent) => void;
  onStagePointer: (event: PointerEvent) => void;
  onRetake: () => void;
  onConfirm: () => void;
  onClose: () => void;
  onRemoveShot: (shot: Shot) => void;
  onRetry: () => void;
  onSystemCamera: (event: Event) => void;
  onSystemCameraChange: (event: Event) => void;
  onAlbum: () => void;
}

function failureMessage(t: CameraTranslation, status: CameraStatus) {
  return status === CameraStatus.ENDED ? t.cameraEnded : t.cameraUnavailable;
}

/** "2.5×": the zoom as a factor. Cameras whose range starts above 1 (100–400) count from there. */
const zoomFactor = ({value, min}: Zoom) => `${(value / Math.max(min, 1)).toFixed(1)}×`;

function zoomSlider(p: CameraViewProps, zoom: Zoom) {
  const factor = zoomFactor(zoom);
  return html`<div class="zoom">
    <input
      part="zoom"
      type="range"
      min=${zoom.min}
      max=${zoom.max}
      step=${zoom.step}
      .value=${String(zoom.value)}
      aria-label=${p.t.zoom}
      aria-valuetext=${factor}
      @input=${(e: Event) => p.onZoom(Number((e.currentTarget as HTMLInputElement).value))}
    />
    <span aria-hidden="true">${factor}</span>
  </div>`;
}

export function cameraView(p: CameraViewProps) {
  const {t, status, count, shots, review, torch} = p;
  const isLive = status === CameraStatus.LIVE;
  // Live, and a frame to take: the shutter waits for it, and until then the camera is still starting.
  const ready = isLive && p.framed;
  const starting = status === CameraStatus.STARTING || (isLive && !p.framed && !review);
  const zoom = isLive && !review ? p.zoom : undefined;
  const unusable = status === CameraStatus.UNAVAILABLE || status === CameraStatus.ENDED;
  const full = shots.length >= count;
  // A hint (e.g. "that file cannot be used") speaks over the camera's own state.
  const message = p.hint || (unusable ? failureMessage(t, status) : starting ? t.cameraStarting : '');

  // No camera to use: no dead shutter and no disabled 完成 (0/n), only the fallbacks, and the
  // shots taken with the system camera (count > 1) with their 完成.
  const controls = !unusable || shots.length > 0;

  return html`
    <div class="view camera ${unusable ? 'unusable' : ''}">
      <header class="bar">
        <button part="close" class="icon" aria-label=${t.close} @click=${p.onClose}>${closeIcon}</button>
        <h2 id="title" class="title">${t.cameraTitle}</h2>
        ${torch !== undefined && isLive && !review
          ? html`<button part="torch" class="icon" aria-label=${t.torch} aria-pressed=${torch ? 'true' : 'false'} @click=${p.onTorch}>${torchIcon}</button>`
          : html`<span class="icon-space"></span>`}
      </header>
      <div
        class="stage"
        @wheel=${zoom ? p.onStageWheel : nothing}
        @pointerdown=${zoom ? p.onStagePointer : nothing}
        @pointermove=${zoom ? p.onStagePointer : nothing}
        @pointerup=${zoom ? p.onStagePointer : nothing}
        @pointercancel=${zoom ? p.onStagePointer : nothing}
      >
        ${p.video}
        ${review ? html`<img class="review" src=${review.url} alt=${t.shot(1)} />` : nothing}
        <p part="message" class="message" role="status" ?hidden=${!message}>${message}</p>
        ${unusable
          ? html`<div class="fallbacks">
              ${status === CameraStatus.ENDED ? html`<button class="action" @click=${p.onRetry}>${t.retry}</button>` : nothing}
              <button class="action" @click=${p.onSystemCamera}>${t.systemCamera}</button>
              <input type="file" accept="image/*" capture="environment" hidden tabindex="-1" @change=${p.onSystemCameraChange} />
              <button part="action-album" class="action" @click=${p.onAlbum}>${t.chooseFromAlbum}</button>
            </div>`
          : nothing}
      </div>
      <div class="bottom">
        ${zoom ? zoomSlider(p, zoom) : nothing}
        ${count > 1 && shots.length
          ? html`<ol class="strip">
              ${shots.map((s, i) => html`<li>
                  <img src=${s.url} alt=${t.shot(i + 1)} />
                  <button class="remove" aria-label=${t.removeShot(i + 1)} ?disabled=${p.busy} @click=${() => p.onRemoveShot(s)}>
                    <span class="remove-icon">${closeIcon}</span>
                  </button>
                </li>`)}
            </ol>`
          : nothing}
        ${!controls
          ? nothing
          : review
            ? html`<footer class="bar controls">
                <button part="retake" class="action" ?disabled=${p.busy} @click=${p.onRetake}>${t.retake}</button>
                <button part="confirm" class="action primary" ?disabled=${p.busy} @click=${p.onConfirm}>${t.usePhoto}</button>
              </footer>`
            : html`<footer class="bar controls">
                <span class="slot">
                  ${count > 1
                    ? html`<button part="confirm" class="action primary" ?disabled=${!shots.length || p.busy} @click=${p.onConfirm}>
                        ${t.confirm(shots.length, count)}
                      </button>`
                    : nothing}
                </span>
                ${unusable
                  ? html`<span class="shutter-space"></span>`
                  : html`<button part="shutter" class="shutter" aria-label=${t.shutter} ?disabled=${!ready || full || p.busy} @click=${p.onShutter}></button>`}
                <span class="slot end">
                  ${p.canSwitch && !unusable
                    ? html`<button part="switch-camera" class="icon switch" aria-label=${t.switchCamera} ?disabled=${!isLive} @click=${p.onSwitch}>${switchIcon}</button>`
                    : nothing}
                </span>
              </footer>`}
      </div>
    </div>
  `;
}
