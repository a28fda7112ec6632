// Shared test helpers: real clicks and keys through the runner, shadow parts, real images,
// real files through the real file chooser, and a pass-through getUserMedia recorder.
import {fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendMouse} from '@web/test-runner-commands';
import {chooseImage, type ChooseImageError, type ChooseImageSheet} from '../../src/index.js';
import {engine} from './engine.js';

/** A plain <choose-image-sheet> fixture, shown and rendered; `shown` settles with the result or the error. */
export async function shownElement() {
  const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet></choose-image-sheet>`);
  const shown = el.show().catch(e => e);
  await el.updateComplete;
  return {el, shown};
}

/** The element(s) carrying a part, inside the sheet's shadow root. */
export const part = <T extends HTMLElement = HTMLElement>(el: ChooseImageSheet, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
export const parts = <T extends HTMLElement = HTMLElement>(el: ChooseImageSheet, name: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`),
];

/** Resolves when the animations in el's tree (the sheet's slide-in) have ended, or after 2 s. */
export async function animationsDone(el: Element) {
  const root = el.shadowRoot ?? (el.getRootNode() as Document | ShadowRoot);
  const ended = Promise.all(root.getAnimations().map(a => a.finished.catch(() => {})));
  await Promise.race([ended, new Promise(r => setTimeout(r, 2000))]);
}

/**
 * A trusted click at the element's centre, as a person's would be (gives user activation).
 * Returns once the page has handled it: WebKit's driver can answer before the page has seen the
 * click (under load a test read the state from before it), so this waits for the press to reach
 * the page, then a task more, by which the click's own handlers and their microtasks have run.
 */
export async function clickOn(el: Element) {
  await animationsDone(el); // or the point moves under the click
  // A removed element measures 0×0 at the corner: the press would land on whatever is there.
  if (!el.isConnected) throw new Error(`clickOn: ${tagOf(el)} is no longer in the document`);
  el.scrollIntoView({block: 'nearest'});
  const r = el.getBoundingClientRect();
  const handled = released(el.ownerDocument.defaultView ?? window);
  const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  await sendMouse({type: 'click', position: [x, y]});
  const target = await handled;
  // Said in the browser's log, which a failed file prints: a press that reached another element
  // is the likeliest cause of a failure after it (the element moved between measure and press).
  if (target && !composedContains(el, target)) {
    const now = el.getBoundingClientRect();
    console.warn(`clickOn: the press at ${x},${y} meant for ${tagOf(el)} (measured at ${box(r)}, now at ${box(now)}) reached ${tagOf(target)} (at ${box(target.getBoundingClientRect())})`);
  }
}

/** Whether `node` is `el` or inside it, across shadow roots. */
function composedContains(el: Element, node: Node) {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}

const box = (r: DOMRect) => [r.left, r.top, r.width, r.height].map(Math.round).join(',');
const tagOf = (el: Element) => `<${el.localName}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}>`;

/**
 * Resolves a task after the next press ends here (pointerup or mouseup: a disabled button gets
 * no click, but the press still reaches the page; in the element's own window, which for an
 * element in a frame is the frame's), or after 5 s if none does (a click the page
 * never sees; the test's own assertions then say what is wrong). Resolves with the element the
 * press reached (the innermost, through shadow roots), if one did.
 */
function released(win: Window) {
  return new Promise<Element | undefined>(resolve => {
    let pressed: Element | undefined;
    const down = (e: Event) => void (pressed ??= e.composedPath()[0] as Element);
    const types = ['pointerup', 'mouseup', 'click'];
    const done = () => {
      clearTimeout(limit);
      win.removeEventListener('pointerdown', down, {capture: true});
      types.forEach(t => win.removeEventListener(t, done, {capture: true}));
      setTimeout(() => resolve(pressed));
    };
    const limit = setTimeout(done, 5000);
    win.addEventListener('pointerdown', down, {capture: true});
    types.forEach(t => win.addEventListener(t, done, {capture: true}));
  });
}

/**
 * Waits until the page's transient user activation has lapsed (a real click gives one for about
 * 5 s). show() with a single album source opens the picker at once while there is one, as from a
 * page's own tap handler: a test that means to see the action sheet first waits for this.
 */
export const activationLapsed = () =>
  waitUntil(() => !navigator.userActivation?.isActive, 'user activation did not lapse', {timeout: 10000});

/**
 * The thumbnail shown in a gallery item's tile (the item is its select circle), if any: the
 * canvas that shows the photo's own decode, or the canvas or <img> of its EXIF thumbnail (class `embedded`).
 */
export const thumbOf = (item: Element) => item.closest('[part~="gallery-tile"]')?.querySelector<HTMLCanvasElement | HTMLImageElement>('canvas, img') ?? null;

/** The photo's own decode shown in the item's tile: its canvas, holding pixels. */
export const ownThumbOf = (item: Element) => {
  const canvas = item.closest('[part~="gallery-tile"]')?.querySelector<HTMLCanvasElement>('canvas:not(.embedded)');
  return canvas && canvas.width > 0 ? canvas : null;
};

/** A decoded thumbnail's pixels: `at(x, y)` is the [r, g, b, a] at that fraction of its width and height. */
export function thumbPixels(thumb: HTMLCanvasElement) {
  const ctx = new OffscreenCanvas(thumb.width, thumb.height).getContext('2d')!;
  ctx.drawImage(thumb, 0, 0);
  return (x: number, y: number) => [...ctx.getImageData(Math.floor(x * thumb.width), Math.floor(y * thumb.height), 1, 1).data];
}

/** A thumbnail's size in pixels: a canvas's, or the image's natural size once it has loaded (0×0 before). */
export const thumbSize = (thumb: HTMLCanvasElement | HTMLImageElement) =>
  thumb instanceof HTMLCanvasElement ? [thumb.width, thumb.height] : thumb.complete ? [thumb.naturalWidth, thumb.naturalHeight] : [0, 0];

/** The item's tile shows a thumbnail, its own decode or its EXIF one, with pixels to see. */
export const thumbShown = (item: Element) => {
  const thumb = thumbOf(item);
  return !!thumb && thumbSize(thumb)[0] > 0;
};

/** A trusted click at a viewport point; returns once the page has handled it, as clickOn() does. */
export async function clickAt(x: number, y: number) {
  const handled = released(window);
  await sendMouse({type: 'click', position: [x, y]});
  await handled;
}

/** The sheet mounted by chooseImage(), once its dialog is open (an earlier one may still be sliding away). */
export async function openedSheet(container: ParentNode = document.body): Promise<ChooseImageSheet> {
  const open = () => [...container.querySelectorAll<ChooseImageSheet>('choose-image-sheet')].find(s => s.shadowRoot?.querySelector('dialog[open]'));
  await waitUntil(open, 'sheet did not open', {timeout: 5000});
  return open()!;
}

/** Resolves once chooseImage() has removed every sheet it mounted under `container` (after they slid away). */
export const sheetsGone = (container: ParentNode = document.body) =>
  waitUntil(() => !container.querySelector('choose-image-sheet'), 'a settled sheet stayed mounted', {timeout: 3000});

/** The gallery's select circles, in order. */
export const items = (el: ChooseImageSheet) => parts<HTMLButtonElement>(el, 'gallery-item');

/** chooseImage for the album, with files picked through the action sheet's album button. */
export async function pick(files: File[], options: Parameters<typeof chooseImage>[0] = {}) {
  const pending = chooseImage({sourceType: ['camera', 'album'], ...options}).then(
    r => r,
    e => e as ChooseImageError
  );
  const sheet = await openedSheet();
  await chooseFiles(part(sheet, 'action-album')!, files);
  await partReady(sheet, 'gallery');
  // count 1 reviews its one image large; more show every file in the grid.
  if ((options.count ?? 1) === 1) await waitUntil(() => part(sheet, 'confirm') && part(sheet, 'retake'), 'the pick is not under review');
  else await waitUntil(() => items(sheet).length === files.length, 'not every file reached the gallery');
  return {pending, sheet};
}

/**
 * The path (`apFilePaths[0]`) of `file` picked as an original through the action sheet's album
 * button, as a ported page's pick would give it to the companions. The camera is offered too: with
 * the album alone, a tap from the test before that is still live (user activation lasts about
 * 5 s) makes the sheet open the picker at once, and the chooser the rig is then armed for is that
 * one, answered while the click meant for 从相册选择 lands on a sheet that has moved on (seen in
 * Chromium CI: the press reached the backdrop, and the pick was cancelled).
 */
export async function pickedPath(file: File | string): Promise<string> {
  const pending = chooseImage({sourceType: ['camera', 'album'], sizeType: ['original']});
  await chooseFiles(part(await openedSheet(), 'action-album')!, [file] as File[] | string[]);
  return (await pending).apFilePaths[0];
}

/** Waits until a part is present and visible, and returns it (10 s: a shot's encode alone took seconds at load 17). */
export async function partReady<T extends HTMLElement = HTMLElement>(el: ChooseImageSheet, name: string, timeout = 10000) {
  await waitUntil(() => part(el, name)?.checkVisibility(), `part ${name} did not show`, {timeout});
  return part<T>(el, name)!;
}

/** A photo-like image: gradient, shapes and noise, so it is a real decode and encode. */
export function paint(width: number, height: number, {alpha = false, seed = 1} = {}): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  if (!alpha) {
    const g = ctx.createLinearGradient(0, 0, width, height);
    g.addColorStop(0, `hsl(${seed * 40}, 70%, 55%)`);
    g.addColorStop(1, `hsl(${seed * 40 + 120}, 70%, 35%)`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, width, height);
  }
  ctx.fillStyle = 'rgba(255, 200, 0, 0.8)';
  ctx.beginPath();
  ctx.arc(width / 3, height / 2, Math.min(width, height) / 4, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#123';
  ctx.fillRect(width * 0.6, height * 0.2, width * 0.25, height * 0.6);
  return canvas;
}

export async function makeImage(width: number, height: number, type = 'image/jpeg', options: {alpha?: boolean; seed?: number; quality?: number} = {}) {
  return paint(width, height, options).convertToBlob({type, quality: options.quality ?? 0.92});
}

/** The SHA-256 of the blob's bytes, in hex: what the test servers report of what they received. */
export const sha256 = async (blob: Blob) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map(b => b.toString(16).padStart(2, '0')).join('');

/** The blob as a data: URL. */
export const dataUrlOf = (blob: Blob) =>
  new Promise<string>(resolve => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(blob);
  });

export const asFile = (blob: Blob, name: string, lastModified = 1_700_000_000_000) => new File([blob], name, {type: blob.type, lastModified});

async function base64(blob: Blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Writes the files to disk on the runner's side; returns their paths there. */
export async function writeFiles(files: File[]): Promise<string[]> {
  return executeServerCommand(
    'write-files',
    await Promise.all(files.map(async f => ({name: f.name, base64: await base64(f), lastModified: f.lastModified})))
  );
}

/**
 * Resolves with the file input whose picker the driver dismissed next, under `root`: with no
 * chooser to answer (WebKit's automation; Firefox in a frame), the engine closes the picker at
 * once and the input fires `cancel`, as it does when a person dismisses it.
 */
function nextDismissedPicker(root: Node) {
  // Firefox ESR 140's headless picker neither answers nor closes (and its BiDi has no file-dialog
  // event to answer it by): the click that opens it is seen instead, and the files are set on
  // that input.
  const type = engine === 'firefox' ? 'click' : 'cancel';
  return new Promise<HTMLInputElement>((resolve, reject) => {
    const timer = setTimeout(() => {
      root.removeEventListener(type, onEvent, true);
      reject(new Error('the click opened no file picker'));
    }, 10000);
    function onEvent(event: Event) {
      // Not instanceof: an input in a frame is of the frame's HTMLInputElement.
      const input = event.target as HTMLInputElement;
      if (input.localName !== 'input' || input.type !== 'file') return;
      clearTimeout(timer);
      root.removeEventListener(type, onEvent, true);
      resolve(input);
    }
    root.addEventListener(type, onEvent, true);
  });
}

/**
 * Clicks `trigger` for real and gives the file picker it opens `files` (written to disk
 * first, or paths already written), or dismisses it when `files` is null (not in Firefox). CDP
 * answers Chromium's real chooser; elsewhere the driver sets the files on the input whose click
 * opened the picker (BiDi input.setFiles, WebDriver send-keys), as neither Firefox ESR 140's
 * BiDi nor WebKitWebDriver can answer a picker.
 */
export async function chooseFiles(trigger: Element, files: File[] | string[] | null) {
  const paths = files && typeof files[0] !== 'string' ? await writeFiles(files as File[]) : (files as string[] | null);
  const win = trigger.ownerDocument.defaultView!;
  // Chromium's driver answers a chooser a frame opens too (and, once it has answered one, keeps
  // intercepting them: a frame's would not be dismissed by itself); Firefox's only the page's.
  if (engine === 'chromium') {
    await executeServerCommand('arm-file-chooser', {paths});
    await clickOn(trigger);
    if (!(await executeServerCommand('file-chooser-answered'))) throw new Error('the click opened no file chooser');
    return;
  }
  // A dismissal cannot be made there: ESR 140's picker stays open (BiDi can dismiss one from 143).
  if (!paths && engine === 'firefox') throw new Error('Firefox ESR 140 cannot dismiss a file picker: skip the test there');
  const opened = nextDismissedPicker(trigger.getRootNode());
  await clickOn(trigger);
  const input = await opened;
  if (!paths) return;
  (win as Window & {__fileInputToSet?: HTMLInputElement}).__fileInputToSet = input;
  const frameIndex = win === window ? null : [...Array(window.frames.length).keys()].find(i => window.frames[i] === win);
  await executeServerCommand('set-input-files', {paths, frameIndex, frameUrl: win === window ? null : win.location.href});
}

/** Records every stream the real getUserMedia returns (it still does all the work). */
export function recordStreams() {
  const streams: MediaStream[] = [];
  /** Names of the errors the real getUserMedia threw, in order. */
  const errors: string[] = [];
  /** When each getUserMedia call was made (performance.now()), answered or not. */
  const calls: number[] = [];
  const md = navigator.mediaDevices;
  const real = md.getUserMedia;
  md.getUserMedia = async function (constraints?: MediaStreamConstraints) {
    calls.push(performance.now());
    try {
      const s = await real.call(md, constraints);
      streams.push(s);
      return s;
    } catch (e) {
      errors.push((e as Error).name);
      throw e;
    }
  };
  return {
    streams,
    errors,
    calls,
    liveTracks: () => streams.flatMap(s => s.getTracks()).filter(t => t.readyState === 'live'),
    restore: () => {
      md.getUserMedia = real;
    },
  };
}

/** Calls recorder: pushes `name` (and the argument) in call order. */
export function recorder() {
  const calls: string[] = [];
  const args: unknown[] = [];
  const cb = (name: string) => (arg?: unknown) => {
    calls.push(name);
    args.push(arg);
  };
  return {calls, args, success: cb('success'), fail: cb('fail'), complete: cb('complete')};
}

export const nextFrame = () => new Promise(r => requestAnimationFrame(() => r(undefined)));

/** Hides the test page (a real visibilitychange: another tab in front, or the window minimized), or shows it again. */
export const hidePage = () => executeServerCommand('hide-page');
export const showPage = () => executeServerCommand('show-page');

/** Resolves when the video shows frames. */
export async function videoPlaying(video: HTMLVideoElement) {
  await waitUntil(() => video.readyState >= 2 && video.videoWidth > 0 && !video.paused, 'the preview did not play', {timeout: 5000});
}

/** Drops files on the element's centre as a person dragging them from the desktop would (Chromium only: CDP). */
export async function dropFiles(target: Element, files: File[]) {
  const paths = await writeFiles(files);
  await animationsDone(target);
  const r = target.getBoundingClientRect();
  await executeServerCommand('drop-files', {paths, x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2)});
}

/** Bytes that start like a JPEG and then are not one. */
export const corruptJpeg = (name = 'broken.jpg') =>
  new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...Array(500).fill(7)])], name, {type: 'image/jpeg'});

/** Records every blob: URL created from now on (the real createObjectURL still makes it). */
export function recordObjectUrls() {
  const urls: string[] = [];
  const real = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = real(obj);
    urls.push(url);
    return url;
  };
  return {
    urls,
    alive: async () => (await Promise.all(urls.map(u => fetch(u).then(() => u, () => null)))).filter(Boolean),
    restore: () => {
      URL.createObjectURL = real;
    },
  };
}

/** The error a call failed with; fails the test if the call succeeded instead. */
export const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    e => e as ChooseImageError
  );

/** Sizes the viewport (WebKit: through the window); resolves with the size it got. */
export const setViewportSize = (width: number, height: number) =>
  executeServerCommand<{width: number; height: number}, {width: number; height: number}>('resize-viewport', {width, height});

/** Presses `key` with Shift held, as a person would (Shift+Tab). */
export const pressWithShift = (key: string) => executeServerCommand('press-with-shift', {key});

/** Blocks the camera for this site before a call (Chromium: the site's permission; Firefox: its group's browser). */
export const blockCamera = () => executeServerCommand('block-camera');

/** One decode the page asked of the browser: what, how large, when. */
export interface DecodeCall {
  blob: Blob | undefined;
  api: 'ImageDecoder' | 'createImageBitmap';
  /** desiredWidth or resizeWidth, when a size was asked for. */
  width?: number;
  start: number;
  end?: number;
}

/**
 * Records every decode started on this page's main thread by createImageBitmap(blob) or
 * ImageDecoder (whose stream is traced back to its Blob); the real calls still do the work.
 */
export function recordDecodes() {
  const calls: DecodeCall[] = [];
  const owners = new WeakMap<ReadableStream, Blob>();
  const realStream = Blob.prototype.stream;
  const realBitmap = window.createImageBitmap;
  const RealDecoder = window.ImageDecoder;
  const timed = <T>(call: DecodeCall, p: Promise<T>) => {
    calls.push(call);
    return p.finally(() => (call.end = performance.now()));
  };
  Blob.prototype.stream = function (this: Blob) {
    const s = realStream.call(this);
    owners.set(s, this);
    return s;
  };
  window.createImageBitmap = ((source: ImageBitmapSource, ...rest: unknown[]) => {
    const options = rest.find(r => typeof r === 'object') as ImageBitmapOptions | undefined;
    const call: DecodeCall = {blob: source instanceof Blob ? source : undefined, api: 'createImageBitmap', width: options?.resizeWidth, start: performance.now()};
    return timed(call, (realBitmap as (...a: unknown[]) => Promise<ImageBitmap>)(source, ...rest));
  }) as typeof createImageBitmap;
  if (RealDecoder) {
    window.ImageDecoder = class extends RealDecoder {
      constructor(init: ImageDecoderInit) {
        super(init);
        const blob = init.data instanceof ReadableStream ? owners.get(init.data) : undefined;
        const real = this.decode.bind(this);
        this.decode = (options?: ImageDecodeOptions) => timed({blob, api: 'ImageDecoder', width: init.desiredWidth, start: performance.now()}, real(options));
      }
    } as typeof ImageDecoder;
  }
  return {
    calls,
    /** Decodes of the picked file named `name`. */
    of: (name: string) => calls.filter(c => (c.blob as File | undefined)?.name === name),
    restore: () => {
      Blob.prototype.stream = realStream;
      window.createImageBitmap = realBitmap;
      if (RealDecoder) window.ImageDecoder = RealDecoder;
    },
  };
}

/** Emulates a phone's safe-area insets (notch, home indicator), or clears them with null. Chromium only. */
export const setSafeArea = (insets: {top: number; right: number; bottom: number; left: number} | null) => executeServerCommand('safe-area', insets);

/**
 * The page as the person sees it now (a real screenshot through the engine's driver, top layer
 * included): `pixel(x, y)` is the [r, g, b] at a viewport point. Chromium and Firefox only.
 */
export async function screenshot() {
  const png = await executeServerCommand<string, undefined>('screenshot');
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d', {willReadFrequently: true})!;
  ctx.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / innerWidth;
  return {pixel: (x: number, y: number) => [...ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data.slice(0, 3)]};
}

/** The digits of `el`'s text in the order they stand on screen, left to right ("2 / 3" → '23'). */
export function digitsOnScreen(el: Element) {
  const digits: {digit: string; x: number}[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    [...node.textContent!].forEach((digit, i) => {
      if (!/\d/.test(digit)) return;
      const range = document.createRange();
      range.setStart(node!, i);
      range.setEnd(node!, i + 1);
      digits.push({digit, x: range.getBoundingClientRect().left});
    });
  }
  return digits.sort((a, b) => a.x - b.x).map(d => d.digit).join('');
}

/** Whether the element covers the middle of the viewport: shown, not slid off screen. */
export function coversMiddle(el: Element) {
  const r = el.getBoundingClientRect();
  return r.left < innerWidth / 2 && r.right > innerWidth / 2 && r.top < innerHeight / 2 && r.bottom > innerHeight / 2;
}
