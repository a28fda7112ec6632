// Downloads in tests: one folder where the engines that can be told save what a page downloads,
// and the command that takes a download from there. Chromium is told per page over CDP
// (Browser.setDownloadBehavior); Firefox by its preferences at launch (launchers.mjs adds them).
// WebKit's driver has no way to tell MiniBrowser, which saves to the user's download folder
// (~/Downloads, else the home folder): the download is taken from there.
//   'allow-downloads'          → true once this page's downloads go to the folder
//   'take-download' {name, size} → {name, size, sha256} of the download `name` once it has
//                                `size` bytes (it is then removed), or false until then
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'choose-image-sheet-downloads-'));
process.on('exit', () => rmSync(folder, {recursive: true, force: true}));

/**
 * Firefox saves downloads to the folder without asking, without opening its downloads panel, and
 * without opening the file: by default it shows a downloaded WebP, AVIF, SVG, XML or JPEG XL itself,
 * in a new tab in front of the test page (there at file:// — "file not found" once the test has
 * taken the download). Every test file after it then ran in a background page: no focus,
 * requestAnimationFrame at 2 Hz, a 300 ms animation taking 4 s; three previewImage tests failed.
 */
export const firefoxDownloadPrefs = {
  'browser.download.viewableInternally.enabledTypes': '',
  'browser.download.alwaysOpenPanel': false,
  'browser.download.dir': folder,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
};

/** Where each engine's downloads land. */
const foldersOf = engine => (engine === 'webkit' ? [join(homedir(), 'Downloads'), homedir()] : [folder]);

export function downloads() {
  return {
    name: 'downloads',
    async executeCommand({command, payload, session}) {
      if (command === 'allow-downloads') {
        const {engine} = session.browser;
        if (engine !== 'chromium') return true; // Firefox: its preferences; WebKit: its own folder
        const page = session.browser.getPage(session.id);
        await page.browserContext().setDownloadBehavior({policy: 'allow', downloadPath: folder});
        return true;
      }
      if (command === 'take-download') {
        const path = foldersOf(session.browser.engine).map(dir => join(dir, payload.name)).find(p => existsSync(p));
        // Engines write the file in place (WebKit) or under another name first (.part, .crdownload).
        if (!path || statSync(path).size !== payload.size) return false;
        const bytes = readFileSync(path);
        rmSync(path);
        return {name: payload.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')};
      }
      return undefined;
    },
  };
}
