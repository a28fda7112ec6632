// An esbuild app as its author writes it: the kit imported by name, nothing configured for it
// (esbuild emits no file a module names with `new URL('./file', import.meta.url)`,
// evanw/esbuild#795; the kit then starts its built-in worker, a chunk esbuild does emit).
import {chooseImage, my, revokeTempFiles} from 'choose-image-sheet';

document.querySelector('#choose').onclick = () =>
  my.chooseImage({count: 9, success: res => console.log(res.tempFilePaths), fail: err => console.log(err.error)});

// The consumers suite (test/consumers/run.mjs) drives the app through this.
window.app = {chooseImage, my, revokeTempFiles};
