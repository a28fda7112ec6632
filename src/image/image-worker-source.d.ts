// dist/image-worker-source.js, made by the build (rollup.config.mjs): the image worker with
// libheif's glue inside, as one string, for a worker started from a blob: (worker-client.ts).
declare const source: string;
export default source;
