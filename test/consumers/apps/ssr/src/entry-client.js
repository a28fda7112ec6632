// The page's client module: the same import, in the browser.
import {chooseImage, my, revokeTempFiles} from 'choose-image-sheet';

// The consumers suite (test/consumers/run.mjs) drives the page through this.
window.app = {chooseImage, my, revokeTempFiles};
