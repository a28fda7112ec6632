// Rollup plugin: the modules rollup.config.mjs builds apart (image-worker-source.js,
// libheif-wasm.js) stay imports of the files beside the importer in dist/, never bundled in. The
// size bench builds with it too, so that what it measures is what dist/ holds.
export const madeApart = {
  name: 'made-apart',
  resolveId: source => (/^\.\/(image-worker-source|libheif-wasm)\.js$/.test(source) ? {id: source, external: 'absolute'} : undefined),
};
