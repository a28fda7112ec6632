// Reporter that ends the run with one plain line, `N passed, N failed, N skipped`, over every
// engine, for CI; above it, one line per engine and the title of every skipped test (a skip's
// title says why). A test file that failed to load counts as one failure. The lines are
// written on process exit because console output from reporters is buffered by the runner
// and can be lost.
import {writeSync} from 'node:fs';

function count(results, acc, prefix = '') {
  for (const t of results?.tests ?? []) {
    const title = `${prefix}${t.name}`;
    if (t.skipped) {
      acc.skipped++;
      acc.skips.add(title);
    } else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of results?.suites ?? []) count(s, acc, `${prefix}${s.name} › `);
}

export function summaryReporter() {
  /** engine → counts */
  const byEngine = new Map();
  let finished = false;
  const tally = engine => {
    if (!byEngine.has(engine)) byEngine.set(engine, {passed: 0, failed: 0, skipped: 0, skips: new Set()});
    return byEngine.get(engine);
  };
  process.on('exit', () => {
    const total = {passed: 0, failed: finished ? 0 : 1, skipped: 0};
    let out = '\n';
    for (const [engine, acc] of byEngine) {
      // Not in the closing line's shape (no commas), so CI reads only the total.
      out += `  ${engine.padEnd(9)} ${acc.passed} passed  ${acc.failed} failed  ${acc.skipped} skipped\n`;
      for (const title of acc.skips) out += `    skipped in ${engine}: ${title}\n`;
      total.passed += acc.passed;
      total.failed += acc.failed;
      total.skipped += acc.skipped;
    }
    writeSync(1, `${out}${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  });
  return {
    onTestRunFinished({sessions}) {
      finished = true;
      for (const s of sessions) {
        const acc = tally(s.browser.engine ?? s.browser.name);
        count(s.testResults, acc);
        const loadFailed = !s.passed && (s.errors?.length ?? 0) > 0 && !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (loadFailed) acc.failed++;
      }
    },
  };
}
