// An esbuild app. esbuild copies no file a module names with `new URL('./file',
// import.meta.url)`, so the kit's worker and HEIC decoder are loaded from a CDN, the one
// setting the README gives for that. (A real app writes its CDN's address here; the suite's
// stand-in CDN runs on a port of its choosing and passes it in the page's address.)
import {chooseImage, my, revokeTempFiles, setAssetPath} from 'choose-image-sheet';

setAssetPath(new URLSearchParams(location.search).get('cdn') ?? 'https://cdn.example.com/choose-image-sheet@0.1.0/dist/');

document.querySelector('#choose').onclick = () =>
  my.chooseImage({count: 9, success: res => console.log(res.tempFilePaths), fail: err => console.log(err.error)});

// The consumers suite (test/consumers/run.mjs) drives the app through this.
window.app = {chooseImage, my, revokeTempFiles};
