// `npm start`: serves the demo at http://localhost:8000/ (it redirects to /demo/; the source it
// imports is compiled on the fly, so edits show on reload).
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {libheifDevServer} from './scripts/libheif.mjs';
import {tsAsJs} from './scripts/ts-as-js.mjs';

/** The address the server prints is the root: it sends a browser on to the demo. */
async function rootToDemo(ctx, next) {
  if (ctx.path === '/') return ctx.redirect('/demo/');
  return next();
}

export default {
  rootDir: '.',
  nodeResolve: true,
  watch: true,
  port: 8000,
  middleware: [rootToDemo],
  plugins: [tsAsJs(), libheifDevServer(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'})],
};
