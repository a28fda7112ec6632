// Every README snippet that runs in a plain page runs as written there: each is loaded in a frame
// of its own, its button tapped for real, its sheet cancelled, and nothing may throw or leave an
// unhandled rejection. Snippets for a bundler get an import map in place of the bundler; the
// React and Vue ones need their frameworks and are not run here.
import {expect, waitUntil} from '@open-wc/testing';
import {clickOn} from './helpers/index.js';

interface Snippet {
  lang: string;
  code: string;
}

/** Records what a snippet's page logs, throws and leaves unhandled, before the snippet runs. */
const recorder = `<script>
  window.__seen = {logs: [], errors: []};
  for (const level of ['log', 'warn', 'error']) {
    const real = console[level].bind(console);
    console[level] = (...args) => (window.__seen.logs.push(level + ' ' + args.map(String).join(' ')), real(...args));
  }
  addEventListener('error', e => window.__seen.errors.push('error ' + e.message));
  addEventListener('unhandledrejection', e => window.__seen.errors.push('unhandled ' + JSON.stringify(e.reason)));
</script>`;

/** The page a snippet runs in, in the setting it names. */
function pageFor({lang, code}: Snippet): string {
  if (lang === 'html') return recorder + code.replaceAll('./node_modules/choose-image-sheet/', '/');
  // A bundler resolves the package name; an import map does the same in a plain page.
  return `<script type="importmap">{"imports": {"choose-image-sheet": "/dist/index.js"}}</script>${recorder}<script type="module">${code}</script>`;
}

async function readmeSnippets(): Promise<Snippet[]> {
  const text = await (await fetch('/README.md')).text();
  return [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)]
    .map(([, lang, code]) => ({lang, code}))
    .filter(s => (s.lang === 'html' && s.code.includes('<script type="module">')) || (s.lang === 'js' && s.code.includes("from 'choose-image-sheet'")));
}

describe('README snippets', () => {
  it('should find the snippets a plain page can run', async () => {
    expect((await readmeSnippets()).length).to.be.at.least(3);
  });

  for (const index of [0, 1, 2, 3]) {
    it(`should run snippet ${index + 1} as written: open, cancel, no error, no unhandled rejection`, async function () {
      this.timeout(30000);
      const snippet = (await readmeSnippets())[index];
      if (!snippet) return;
      const frame = Object.assign(document.createElement('iframe'), {srcdoc: pageFor(snippet), width: '400', height: '700'});
      document.body.append(frame);
      try {
        const win = () => frame.contentWindow as Window & {__seen?: {logs: string[]; errors: string[]}};
        const sheetOpen = () => [...(win().document?.querySelectorAll('choose-image-sheet') ?? [])].find(s => s.shadowRoot?.querySelector('dialog[open]')) as (HTMLElement & {close(): void}) | undefined;
        await waitUntil(() => win().__seen && win().document.readyState === 'complete', 'the snippet page did not load', {timeout: 10000});
        // A button is what a person taps; a snippet without one opens the sheet by itself.
        const button = win().document.querySelector('button');
        if (button) {
          await waitUntil(() => button.onclick, 'the snippet did not wire its button', {timeout: 10000});
          const at = frame.getBoundingClientRect();
          const r = button.getBoundingClientRect();
          const {sendMouse} = await import('@web/test-runner-commands');
          await sendMouse({type: 'click', position: [Math.round(at.left + r.left + r.width / 2), Math.round(at.top + r.top + r.height / 2)]});
        }
        // Cancel every sheet the snippet opens (the promise snippet opens a second after the first).
        for (let cancelled = 0; cancelled < 2; cancelled++) {
          const opened = await waitUntil(() => sheetOpen(), 'no sheet opened', {timeout: cancelled ? 1500 : 10000}).then(() => true, () => false);
          if (!opened) break;
          sheetOpen()!.close();
        }
        await new Promise(r => setTimeout(r, 200)); // an unhandled rejection is reported a task later
        const seen = win().__seen!;
        expect(seen.errors).to.deep.equal([]);
        expect(seen.logs.some(l => /\b11\b/.test(l)), `the cancel was reported: ${seen.logs.join(' | ')}`).to.equal(true);
      } finally {
        frame.remove();
      }
    });
  }
});
