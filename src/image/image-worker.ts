// Worker entry: runs the thumbnail and compression jobs it is sent, so decoding, drawing and
// encoding stay off the page's main thread, one job at a time: a Job in; {result} or {error} out.
// Built as one self-contained, minified file (dist/image-worker.js).
import {mainThreadMayDecode} from './decode.js';
import {runJob, type Job} from './jobs.js';
import {jpegDecoderKind} from './platform.js';

void jpegDecoderKind(); // test the decoders while the worker waits for its first job

self.onmessage = async ({data: job}: MessageEvent<Job>) => {
  try {
    self.postMessage({result: await runJob(job)});
  } catch (e) {
    const {name, message} = e instanceof Error ? e : new Error(String(e));
    // Where the page's <img> may decode what the worker's decoders refused, say so.
    self.postMessage({error: {name, message}, retry: await mainThreadMayDecode()});
  }
};
