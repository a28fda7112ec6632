// Makes sure the selected engines' browsers are installed. As root on Debian or Ubuntu it
// installs the missing packages with apt-get (one call for all of them); anywhere else it
// stops with one line saying what is missing and how to get it or leave it out.
import {execSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {engines} from './engines.mjs';

const missing = names => names.filter(name => !engines[name].find());

/** Resolves when every engine in `names` can run; exits the process with 1 when one cannot. */
export function ensureBrowsers(names) {
  let absent = missing(names);
  if (!absent.length) return;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const isDebianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  const packages = absent.flatMap(name => engines[name].packages);

  if (isRoot && isDebianLike) {
    console.log(`Installing ${packages.join(' ')} with apt-get for ${absent.join(', ')} (about a minute)…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')} >/dev/null`, {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
    absent = missing(names);
    if (!absent.length) return;
  }
  console.error(
    `No browser for ${absent.join(', ')}: install ${packages.join(', ')} (Debian package names; CHROME_PATH, FIREFOX_PATH work too), ` +
      `or run the others only, e.g. npm test -- --engine ${names.filter(n => !absent.includes(n)).join(',') || 'chromium'}.`
  );
  process.exit(1);
}
