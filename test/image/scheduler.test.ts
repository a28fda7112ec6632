// The order work runs in: two at once, the most urgent first, what is dropped never runs.
import {expect, waitUntil} from '@open-wc/testing';
import {hurry, narrowWhile, Priority, schedule} from '../../src/image/scheduler.js';

/** Work that logs its start and runs until release() is called. */
function gate(name: string, log: string[]) {
  let release!: () => void;
  const done = new Promise<void>(r => (release = r));
  const work = async () => {
    log.push(name);
    await done;
    return name;
  };
  return {work, release};
}

describe('scheduler', () => {
  it('should run at most two at once, the most urgent first, in order within a priority', async () => {
    const log: string[] = [];
    const jobs = {
      a: gate('a', log),
      b: gate('b', log),
      later: gate('later', log),
      chosen: gate('chosen', log),
      visible1: gate('visible1', log),
      visible2: gate('visible2', log),
    };
    const run = (name: keyof typeof jobs, priority: Priority) => schedule(jobs[name].work, {label: name, priority}).promise;
    const all = [run('a', Priority.LATER), run('b', Priority.LATER)];
    await waitUntil(() => log.length === 2, 'the first two did not start');
    all.push(run('later', Priority.LATER), run('chosen', Priority.CHOSEN), run('visible1', Priority.VISIBLE), run('visible2', Priority.VISIBLE));
    await new Promise(r => setTimeout(r)); // a task later: the scheduler has looked at its queue
    expect(log, 'two at once').to.deep.equal(['a', 'b']);
    jobs.a.release();
    await waitUntil(() => log.length === 3, 'nothing followed a');
    jobs.b.release();
    await waitUntil(() => log.length === 4, 'nothing followed b');
    expect(log.slice(2)).to.deep.equal(['visible1', 'visible2']);
    jobs.visible1.release();
    await waitUntil(() => log.length === 5, 'nothing followed visible1');
    expect(log[4]).to.equal('chosen');
    Object.values(jobs).forEach(j => j.release());
    expect(await Promise.all(all)).to.deep.equal(['a', 'b', 'later', 'chosen', 'visible1', 'visible2']);
    expect(log.at(-1)).to.equal('later');
  });

  it('should drop work whose signal aborts while it waits, and move up what is hurried (even asked for later) or re-prioritised', async () => {
    const log: string[] = [];
    const busy = [gate('busy1', log), gate('busy2', log)];
    busy.forEach((g, i) => schedule(g.work, {label: `busy${i}`, priority: Priority.VISIBLE}));
    await waitUntil(() => log.length === 2, 'the busy pair did not start');
    const abort = new AbortController();
    const subject = new Blob(['photo']);
    const dropped = schedule(gate('dropped', log).work, {label: 'dropped', priority: Priority.VISIBLE, signal: abort.signal}).promise.catch(e => e);
    const moved = gate('moved', log);
    const ticket = schedule(moved.work, {label: 'moved', priority: Priority.LATER});
    const hurried = gate('hurried', log);
    schedule(hurried.work, {label: 'hurried', priority: Priority.CHOSEN, subject});
    const other = gate('other', log);
    schedule(other.work, {label: 'other', priority: Priority.VISIBLE});
    abort.abort(new DOMException('deselected', 'AbortError'));
    expect((await dropped).name).to.equal('AbortError');
    hurry(subject);
    ticket.setPriority(Priority.URGENT);
    const late = gate('late', log); // for the hurried image, asked for after the hurry
    schedule(late.work, {label: 'late', priority: Priority.LATER, subject});
    busy.forEach(g => g.release());
    await waitUntil(() => log.length === 4, 'the next two did not start');
    expect(log.slice(2)).to.deep.equal(['moved', 'hurried']);
    moved.release();
    await waitUntil(() => log.length === 5, 'nothing followed moved');
    expect(log[4]).to.equal('late');
    [hurried, late].forEach(g => g.release());
    await waitUntil(() => log.length === 6, 'the last did not start');
    expect(log[5]).to.equal('other');
    other.release();
    expect(log).to.not.include('dropped');
  });

  it('should keep both places for on-screen work asked for in one task, ahead of a chosen image asked for before it', async () => {
    const log: string[] = [];
    // A pick: its compression is asked for first, then the tiles on screen render and ask in
    // microtasks of the same task, all queued before the first of them runs (as the tiles of one
    // render wait on the one measurement of the tile size).
    const chosen = gate('chosen', log);
    const visible = [gate('visible1', log), gate('visible2', log)];
    schedule(chosen.work, {label: 'chosen', priority: Priority.CHOSEN});
    const measured = Promise.resolve();
    visible.forEach((g, i) => void measured.then(() => schedule(g.work, {label: `visible${i + 1}`, priority: Priority.VISIBLE})));
    await new Promise(r => setTimeout(r)); // a task later: the scheduler has looked at its queue
    expect(log).to.deep.equal(['visible1', 'visible2']);
    visible[0].release();
    await waitUntil(() => log.length === 3, 'nothing followed visible1');
    expect(log[2]).to.equal('chosen');
    [chosen, visible[1]].forEach(g => g.release());
  });

  it('should run one at a time while narrowed, and two again once every narrowing has settled, a rejected one too', async () => {
    const log: string[] = [];
    let settleFirst!: () => void;
    let failSecond!: (e: Error) => void;
    narrowWhile(new Promise<void>(r => (settleFirst = r)));
    narrowWhile(new Promise<void>((_, reject) => (failSecond = reject)));
    const jobs = ['n1', 'n2', 'n3', 'n4'].map(name => gate(name, log));
    const all = jobs.map(j => schedule(j.work, {label: 'narrowed', priority: Priority.VISIBLE}).promise);
    await waitUntil(() => log.length === 1, 'nothing started while narrowed');
    await new Promise(r => setTimeout(r, 50));
    expect(log, 'one at a time while narrowed').to.deep.equal(['n1']);
    jobs[0].release();
    await waitUntil(() => log.length === 2, 'nothing followed n1 while narrowed');
    settleFirst();
    await new Promise(r => setTimeout(r, 50));
    expect(log, 'one narrowing is still open').to.deep.equal(['n1', 'n2']);
    failSecond(new Error('a read failed'));
    // n2 still runs: n3 starts beside it.
    await waitUntil(() => log.length === 3, 'two did not run at once once every narrowing settled');
    jobs.forEach(j => j.release());
    expect(await Promise.all(all)).to.deep.equal(['n1', 'n2', 'n3', 'n4']);
  });
});
