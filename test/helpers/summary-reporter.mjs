// Reporter that ends the run with one plain line, `N passed, N failed, N skipped`, over every
// engine, for CI; above it, per engine: its counts and time, every failed test by file and title
// with the first line of its error, each test file that did not finish
// (no test reported back: it hung, its browser went away, or it did not load) with why, what a
// launcher had to end or start again (`relaunches` on the launcher), each tab a test file left
// open (`strayTabs`, see stray-tabs.mjs), and the title of every skipped test (a skip's title says
// why). A test file that failed to load or did not finish, and a tab left open, count as one
// failure each. The lines are written on process exit because console output from
// reporters is buffered by the runner and can be lost. TEST_TIMINGS=path also writes each file's time
// (launch, run, stop) there, one tab-separated line per file, to see where a run's time goes.
// Under `npm test` (scripts/test.mjs) the lines and counts go to $TEST_SUMMARY as JSON instead,
// and scripts/test.mjs writes them at the end with the consumers suite's and the closing line.
import {writeFileSync, writeSync} from 'node:fs';
import {relative} from 'node:path';

function count(results, acc, file, prefix = '') {
  for (const t of results?.tests ?? []) {
    const title = `${prefix}${t.name}`;
    if (t.skipped) {
      acc.skipped++;
      acc.skips.add(title);
    } else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push({file, title, error: firstLine(t.error?.message)});
    }
  }
  for (const s of results?.suites ?? []) count(s, acc, file, `${prefix}${s.name} › `);
}

/** A failure's message, to one line short enough for CI's tail of the log. */
const firstLine = message => {
  const line = (message ?? 'no message').split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};

const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const minutes = ms => `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
const engineOf = session => session.browser.engine ?? session.browser.name;

/** The first line of the runner's error for a file that never reported back, without its advice. */
const why = session => (session.errors?.[0]?.message ?? 'the run ended first').split(/\. (?:You can|Check)/)[0].split('\n')[0];

export function summaryReporter() {
  /** engine → counts */
  const byEngine = new Map();
  /** session id → when it reached each status, and the session as last seen */
  const timeline = new Map();
  let finished = false;
  const tally = engine => {
    if (!byEngine.has(engine)) byEngine.set(engine, {passed: 0, failed: 0, skipped: 0, skips: new Set(), failures: [], unfinished: [], first: Infinity, last: 0});
    return byEngine.get(engine);
  };

  /**
   * Files that began and reported no test: the page never said it was done (the runner's limit),
   * its browser went away (the runner then ends it as "interrupted"), or it did not load.
   */
  function unfinished() {
    for (const {session, at} of timeline.values()) {
      const results = session.testResults;
      if (!at.INITIALIZING || results?.tests?.length || results?.suites?.length) continue;
      const since = at.TEST_STARTED ?? at.INITIALIZING;
      tally(engineOf(session)).unfinished.push({
        file: relative(process.cwd(), session.testFile),
        group: session.group.name,
        reason: why(session),
        ran: since && (at.FINISHED ?? Date.now()) - since,
      });
    }
  }

  function writeTimings(path) {
    const rows = ['engine\tgroup\tfile\tlaunch_s\trun_s\tstop_s'];
    const span = (at, a, b) => (at[a] && at[b] ? ((at[b] - at[a]) / 1000).toFixed(1) : '');
    for (const {session, at} of timeline.values()) {
      const run = at.TEST_FINISHED ? span(at, 'TEST_STARTED', 'TEST_FINISHED') : span(at, 'TEST_STARTED', 'FINISHED');
      rows.push([engineOf(session), session.group.name, relative(process.cwd(), session.testFile), span(at, 'INITIALIZING', 'TEST_STARTED'), run, span(at, 'TEST_FINISHED', 'FINISHED')].join('\t'));
    }
    writeFileSync(path, `${rows.join('\n')}\n`);
  }

  process.on('exit', () => {
    unfinished();
    if (process.env.TEST_TIMINGS) writeTimings(process.env.TEST_TIMINGS);
    const fileOf = id => timeline.get(id) && relative(process.cwd(), timeline.get(id).session.testFile);
    const browsers = new Set([...timeline.values()].map(({session}) => session.browser));
    const total = {passed: 0, failed: finished ? 0 : 1, skipped: 0};
    let out = '\n';
    for (const [engine, acc] of byEngine) {
      const mine = [...browsers].filter(browser => engineOf({browser}) === engine);
      const strayTabs = mine.flatMap(browser => browser.strayTabs ?? []);
      acc.failed += strayTabs.length;
      const time = acc.last > acc.first ? `  ${minutes(acc.last - acc.first)}` : '';
      // Not in the closing line's shape (no commas), so CI reads only the total.
      out += `  ${engine.padEnd(9)} ${acc.passed} passed  ${acc.failed} failed  ${acc.skipped} skipped${time}\n`;
      // Failures first, by name: CI keeps only the end of the log, where the runner's own report
      // of a failure (printed when its file ends) has long scrolled away.
      for (const f of acc.failures) out += `    failed in ${engine}: ${f.file}: ${f.title}: ${f.error}\n`;
      for (const u of acc.unfinished) {
        out += `    did not finish in ${u.group}: ${u.file}${u.ran ? ` after ${seconds(u.ran)}` : ''}: ${u.reason}\n`;
      }
      for (const r of mine.flatMap(browser => browser.relaunches ?? [])) out += `    ${r.did} in ${engine}: ${r.what} (${r.reason}) ${r.when} ${fileOf(r.session)}\n`;
      for (const t of strayTabs) {
        const url = t.url.length > 100 ? `${t.url.slice(0, 100)}…` : t.url;
        out += `    left a tab open in ${engine}: ${fileOf(t.session)} (${url}), closed ${t.next ? `before ${fileOf(t.next)}` : 'at the end'}\n`;
      }
      for (const title of acc.skips) out += `    skipped in ${engine}: ${title}\n`;
      total.passed += acc.passed;
      total.failed += acc.failed + (finished ? 0 : acc.unfinished.length);
      total.skipped += acc.skipped;
    }
    if (process.env.TEST_SUMMARY) writeFileSync(process.env.TEST_SUMMARY, JSON.stringify({...total, lines: out}));
    else writeSync(1, `${out}${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
    // The runner's exit code knows its tests only; a tab left open fails the run too.
    if ([...browsers].some(browser => browser.strayTabs?.length)) process.exitCode ||= 1;
  });

  return {
    start({sessions, startTime}) {
      const seen = (session, at = Date.now()) => {
        const entry = timeline.get(session.id) ?? {at: {}};
        entry.session = session;
        entry.at[session.status] ??= at;
        timeline.set(session.id, entry);
        const acc = tally(engineOf(session));
        acc.first = Math.min(acc.first, entry.at.INITIALIZING ?? Infinity);
        acc.last = Math.max(acc.last, entry.at.FINISHED ?? 0);
      };
      // The runner starts the first file before its reporters.
      for (const session of sessions.forStatus('INITIALIZING')) seen(session, startTime);
      sessions.on('session-status-updated', session => seen(session));
    },
    onTestRunFinished({sessions}) {
      finished = true;
      for (const s of sessions) {
        const acc = tally(engineOf(s));
        count(s.testResults, acc, relative(process.cwd(), s.testFile));
        const loadFailed = !s.passed && (s.errors?.length ?? 0) > 0 && !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (loadFailed) acc.failed++;
      }
    },
  };
}
