// The work the pipeline sends to its worker (or runs on the main thread where there is none):
// a thumbnail or a compressed copy of one image.
import {compress, type Compressed, type CompressTarget} from './compress.js';
import {useHeicFiles} from './decode.js';
import type {HeicFiles} from './kit-files.js';
import {makeThumbnail, type Thumbnail} from './thumbnail.js';

export type Job = {kind: 'thumbnail'; blob: Blob; tile: number} | {kind: 'compress'; blob: Blob; target: CompressTarget};

export interface JobResults {
  thumbnail: Thumbnail;
  compress: Compressed;
}

export type JobResult<J extends Job> = JobResults[J['kind']];

/** Runs `job`; a HEIC in it is decoded with libheif from `heic` (the worker cannot know where the app put it). */
export function runJob<J extends Job>(job: J, heic: HeicFiles): Promise<JobResult<J>> {
  useHeicFiles(heic);
  return (job.kind === 'thumbnail' ? makeThumbnail(job.blob, job.tile) : compress(job.blob, job.target)) as Promise<JobResult<J>>;
}
