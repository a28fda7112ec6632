// Rollup, as an app that imports packages from npm configures it: node-resolve finds them, and
// import-meta-assets copies the files modules name with `new URL('./file', import.meta.url)`,
// which Rollup itself does not (Vite and webpack do). Nothing in it for the kit.
import {nodeResolve} from '@rollup/plugin-node-resolve';
import {importMetaAssets} from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'src/main.js',
  output: {dir: 'dist', format: 'es'},
  plugins: [nodeResolve({browser: true}), importMetaAssets()],
};
