// After the build: keeps the .d.ts files that the package's public types reach (the `types` of
// each export in package.json, and what they import), and deletes the rest — TypeScript emits
// one per source file, internals included, which no user's compiler ever reads. Fails when a
// kept file imports a package the user does not get installed with this one (a type that
// reaches lit-html rather than lit breaks under pnpm and `skipLibCheck: false`).
import {existsSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const allowed = Object.keys(pkg.dependencies ?? {});
const typesOf = exp => (typeof exp === 'string' ? [] : Object.entries(exp).flatMap(([k, v]) => (k === 'types' ? [v] : typesOf(v))));
const roots = Object.values(pkg.exports).flatMap(typesOf).map(p => resolve(p));

const kept = new Set();
const problems = [];
for (const file of roots) kept.add(file);
for (const file of kept) {
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
      if (!existsSync(target)) problems.push(`${relative('.', file)}: ${spec} has no .d.ts`);
      else kept.add(target);
    } else if (!allowed.some(dep => spec === dep || spec.startsWith(`${dep}/`)) && !isPeerFramework(file)) {
      problems.push(`${relative('.', file)} imports ${spec}, which is not a dependency`);
    }
  }
}
/** jsx/*.d.ts import the framework the user has chosen (react, preact, vue), by design. */
function isPeerFramework(file) {
  return relative('.', file).startsWith('jsx/');
}

if (problems.length) {
  console.error(`prune-types:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      prune(path);
      if (!readdirSync(path).length) rmSync(path, {recursive: true});
    } else if (name.endsWith('.d.ts') && !kept.has(resolve(path))) rmSync(path);
  }
}
prune('dist');
