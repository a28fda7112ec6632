// A Rollup app as its author writes it: the kit imported by name, nothing configured for it.
import {chooseImage, my, revokeTempFiles} from 'choose-image-sheet';

document.querySelector('#choose').onclick = () =>
  my.chooseImage({count: 9, success: res => console.log(res.tempFilePaths), fail: err => console.log(err.error)});

// The consumers suite (test/consumers/run.mjs) drives the app through this.
window.app = {chooseImage, my, revokeTempFiles};
