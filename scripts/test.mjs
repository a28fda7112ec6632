// `npm test`: every test file in Chromium, Firefox and WebKit, then the consumers suite (the packed
// package inside apps built by real bundlers, test/consumers/run.mjs); or the groups named by
// `--engine chromium,firefox,consumers` (or ENGINES=…). Installs missing browsers first (Debian,
// as root), then runs web-test-runner with the remaining arguments; WebKit's launcher starts its
// own X display and WebDriver server, so nothing needs setting up by hand. Ends with one line per
// group and the total, `N passed, N failed, N skipped`.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CONSUMERS, selectEngines} from './engines.mjs';
import {ensureBrowsers} from './ensure-browsers.mjs';

let selection;
try {
  selection = selectEngines();
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const {engines, consumers, rest} = selection;
ensureBrowsers(consumers && !engines.includes('chromium') ? [...engines, 'chromium'] : engines);
console.log(`Engines: ${[...engines, ...(consumers ? [CONSUMERS] : [])].join(', ')}`);

const scratch = mkdtempSync(join(tmpdir(), 'choose-image-sheet-test-'));
let child;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child?.kill(signal));

/** Runs a node script to its end; resolves with its exit code and the counts it wrote to `summary`. */
function runGroup(script, args, env, summary) {
  return new Promise(resolve => {
    child = spawn(process.execPath, [script, ...args], {stdio: 'inherit', env: {...process.env, ...env}});
    child.on('exit', (code, signal) => {
      let counts;
      try {
        counts = JSON.parse(readFileSync(summary, 'utf8'));
      } catch {
        counts = {passed: 0, failed: 1, skipped: 0}; // it never reported: a failure
      }
      resolve({code: code ?? (signal ? 1 : 0), counts});
    });
  });
}

const total = {passed: 0, failed: 0, skipped: 0};
let exitCode = 0;
let lines = '\n';
const add = ({code, counts}) => {
  for (const k of Object.keys(total)) total[k] += counts[k] ?? 0;
  if (code) exitCode = 1;
  lines += counts.lines ?? '';
};
if (engines.length) {
  const summary = join(scratch, 'engines.json');
  add(await runGroup('node_modules/@web/test-runner/dist/bin.js', rest, {ENGINES: engines.join(','), TEST_SUMMARY: summary}, summary));
}
if (consumers) {
  const summary = join(scratch, 'consumers.json');
  const outcome = await runGroup('test/consumers/run.mjs', [], {CONSUMERS_SUMMARY: summary}, summary);
  add(outcome);
  lines += `consumers: ${outcome.counts.passed} passed, ${outcome.counts.failed} failed\n`;
}
rmSync(scratch, {recursive: true, force: true});
console.log(`${lines}${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode || (total.failed ? 1 : 0));
