// Finds a Chromium/Chrome binary for tests, the bench and screenshots: CHROME_PATH first, then
// the usual install paths. One place, so every script agrees on which browser it runs.
import {existsSync} from 'node:fs';

const usualPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to launch, or undefined when none is installed. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return usualPaths.find(p => existsSync(p));
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Flags for a quiet headless Chromium on a closed network. Chromium refuses to start as root
 * without --no-sandbox, so that flag is added only then.
 */
export const baseChromeArgs = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];
