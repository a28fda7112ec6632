// Worker entry: runs the thumbnail and compression jobs it is sent, so decoding, drawing and
// encoding stay off the page's main thread, one job at a time: a Job (and where libheif is) in;
// {result} or {error} out. Built as one self-contained, minified file (dist/image-worker.js) that
// imports nothing, so a bundler that copies it into an app as it is (Vite, webpack) copies all
// of it; libheif's glue is imported from the URL the page sends, only when a HEIC is picked.
// Built a second time with libheif inside, as a string the page can start from a blob: where the
// app's bundler emitted no worker file (worker-client.ts, heic/libheif-built-in.ts).
import {mainThreadMayDecode} from './decode.js';
import {runJob, type Job} from './jobs.js';
import type {HeicFiles} from './kit-files.js';
import {jpegDecoderKind} from './platform.js';

void jpegDecoderKind(); // test the decoders while the worker waits for its first job

self.onmessage = async ({data: {job, heic}}: MessageEvent<{job?: Job; heic: HeicFiles}>) => {
  if (!job) return; // the page's answer to libheif-built-in.ts, which listens for it itself
  try {
    const result = await runJob(job, heic);
    // A thumbnail's pixels move to the page, not copied.
    self.postMessage({result}, {transfer: 'bitmap' in result ? [result.bitmap] : []});
  } catch (e) {
    const {name, message} = e instanceof Error ? e : new Error(String(e));
    // Where the page's <img> may decode what the worker's decoders refused, say so.
    self.postMessage({error: {name, message}, retry: await mainThreadMayDecode()});
  }
};
