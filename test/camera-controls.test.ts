// Torch and zoom in the live camera, against each engine's own cameras through the real
// getUserMedia: Chromium's fake device zooms (100–400) once the camera's pan-tilt-zoom permission
// is granted and never has a torch; WebKit's back mock camera zooms (1–4) and has a torch, its
// front one has neither; Firefox's fake camera has neither. A control shows exactly where the
// track's getCapabilities() offers it, and does what it says on the real track.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {chooseImage, type ChooseImageError, type ChooseImageResult} from '../src/index.js';
import {engine, itExceptIn} from './helpers/engine.js';
import {animationsDone, clickOn, openedSheet, part, partReady, recordStreams, videoPlaying} from './helpers/index.js';

type Recorder = ReturnType<typeof recordStreams>;
interface Controls {
  zoom?: {min: number; max: number};
  torch?: boolean;
}

/** Sets the camera's pan-tilt-zoom permission where the rig can (Chromium, by CDP); false elsewhere. */
async function panTiltZoom(setting: 'granted' | 'prompt') {
  if (engine !== 'chromium') return false;
  return (await executeServerCommand('camera-pan-tilt-zoom', {setting})) === true;
}

async function openCamera(options: Parameters<typeof chooseImage>[0] = {}) {
  const pending = chooseImage({sourceType: ['camera'], sizeType: ['original'], ...options}).then(
    r => r,
    e => e as ChooseImageError
  );
  const sheet = await openedSheet();
  const video = await partReady<HTMLVideoElement>(sheet, 'video');
  await videoPlaying(video);
  return {pending, sheet, video};
}

/**
 * Share of a region's pixels with some red: on Chromium's fake camera (a green field) that is
 * its timestamp and its pacman. Zoomed 4×, the timestamp grows across the band at the top that
 * is empty at 1×: a measure of the framing that the pacman's turning does not change.
 */
function topBandText(source: CanvasImageSource & {width?: number; videoWidth?: number}) {
  const c = new OffscreenCanvas(192, 108);
  const ctx = c.getContext('2d', {willReadFrequently: true})!;
  ctx.drawImage(source, 0, 0, 192, 108);
  const d = ctx.getImageData(38, 11, 106, 13).data; // x 0.2–0.75, y 0.1–0.22 of the frame
  let red = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] > 40) red++;
  return red / (d.length / 4);
}

describe('<choose-image-sheet> camera torch and zoom', () => {
  let rec: Recorder;
  beforeEach(() => (rec = recordStreams()));
  afterEach(async () => {
    rec.restore();
    document.querySelectorAll('choose-image-sheet').forEach(el => el.remove());
    await panTiltZoom('prompt');
  });

  for (const [camera, ptz, which] of [
    ['back', true, "Chromium's fake camera with pan-tilt-zoom allowed zooms; WebKit's back mock zooms and has a torch"],
    ['front', false, "Chromium's fake camera without pan-tilt-zoom, WebKit's front mock and Firefox's camera have neither"],
  ] as const) {
    it(`should show torch and zoom exactly where the track offers them (${camera}: ${which})`, async () => {
      const granted = ptz && (await panTiltZoom('granted'));
      const {pending, sheet} = await openCamera({camera});
      const track = rec.streams.at(-1)!.getVideoTracks()[0];
      const caps = track.getCapabilities() as MediaTrackCapabilities & Controls;
      if (granted) expect(caps.zoom, 'Chromium reports zoom once pan-tilt-zoom is granted').to.exist;
      if (engine === 'chromium' && !ptz) expect(caps.zoom, 'no zoom without the pan-tilt-zoom permission').to.equal(undefined);
      await sheet.updateComplete;
      const zoom = part<HTMLInputElement>(sheet, 'zoom');
      const torch = part(sheet, 'torch');
      expect(!!zoom, 'a zoom slider exactly where the track zooms').to.equal(!!caps.zoom && caps.zoom.max > caps.zoom.min);
      expect(!!torch, 'a torch button exactly where the track has a torch').to.equal(!!caps.torch);
      if (zoom) {
        expect([Number(zoom.min), Number(zoom.max)]).to.deep.equal([caps.zoom!.min, caps.zoom!.max]);
        expect(zoom.getAttribute('aria-label')).to.equal('缩放');
        expect(zoom.getAttribute('aria-valuetext')).to.equal('1.0×');
      }
      if (torch) expect(torch.getAttribute('aria-pressed')).to.equal('false');
      await animationsDone(sheet);
      await expect(sheet).to.be.accessible();
      sheet.close();
      expect(((await pending) as ChooseImageError).error).to.equal(11);
      expect(rec.liveTracks()).to.have.length(0);
    });
  }

  it('should zoom the track with the slider and return what is framed (where the track zooms; elsewhere there is no slider)', async () => {
    const granted = await panTiltZoom('granted');
    const {pending, sheet, video} = await openCamera();
    const track = rec.streams.at(-1)!.getVideoTracks()[0];
    const caps = track.getCapabilities() as MediaTrackCapabilities & Controls;
    if (granted) expect(caps.zoom, 'Chromium reports zoom once pan-tilt-zoom is granted').to.exist;
    if (!caps.zoom) {
      expect(part(sheet, 'zoom') === null, `${engine}'s camera does not zoom: no slider`).to.equal(true);
      sheet.close();
      await pending;
      return;
    }
    const {width, height} = track.getSettings();
    const chromiumFake = engine === 'chromium';
    if (chromiumFake) expect(topBandText(video), 'at 1×, nothing in the top band').to.be.lessThan(0.02);
    const slider = await partReady<HTMLInputElement>(sheet, 'zoom');
    slider.focus();
    await sendKeys({press: 'End'}); // a real key on the slider: to its maximum
    await waitUntil(() => (track.getSettings() as Controls & MediaTrackSettings).zoom === caps.zoom!.max, 'the track did not zoom', {timeout: 5000});
    expect(slider.getAttribute('aria-valuetext')).to.equal(`${(caps.zoom.max / Math.max(caps.zoom.min, 1)).toFixed(1)}×`);
    if (chromiumFake) await waitUntil(() => topBandText(video) > 0.1, 'the preview did not show the zoom', {timeout: 5000});

    await clickOn(part(sheet, 'shutter')!);
    await clickOn(await partReady(sheet, 'confirm'));
    const result = (await pending) as ChooseImageResult;
    const photo = await createImageBitmap(result.tempFiles[0].file);
    expect([photo.width, photo.height], 'zoom keeps the stream size').to.deep.equal([width, height]);
    if (chromiumFake) expect(topBandText(photo), 'the photo is framed as the preview was, zoomed').to.be.greaterThan(0.1);
    expect(rec.liveTracks()).to.have.length(0);
  });

  it('should turn the torch on and off with its button where the track has one (elsewhere there is no button)', async () => {
    const {pending, sheet} = await openCamera();
    const track = rec.streams.at(-1)!.getVideoTracks()[0];
    const caps = track.getCapabilities() as MediaTrackCapabilities & Controls;
    await sheet.updateComplete;
    if (!caps.torch) {
      expect(part(sheet, 'torch') === null, `${engine}'s camera has no torch: no button`).to.equal(true);
    } else {
      const torch = await partReady(sheet, 'torch');
      const lit = () => (track.getSettings() as Controls & MediaTrackSettings).torch;
      await clickOn(torch);
      await waitUntil(() => lit() === true, 'the torch did not turn on', {timeout: 5000});
      expect(torch.getAttribute('aria-pressed')).to.equal('true');
      await clickOn(torch);
      await waitUntil(() => lit() === false, 'the torch did not turn off', {timeout: 5000});
      expect(torch.getAttribute('aria-pressed')).to.equal('false');
    }
    sheet.close();
    expect(((await pending) as ChooseImageError).error).to.equal(11);
    expect(rec.liveTracks()).to.have.length(0);
  });

  const onlyByCdp = "the rig sends real wheel and touch input only through Chromium's CDP";
  itExceptIn({firefox: onlyByCdp, webkit: onlyByCdp}, 'should zoom by a real wheel turn and a real two-finger pinch on the preview', async () => {
    expect(await panTiltZoom('granted')).to.equal(true);
    const {pending, sheet, video} = await openCamera();
    const track = rec.streams.at(-1)!.getVideoTracks()[0];
    const zoomOf = () => (track.getSettings() as Controls & MediaTrackSettings).zoom!;
    const {min, max} = (track.getCapabilities() as Controls).zoom!;
    const slider = await partReady<HTMLInputElement>(sheet, 'zoom');
    await animationsDone(sheet);
    const r = video.getBoundingClientRect();
    const at = {x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 3)};
    // Settled: the track has what the slider shows (each move is applied in turn).
    const settledAt = (ok: (zoom: number) => boolean) => () => zoomOf() === Number(slider.value) && ok(zoomOf());

    await executeServerCommand('gesture', {...at, wheel: -200}); // away from the user: closer
    await waitUntil(settledAt(z => z > min), 'the wheel did not zoom in', {timeout: 5000});
    expect(zoomOf()).to.be.lessThan(max);
    expect(window.scrollY, 'the page did not scroll').to.equal(0);

    await executeServerCommand('gesture', {...at, pinch: [60, 180]}); // fingers three times as far apart
    await waitUntil(settledAt(z => z === max), 'the pinch did not zoom in to the maximum', {timeout: 5000}).catch(e => {
      throw new Error(`${e.message} (track ${zoomOf()}, slider ${slider.value})`);
    });
    await executeServerCommand('gesture', {...at, pinch: [180, 60]}); // and back: a third of it
    await waitUntil(settledAt(z => Math.abs(z - max / 3) <= 1), 'the pinch did not zoom out by its scale', {timeout: 5000});
    sheet.close();
    await pending;
  });
});
