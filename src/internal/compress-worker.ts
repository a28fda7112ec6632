// Worker entry: compresses the blobs it is sent, so decoding and drawing stay off the page's
// main thread. Messages: {id, blob, target} in, {id, result} or {id, error} out.
import {compress, type CompressTarget} from './compress.js';

interface Job {
  id: number;
  blob: Blob;
  target: CompressTarget;
}

self.onmessage = async ({data: {id, blob, target}}: MessageEvent<Job>) => {
  try {
    self.postMessage({id, result: await compress(blob, target)});
  } catch (e) {
    self.postMessage({id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e)});
  }
};
