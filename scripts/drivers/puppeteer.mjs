// The script-facing Browser and Page (see index.mjs) over puppeteer, for the two engines it
// drives: Chromium over CDP and Firefox over WebDriver BiDi. They differ in how a file picker
// is answered: Chromium's chooser is intercepted and answered; Firefox ESR 140's headless
// picker never answers nor closes and BiDi has no file-dialog event, so the files are set on the
// input the click opened (BiDi input.setFiles), which is what answering it does.
import {contentProcesses} from './processes.mjs';

export class PuppeteerBrowser {
  /**
   * @param {'chromium' | 'firefox'} engine
   * @param {import('puppeteer-core').Browser} browser
   * @param {{contentProcess: (cmdline: string) => boolean, preparePage?: (page) => unknown, viewport?: {width: number, height: number}}} how
   */
  constructor(engine, browser, how) {
    this.engine = engine;
    this.browser = browser;
    this.how = how;
    /** The browser's own process: every process of the browser is under it. */
    this.pid = browser.process().pid;
  }

  version() {
    return this.browser.version();
  }

  /** A new tab at `url`. */
  async newPage(url) {
    const page = await this.browser.newPage();
    this.how.preparePage?.(page);
    if (this.how.viewport) await page.setViewport(this.how.viewport);
    page.setDefaultTimeout(600_000);
    await page.goto(url);
    return new PuppeteerPage(this.engine, page, this);
  }

  /** The processes that run pages (renderers, content processes), by pid. */
  contentProcesses() {
    return contentProcesses(this.pid, this.how.contentProcess);
  }

  close() {
    return this.browser.close();
  }
}

export class PuppeteerPage {
  constructor(engine, page, browser) {
    this.engine = engine;
    this.browser = browser;
    /** The puppeteer page itself, for what only one engine can do (CDP sessions, traces). */
    this.page = page;
    page.on('pageerror', e => console.error(`[page error] ${e.message}`));
    page.on('console', m => ['error', 'warn'].includes(m.type()) && console.error(`[page ${m.type()}] ${m.text()}`));
  }

  /** Runs `fn(...args)` in the page; resolves with its (awaited) result. */
  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  /** A real (trusted) click at a viewport point. */
  click({x, y}) {
    return this.page.mouse.click(x, y);
  }

  /**
   * Clicks `point` for real, which opens a file picker from the input `input()` returns in the
   * page; resolves with `{answer(paths)}`, which picks those files in it.
   */
  async openPicker(point, input) {
    if (this.engine === 'chromium') {
      const chooser = this.page.waitForFileChooser({timeout: 60_000});
      // waitForFileChooser turns interception on with a command it does not wait for: a click
      // sent first would open a real chooser, which headless Chromium dismisses.
      await this.page._client().send('Page.setInterceptFileChooserDialog', {enabled: true});
      await this.click(point);
      const fileChooser = await chooser;
      return {answer: paths => fileChooser.accept(paths)};
    }
    await this.click(point);
    const handle = await this.page.evaluateHandle(input);
    return {
      async answer(paths) {
        await handle.uploadFile(...paths);
        await handle.dispose();
      },
    };
  }

  setViewport(viewport) {
    return this.page.setViewport(viewport);
  }

  /** A CDP session to the page (Chromium only). */
  cdp() {
    if (this.engine !== 'chromium') throw new Error(`${this.engine} has no CDP`);
    return this.page.createCDPSession();
  }

  close() {
    return this.page.close();
  }
}
