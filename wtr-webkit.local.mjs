// Local probe only (not committed): some test files in WebKitGTK's MiniBrowser via WebKitWebDriver.
import {webdriverLauncher} from '@web/test-runner-webdriver';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {tsAsJs} from './scripts/ts-as-js.mjs';
import {serverCommands} from './test/helpers/server-commands.mjs';

export default {
  rootDir: '.',
  nodeResolve: true,
  concurrency: 1,
  testFramework: {config: {timeout: 20000}},
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  browsers: [
    webdriverLauncher({
      hostname: '127.0.0.1',
      port: 18493,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation', '--enable-mock-capture-devices=true']},
      },
    }),
  ],
  plugins: [tsAsJs(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'}), serverCommands()],
  reporters: [defaultReporter()],
};
