// Reporter that ends the run with one plain line, `N passed, N failed, N skipped`, for CI.
// A test file that failed to load counts as one failure. The line is written on process exit
// because console output from reporters is buffered by the runner and can be lost.
import {writeSync} from 'node:fs';

function count(results, acc) {
  for (const t of results?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of results?.suites ?? []) count(s, acc);
}

export function summaryReporter() {
  const acc = {passed: 0, failed: 0, skipped: 0};
  let finished = false;
  process.on('exit', () => {
    if (!finished) acc.failed++;
    writeSync(1, `\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`);
  });
  return {
    onTestRunFinished({sessions}) {
      finished = true;
      for (const s of sessions) {
        count(s.testResults, acc);
        const loadFailed = !s.passed && (s.errors?.length ?? 0) > 0 && !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (loadFailed) acc.failed++;
      }
    },
  };
}
