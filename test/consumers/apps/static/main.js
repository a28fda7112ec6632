// A page with no bundler: the bundled build imported by its path, dist/ served as it is.
import {chooseImage, my, revokeTempFiles} from './node_modules/choose-image-sheet/dist/choose-image-sheet.bundled.js';

document.querySelector('#choose').onclick = () =>
  my.chooseImage({count: 9, success: res => console.log(res.tempFilePaths), fail: err => console.log(err.error)});

// The consumers suite (test/consumers/run.mjs) drives the app through this.
window.app = {chooseImage, my, revokeTempFiles};
