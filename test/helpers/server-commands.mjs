// Test-runner plugin: commands the browser side asks the Node side to do, because a page
// cannot do them itself: answer a real file chooser, write fixture files to disk, set the
// real camera permission of the page's origin, and turn a real wheel or pinch.
import {mkdirSync, mkdtempSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const fixtureDir = mkdtempSync(join(tmpdir(), 'choose-image-sheet-'));
let fixtureId = 0;
const coverPages = new Map();
/** One CDP session per browser for the pan-tilt-zoom permission, never detached. */
const ptzSessions = new WeakMap();

function pageOf(session) {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error(`no puppeteer page for ${session.browser.name}`);
  return page;
}

export function serverCommands() {
  return {
    name: 'choose-image-sheet-commands',
    async executeCommand({command, payload, session}) {
      switch (command) {
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
        // payload: {paths: string[] | null}; null dismisses the chooser. Resolves at once; the
        // next chooser the page opens (by a real click) is answered.
        case 'arm-file-chooser': {
          const page = pageOf(session);
          page
            .waitForFileChooser({timeout: 10000})
            .then(chooser => (payload.paths ? chooser.accept(payload.paths) : chooser.cancel()))
            .catch(() => {});
          return true;
        }
        // payload: {paths, x, y}: a real drag of files from the desktop, dropped at (x, y).
        case 'drop-files': {
          const page = pageOf(session);
          const cdp = await page.createCDPSession();
          const data = {items: [], files: payload.paths, dragOperationsMask: 1};
          for (const type of ['dragEnter', 'dragOver', 'drop']) {
            await cdp.send('Input.dispatchDragEvent', {type, x: payload.x, y: payload.y, data});
          }
          await cdp.detach();
          return true;
        }
        // Another tab in front hides the test page for real (visibilitychange, hidden state).
        case 'hide-page': {
          const page = pageOf(session);
          coverPages.set(session.id, await page.browser().newPage());
          await coverPages.get(session.id).bringToFront();
          return true;
        }
        case 'show-page': {
          await coverPages.get(session.id)?.close();
          coverPages.delete(session.id);
          await pageOf(session).bringToFront();
          return true;
        }
        // payload: {setting: 'granted' | 'denied' | 'prompt', panTiltZoom?: true}; with panTiltZoom,
        // the camera's pan-tilt-zoom permission (Chromium shows a camera's zoom only with it).
        case 'set-camera-permission': {
          const page = pageOf(session);
          const origin = new URL(page.url()).origin;
          // Chromium drops a session's permission overrides when it detaches: the pan-tilt-zoom
          // one must outlive the command, so its session stays open. (The camera's own setting
          // is left to the page's real prompt afterwards, as the refusal tests need.)
          const browser = page.browser();
          if (payload.panTiltZoom && !ptzSessions.has(browser)) ptzSessions.set(browser, browser.target().createCDPSession());
          const cdp = await (payload.panTiltZoom ? ptzSessions.get(browser) : browser.target().createCDPSession());
          await cdp.send('Browser.setPermission', {
            permission: {name: 'camera', ...(payload.panTiltZoom && {panTiltZoom: true})},
            setting: payload.setting,
            origin,
            browserContextId: page.browserContext().id,
          });
          if (!payload.panTiltZoom) await cdp.detach();
          return true;
        }
        // payload: {wheel: deltaY, x, y} or {pinch: [from, to], x, y}: a real wheel turn, or two
        // fingers spreading from `from` to `to` px apart around (x, y). Chromium (CDP) only.
        case 'gesture': {
          const page = pageOf(session);
          const cdp = await page.createCDPSession();
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
      }
      return undefined;
    },
  };
}
