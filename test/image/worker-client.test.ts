// The image workers: a job given up while it runs is left to finish in its worker (Chromium
// keeps the memory of a worker ended mid-job), and that worker counts as one of the two until it
// ends, so no more large images are decoded at once than the scheduler allows.
import {expect} from '@open-wc/testing';
import {run, useMainThread} from '../../src/image/worker-client.js';
import {makeImage} from '../helpers/index.js';

describe('image workers', () => {
  const RealWorker = globalThis.Worker;
  let live = 0;
  let most = 0;

  before(() => {
    // The real Worker, counted: how many exist at once (started and not yet ended).
    class CountedWorker extends RealWorker {
      private ended = false;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        most = Math.max(most, ++live);
      }
      override terminate() {
        if (!this.ended) live--;
        this.ended = true;
        super.terminate();
      }
    }
    globalThis.Worker = CountedWorker;
  });
  after(() => {
    globalThis.Worker = RealWorker;
    useMainThread(false);
  });

  it('should start no third worker while a given-up job still runs, and finish every other job', async () => {
    useMainThread(false); // no worker left from before: the count starts at none
    live = most = 0;
    const photo = await makeImage(4000, 3000, 'image/jpeg', {quality: 0.95});
    const job = {kind: 'compress', blob: photo, target: {maxSize: 1920, quality: 0.8}} as const;
    const giveUp = new AbortController();
    const first = run(job, giveUp.signal);
    const second = run(job);
    giveUp.abort(); // the first job is still running in its worker: it has not answered yet
    const reason = await first.then(() => 'finished', e => e);
    expect(reason, 'the given-up job rejects at once with its reason').to.equal(giveUp.signal.reason);
    const third = run(job);
    const [a, b] = await Promise.all([second, third]);
    expect([a.width, b.width]).to.deep.equal([1920, 1920]);
    expect(most, 'workers alive at once').to.equal(2);
  });
});
