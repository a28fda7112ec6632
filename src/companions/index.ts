// The companions of chooseImage: what a mini-program page calls on the paths it got. One chunk,
// loaded by `my` on the first call of any of them; import 'choose-image-sheet/companions' to load
// it up front and call them by name. (The old 'choose-image-sheet/preview' is the same module.)
export * from '../preview/index.js';
