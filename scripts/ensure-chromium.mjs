// `pretest`: makes sure a Chromium exists. On Debian/Ubuntu as root it installs Debian's
// `chromium` package itself; anywhere else it stops with one line saying how to get one.
import {execSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {findChrome} from './chrome-path.mjs';

if (findChrome()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const isDebianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);

if (isRoot && isDebianLike) {
  console.log('No Chromium found: installing Debian\'s chromium package with apt-get (about 30 s)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  if (findChrome()) process.exit(0);
}
console.error(
  'No Chromium or Chrome found: install one (e.g. `sudo apt-get install chromium`) or set CHROME_PATH to its binary.'
);
process.exit(1);
