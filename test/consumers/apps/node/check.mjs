// A Node ESM project, which is what a server-rendered page's module is (Next.js, Nuxt,
// SvelteKit, Astro, Vite SSR): it imports every entry the package exports and calls the APIs
// that need a page. Prints one JSON report on stdout for the consumers suite to judge.
//
// The DOM globals Node lacks are watched while the entries load: a read of one from the
// package's own code at module load is recorded (Lit's Node build reads `document` to learn
// that it is on a server; that is Lit's, and not counted).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const WATCHED = ['window', 'document', 'Node', 'navigator', 'location', 'screen', 'matchMedia', 'getComputedStyle', 'Image', 'OffscreenCanvas', 'Worker'];
const touched = new Set();
const ours = /[\\/]node_modules[\\/]choose-image-sheet[\\/]/;
for (const name of WATCHED) {
  if (name in globalThis) continue; // Node has it (navigator on Node 21+): not a DOM global here
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const stack = new Error().stack.split('\n').slice(2);
      if (ours.test(stack[0] ?? '')) touched.add(`${name} at ${stack[0].trim()}`);
      return undefined;
    },
  });
}

const pkgJson = createRequire(import.meta.url).resolve('choose-image-sheet/package.json');
const {exports} = JSON.parse(readFileSync(pkgJson, 'utf8'));
/** The entries with JavaScript: every export but package.json and the types-only ones. */
const entries = Object.entries(exports)
  .filter(([path, target]) => path !== './package.json' && (typeof target === 'string' || 'default' in target || 'import' in target))
  .map(([path]) => (path === '.' ? 'choose-image-sheet' : `choose-image-sheet/${path.slice(2)}`));

const report = {entries: {}, touchedAtLoad: [], calls: {}};
for (const entry of entries) {
  try {
    report.entries[entry] = {exports: Object.keys(await import(entry)).sort()};
  } catch (e) {
    report.entries[entry] = {error: `${e.name}: ${e.message}`};
  }
}
report.touchedAtLoad = [...touched];
for (const name of WATCHED) if (Object.getOwnPropertyDescriptor(globalThis, name)?.get) delete globalThis[name];

// What a server-rendered page's code may call: each fails with code 3 and the reason, and the
// callbacks run (fail, then complete).
const kit = await import('choose-image-sheet').catch(e => ({failed: `${e.name}: ${e.message}`}));
const {chooseImage, my, ChooseImageSheet} = kit;
const settle = async call => {
  if (kit.failed) return {importFailed: kit.failed};
  const seen = [];
  const callbacks = {success: () => seen.push('success'), fail: () => seen.push('fail'), complete: () => seen.push('complete')};
  try {
    await call(callbacks);
    return {resolved: true, callbacks: seen};
  } catch (e) {
    return {error: e.error, errorMessage: e.errorMessage, callbacks: seen};
  }
};
report.calls.chooseImage = await settle(cb => chooseImage({count: 2, ...cb}));
// Every API on `my` (hideToast removes nothing, and needs no page to do it).
for (const name of Object.keys(my ?? {}).filter(n => n !== 'hideToast')) report.calls[`my.${name}`] = await settle(cb => my[name](cb));
report.defined = !kit.failed && customElements.get('choose-image-sheet') === ChooseImageSheet;
process.stdout.write(JSON.stringify(report));
