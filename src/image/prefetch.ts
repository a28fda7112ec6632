// Processing that starts as soon as an image is chosen (selected, or shot), so confirm finds
// it done. Work not yet started is dropped when the image is deselected or the call ends.
// Each pane keeps its own, for its own images: it lives in the panes' chunk, not the shell.
import type {ProcessedImage} from './pipeline.js';

export class Prefetch {
  private readonly jobs = new Map<string, {promise: Promise<ProcessedImage>; abort: AbortController}>();

  /** `sheet.original`: each image has one job per size, so 原图 on and off again finds the first. */
  constructor(private readonly sheet: {readonly original: boolean}) {}

  /** Image `id`'s job for the size now chosen, started by `make` if it is not running already. */
  get(id: number, make: (signal: AbortSignal) => Promise<ProcessedImage>): Promise<ProcessedImage> {
    const key = `${id}:${this.sheet.original}`;
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

  /** Drops image `id`'s jobs (all its sizes), or every job without an id. */
  drop(id?: number) {
    for (const [key, job] of this.jobs) {
      if (id === undefined || key.startsWith(`${id}:`)) {
        job.abort.abort();
        this.jobs.delete(key);
      }
    }
  }
}
