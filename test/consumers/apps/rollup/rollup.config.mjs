// Rollup, as an app that imports packages from npm configures it: node-resolve finds them.
// Nothing in it for the kit (Rollup emits no file a module names with `new URL('./file',
// import.meta.url)`; the kit then starts its built-in worker, a chunk Rollup does emit).
import {nodeResolve} from '@rollup/plugin-node-resolve';

export default {
  input: 'src/main.js',
  output: {dir: 'dist', format: 'es'},
  plugins: [nodeResolve({browser: true})],
};
