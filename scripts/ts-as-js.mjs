// Dev-server plugin: a request for src/**/x.js that only exists as x.ts is served from the .ts
// (esbuild then compiles it). Imports get this from the esbuild plugin already; Worker URLs
// built with `new URL('./x.js', import.meta.url)` do not, so the dev server handles them here.
import {existsSync} from 'node:fs';
import {join} from 'node:path';

export function tsAsJs(rootDir = process.cwd()) {
  return {
    name: 'ts-as-js',
    serve(context) {
      if (!context.path.startsWith('/src/') || !context.path.endsWith('.js')) return;
      const ts = context.path.slice(0, -3) + '.ts';
      if (!existsSync(join(rootDir, context.path)) && existsSync(join(rootDir, ts))) {
        return {body: `export * from '${ts}';`, type: 'js'};
      }
    },
  };
}
