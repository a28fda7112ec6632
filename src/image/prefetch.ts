// Processing that starts as soon as an image is chosen (selected, or shot), so confirm finds
// it done. Work not yet started is dropped when the image is deselected or the call ends.
import type {ProcessedImage} from './pipeline.js';

export class Prefetch {
  private readonly jobs = new Map<string, {promise: Promise<ProcessedImage>; abort: AbortController}>();

  /** The job for `key`, started by `make` if it is not running already. */
  get(key: string, make: (signal: AbortSignal) => Promise<ProcessedImage>): Promise<ProcessedImage> {
    let job = this.jobs.get(key);
    if (!job) {
      const abort = new AbortController();
      const promise = make(abort.signal);
      promise.catch(() => {}); // awaited at confirm, or never: not an unhandled rejection
      job = {promise, abort};
      this.jobs.set(key, job);
    }
    return job.promise;
  }

  /** Drops the jobs whose key starts with `prefix` (an image and all its sizes). */
  drop(prefix: string) {
    for (const [key, job] of this.jobs) {
      if (key.startsWith(prefix)) {
        job.abort.abort();
        this.jobs.delete(key);
      }
    }
  }

  clear() {
    this.drop('');
  }
}
