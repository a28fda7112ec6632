// Test-runner plugin: commands the browser side asks the Node side to do, because a page
// cannot do them itself: write fixture files to disk, answer a real file chooser or set files
// on the file input the page opened, drop files, hide the page, block the camera, allow its
// pan-tilt-zoom, size the viewport, press keys with Shift held, turn a wheel, pinch, take a screenshot. Each goes through the engine's own driver: puppeteer
// over CDP (Chromium) or WebDriver BiDi (Firefox), and classic WebDriver (WebKit). A command
// no driver of an engine can do throws, and the test that needs it is skipped there by name.
import {appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setWebKitViewport} from './launchers.mjs';

const fixtureDir = mkdtempSync(join(tmpdir(), 'choose-image-sheet-'));
process.on('exit', () => rmSync(fixtureDir, {recursive: true, force: true}));
let fixtureId = 0;
const coverPages = new Map();
const windowSizes = new Map();
const safeAreaSessions = new Map();
/** Per session, the armed chooser's answer: true once it was answered, false if none opened. */
const chooserAnswers = new Map();

/** W3C WebDriver's key for an element reference in a script's result. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHIFT = '\uE008';

const isWebDriver = session => session.browser.type === 'webdriver';

function pageOf(session) {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error(`no puppeteer page for ${session.browser.name}`);
  return page;
}

function driverOf(session) {
  const {driver} = session.browser;
  if (!driver) throw new Error(`no WebDriver session for ${session.browser.name}`);
  return driver;
}

function unsupported(session, what) {
  return new Error(`${what} is not possible through ${session.browser.engine ?? session.browser.name}'s driver`);
}

/**
 * Sets `paths` on the file input the page left in `window.__fileInputToSet` (of the frame
 * at `frameIndex` in window.frames, or `frameUrl` for puppeteer; the top page when absent), as
 * the driver's own file upload does: BiDi input.setFiles, CDP DOM.setFileInputFiles, or
 * WebDriver element send-keys with the paths joined by "\n" (hidden inputs and shadow roots too).
 */
async function setInputFiles(session, {paths, frameIndex, frameUrl}) {
  if (isWebDriver(session)) {
    const driver = driverOf(session);
    if (frameIndex != null) await driver.switchToFrame(frameIndex);
    try {
      const input = await driver.execute('return window.__fileInputToSet');
      await driver.elementSendKeys(input[ELEMENT], paths.join('\n'));
    } finally {
      if (frameIndex != null) await driver.switchToParentFrame();
    }
    return true;
  }
  const page = pageOf(session);
  const frame = frameUrl ? page.frames().find(f => f.url() === frameUrl) : page.mainFrame();
  if (!frame) throw new Error(`no frame at ${frameUrl}`);
  const input = await frame.evaluateHandle(() => window.__fileInputToSet);
  await input.uploadFile(...paths);
  await input.dispose();
  return true;
}

export function serverCommands() {
  return {
    name: 'choose-image-sheet-commands',
    async executeCommand({command, payload, session}) {
      switch (command) {
        // Which engine and camera group this page runs in, and how its driver reaches it.
        case 'engine-info':
          return {engine: session.browser.engine, camera: session.browser.camera, driver: session.browser.type};
        // payload: [{name, base64, lastModified}] -> absolute paths. Each file keeps its name
        // and lastModified, so the page sees the same File it wrote.
        case 'write-files':
          return payload.map(({name, base64, lastModified}) => {
            const dir = join(fixtureDir, String(++fixtureId));
            mkdirSync(dir);
            const path = join(dir, name);
            writeFileSync(path, Buffer.from(base64, 'base64'));
            const time = new Date(lastModified);
            utimesSync(path, time, time);
            return path;
          });
        // payload: {path, base64}: the file changes on disk after it was picked.
        case 'overwrite-file':
          writeFileSync(payload.path, Buffer.from(payload.base64, 'base64'));
          return true;
        // payload: {path, base64}: bytes added to the end of the file on disk.
        case 'append-file':
          appendFileSync(payload.path, Buffer.from(payload.base64, 'base64'));
          return true;
        // payload: {path}: the file is deleted from disk after it was picked.
        case 'delete-file':
          rmSync(payload.path);
          return true;
        // payload: {paths: string[] | null}; null dismisses the chooser. Resolves at once; the
        // next chooser the page opens (by a real click) is answered. Used in Chromium (CDP):
        // Firefox ESR 140's BiDi never sees its picker (the tests set files on the input).
        case 'arm-file-chooser': {
          if (isWebDriver(session)) throw unsupported(session, 'answering a file chooser');
          const page = pageOf(session);
          // Puppeteer hands one chooser to every waiter: a waiter left over from the last test
          // would answer this test's chooser (a dismissal eating a pick), so the test waits for
          // its answer with 'file-chooser-answered' before it goes on.
          chooserAnswers.set(
            session.id,
            page
              .waitForFileChooser({timeout: 15000})
              .then(chooser => (payload.paths ? chooser.accept(payload.paths) : chooser.cancel()))
              .then(() => true, () => false)
          );
          // Chromium's waitForFileChooser turns interception on with a CDP command it does not wait for: a
          // click that came first opened a real chooser, which headless Chromium dismisses (a
          // busy CI run's first pick then never arrived). One session runs its commands in
          // order, so once this one answers, interception is on.
          if (session.browser.engine === 'chromium') await page._client().send('Page.setInterceptFileChooserDialog', {enabled: true});
          return true;
        }
        // Resolves when the armed chooser was answered: true, or false when none opened in time.
        case 'file-chooser-answered': {
          const answer = chooserAnswers.get(session.id);
          chooserAnswers.delete(session.id);
          return answer ? await answer : false;
        }
        case 'set-input-files':
          return setInputFiles(session, payload);
        // payload: {paths, x, y}: a real drag of files from the desktop, dropped at (x, y).
        // Only CDP can drag files; WebDriver (classic or BiDi) has no drag data.
        case 'drop-files': {
          if (session.browser.engine !== 'chromium') throw unsupported(session, 'dragging files');
          const cdp = await pageOf(session).createCDPSession();
          const data = {items: [], files: payload.paths, dragOperationsMask: 1};
          for (const type of ['dragEnter', 'dragOver', 'drop']) {
            await cdp.send('Input.dispatchDragEvent', {type, x: payload.x, y: payload.y, data});
          }
          await cdp.detach();
          return true;
        }
        // The page hidden for real (visibilitychange, hidden state): another tab in front
        // (puppeteer), or the window minimized (WebKit: MiniBrowser's tabs all stay visible).
        case 'hide-page': {
          if (isWebDriver(session)) {
            const driver = driverOf(session);
            windowSizes.set(session.id, await driver.getWindowSize());
            await driver.minimizeWindow();
            return true;
          }
          const page = pageOf(session);
          coverPages.set(session.id, await page.browser().newPage());
          await coverPages.get(session.id).bringToFront();
          return true;
        }
        case 'show-page': {
          if (isWebDriver(session)) {
            const size = windowSizes.get(session.id);
            windowSizes.delete(session.id);
            // Setting the window's rect restores a minimized window.
            if (size) await driverOf(session).setWindowSize(size.width, size.height);
            return true;
          }
          await coverPages.get(session.id)?.close();
          coverPages.delete(session.id);
          await pageOf(session).bringToFront();
          return true;
        }
        // The camera blocked for the page's site before any call. Chromium: the site's
        // permission set to denied (CDP). Firefox: its camera-blocked browser is launched with
        // the camera denied for every site (BiDi cannot set the camera permission).
        case 'block-camera': {
          if (session.browser.engine === 'firefox' && session.browser.camera === 'blocked') return true;
          if (session.browser.engine !== 'chromium') throw unsupported(session, 'blocking the camera');
          const page = pageOf(session);
          // Kept open: detaching the session that set a permission reverts it.
          const cdp = await page.browser().target().createCDPSession();
          await cdp.send('Browser.setPermission', {
            permission: {name: 'camera'},
            setting: 'denied',
            origin: new URL(page.url()).origin,
            browserContextId: page.browserContext().id,
          });
          return true;
        }
        // payload: {setting: 'granted' | 'prompt'}: the camera's pan-tilt-zoom permission for the
        // page's site (Chromium shows a camera's zoom only with it). Chromium only (CDP).
        case 'camera-pan-tilt-zoom': {
          if (session.browser.engine !== 'chromium') throw unsupported(session, 'the pan-tilt-zoom permission');
          const page = pageOf(session);
          // Kept open: detaching the session that set a permission reverts it.
          const cdp = await page.browser().target().createCDPSession();
          await cdp.send('Browser.setPermission', {
            permission: {name: 'camera', panTiltZoom: true},
            setting: payload.setting,
            origin: new URL(page.url()).origin,
            browserContextId: page.browserContext().id,
          });
          return true;
        }
        // payload: {wheel: deltaY, x, y} or {pinch: [from, to], x, y}: a real wheel turn, or two
        // fingers spreading from `from` to `to` px apart around (x, y). Chromium only (CDP).
        case 'gesture': {
          if (session.browser.engine !== 'chromium') throw unsupported(session, 'a wheel or a pinch');
          const cdp = await pageOf(session).createCDPSession();
          const {x, y} = payload;
          if (payload.wheel !== undefined) {
            await cdp.send('Input.dispatchMouseEvent', {type: 'mouseMoved', x, y});
            await cdp.send('Input.dispatchMouseEvent', {type: 'mouseWheel', x, y, deltaX: 0, deltaY: payload.wheel});
          } else {
            const [from, to] = payload.pinch;
            const fingers = gap => [{x: x - gap / 2, y, id: 0}, {x: x + gap / 2, y, id: 1}];
            await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: fingers(from)});
            for (let i = 1; i <= 5; i++) {
              await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: fingers(from + ((to - from) * i) / 5)});
            }
            await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
          }
          await cdp.detach();
          return true;
        }
        // payload: {top, right, bottom, left} in px, or null to clear: the safe-area insets of a
        // phone's notch and home indicator, as env(safe-area-inset-*) reads them. Chromium only
        // (CDP Emulation.setSafeAreaInsetsOverride); the session stays open, as the override
        // lasts only as long as it.
        case 'safe-area': {
          if (session.browser.engine !== 'chromium') throw unsupported(session, 'emulating safe-area insets');
          const page = pageOf(session);
          let cdp = safeAreaSessions.get(page);
          if (!cdp) safeAreaSessions.set(page, (cdp = await page.createCDPSession()));
          // Zero insets clear it: the override outlives nothing but an explicit reset.
          await cdp.send('Emulation.setSafeAreaInsetsOverride', {insets: payload ?? {top: 0, right: 0, bottom: 0, left: 0}});
          return true;
        }
        // -> the viewport as the person sees it now, top layer and all: a PNG, base64.
        // Puppeteer only: WebKitWebDriver's Take Screenshot never answers for MiniBrowser (60 s).
        case 'screenshot':
          if (isWebDriver(session)) throw unsupported(session, 'a screenshot');
          return pageOf(session).screenshot({encoding: 'base64'});
        // payload: {width, height} -> the viewport it got (WebKit's window has a minimum width).
        case 'resize-viewport': {
          if (isWebDriver(session)) return setWebKitViewport(driverOf(session), payload.width, payload.height);
          await pageOf(session).setViewport(payload);
          return payload;
        }
        // payload: {key}: the key pressed with Shift held (the webdriver launcher's sendKeys
        // knows only press and type).
        case 'press-with-shift': {
          if (isWebDriver(session)) {
            const driver = driverOf(session);
            const key = payload.key === 'Tab' ? '\uE004' : payload.key;
            await driver.performActions([
              {
                type: 'key',
                id: 'keyboard',
                actions: [
                  {type: 'keyDown', value: SHIFT},
                  {type: 'keyDown', value: key},
                  {type: 'keyUp', value: key},
                  {type: 'keyUp', value: SHIFT},
                ],
              },
            ]);
            await driver.releaseActions();
            return true;
          }
          const {keyboard} = pageOf(session);
          await keyboard.down('Shift');
          await keyboard.press(payload.key);
          await keyboard.up('Shift');
          return true;
        }
      }
      return undefined;
    },
  };
}
