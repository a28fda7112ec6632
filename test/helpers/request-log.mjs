// The paths the test server was asked for, as the server saw them: the only place where a
// worker's requests (its module chunks, a .wasm it fetches) can be observed from a test.
// Browser side: executeServerCommand('request-mark') → a mark; ('requests-since', {mark}) → the
// paths requested after it. ('browser-cache', {enabled}) turns the page's caches off or on:
// Chromium's memory cache otherwise hands a worker script fetched by one page to the next
// same-origin page (even marked no-store), response headers (a CSP) and all.
const paths = [];

export const requestLog = {
  /** Koa middleware, first in line, so cached and conditional requests are seen too. */
  middleware: async (ctx, next) => {
    paths.push(ctx.path);
    await next();
  },
  plugin: {
    name: 'request-log',
    async executeCommand({command, payload, session}) {
      if (command === 'request-mark') return paths.length;
      if (command === 'requests-since') return paths.slice(payload.mark);
      if (command === 'browser-cache') {
        const page = session.browser.getPage?.(session.id);
        if (!page) throw new Error(`no puppeteer page for ${session.browser.name}`);
        await page.setCacheEnabled(payload.enabled);
        return true;
      }
      return undefined;
    },
  },
};
