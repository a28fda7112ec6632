// Test-runner plugin: commands the browser side asks the Node side to do, because a page
// cannot do them itself: answer a real file chooser, write fixture files to disk, and set
// the real camera permission of the page's origin.
import {appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const fixtureDir = mkdtempSync(join(tmpdir(), 'choose-image-sheet-'));
let fixtureId = 0;
const coverPages = new Map();

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
        // payload: {path, base64}: bytes added to the end of the file on disk.
        case 'append-file':
          appendFileSync(payload.path, Buffer.from(payload.base64, 'base64'));
          return true;
        // payload: {path}: the file is deleted from disk after it was picked.
        case 'delete-file':
          rmSync(payload.path);
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
        // payload: {setting: 'granted' | 'denied' | 'prompt'}
        case 'set-camera-permission': {
          const page = pageOf(session);
          const origin = new URL(page.url()).origin;
          const cdp = await page.browser().target().createCDPSession();
          await cdp.send('Browser.setPermission', {
            permission: {name: 'camera'},
            setting: payload.setting,
            origin,
            browserContextId: page.browserContext().id,
          });
          await cdp.detach();
          return true;
        }
      }
      return undefined;
    },
  };
}
