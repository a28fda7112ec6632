// `npm test`: every test file in Chromium, Firefox and WebKit, or the engines named by
// `--engine chromium,firefox` (or ENGINES=…). Installs missing browsers first (Debian, as root),
// then runs web-test-runner with the remaining arguments; WebKit's launcher starts its own
// X display and WebDriver server, so nothing needs setting up by hand.
import {spawn} from 'node:child_process';
import {selectEngines} from './engines.mjs';
import {ensureBrowsers} from './ensure-browsers.mjs';

let selection;
try {
  selection = selectEngines();
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
ensureBrowsers(selection.engines);
console.log(`Engines: ${selection.engines.join(', ')}`);

const runner = spawn(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...selection.rest], {
  stdio: 'inherit',
  env: {...process.env, ENGINES: selection.engines.join(',')},
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runner.kill(signal));
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
