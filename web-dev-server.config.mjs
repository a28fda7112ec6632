// `npm start`: serves the demo at http://localhost:8000/demo/ (the source it imports is
// compiled on the fly, so edits show on reload).
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {tsAsJs} from './scripts/ts-as-js.mjs';

export default {
  rootDir: '.',
  nodeResolve: true,
  watch: true,
  port: 8000,
  plugins: [tsAsJs(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'})],
};
