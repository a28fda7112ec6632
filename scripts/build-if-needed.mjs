// `prestart`: builds dist/ when it is missing or older than src/, so the demo never serves a
// stale bundle and a fresh clone needs no separate build step.
import {execSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

const built = 'dist/choose-image-sheet.bundled.js';
const newestIn = dir =>
  Math.max(
    ...readdirSync(dir, {withFileTypes: true}).map(e =>
      e.isDirectory() ? newestIn(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs
    )
  );

if (!existsSync(built) || newestIn('src') > statSync(built).mtimeMs) {
  execSync('npm run build', {stdio: 'inherit'});
}
