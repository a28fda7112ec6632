// The work the pipeline sends to its worker (or runs on the main thread where there is none):
// a thumbnail or a compressed copy of one image.
import {compress, type Compressed, type CompressTarget} from './compress.js';
import {makeThumbnail, type Thumbnail} from './thumbnail.js';

export type Job = {kind: 'thumbnail'; blob: Blob; tile: number} | {kind: 'compress'; blob: Blob; target: CompressTarget};

export interface JobResults {
  thumbnail: Thumbnail;
  compress: Compressed;
}

export type JobResult<J extends Job> = JobResults[J['kind']];

export function runJob<J extends Job>(job: J): Promise<JobResult<J>> {
  return (job.kind === 'thumbnail' ? makeThumbnail(job.blob, job.tile) : compress(job.blob, job.target)) as Promise<JobResult<J>>;
}
