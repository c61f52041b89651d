// The test runner behind `npm test` and its parts:
//   npm test                  type check, lint, format check, then every test (unit, integration, browser)
//   npm run test:unit         the pure rules (*.rules.test.ts): no database, under a minute
//   npm run test:integration  every other test but the browser ones, on a real database
//   npm run test:browser      the browser tests (Chromium, axe-core)
//   node scripts/test.mjs FILE…  only these files
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
const args = process.argv.slice(2);
const mode = args[0]?.startsWith('--') ? args.shift().slice(2) : 'all';
if (!['all', 'unit', 'integration', 'browser'].includes(mode)) {
  console.error(`Mode inconnu : --${mode} (--unit, --integration ou --browser).`);
  process.exit(2);
}

const isUnit = (f) => /\.rules\.test\.tsx?$/.test(f);
const isBrowser = (f) => f.startsWith(join('test', 'browser'));
const allTests = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))))
  .filter((f) => /\.test\.tsx?$/.test(f))
  .sort();
const files = args.length
  ? args
  : allTests.filter((f) => (mode === 'unit' ? isUnit(f) : mode === 'integration' ? !isUnit(f) && !isBrowser(f) : mode === 'browser' ? isBrowser(f) : true));

if (mode === 'all' && !args.length) {
  console.log('Vérification des types…');
  if (run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']) !== 0) process.exit(1);
  console.log('Règles du code (ESLint) et mise en forme (Prettier)…');
  if (run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']) !== 0) process.exit(1);
  if (run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', '.']) !== 0) {
    console.error('Mise en forme : lancez `npm run format`.');
    process.exit(1);
  }
}
// The longest files start first (browser, then database ones, then the pure rules, which fill the
// last gaps): run in name order, the browser files came last and one of them ran alone at the end.
const weight = (f) => (isBrowser(f) ? 0 : isUnit(f) ? 2 : 1);
files.sort((a, b) => weight(a) - weight(b));
const needsDatabase = files.some((f) => !isUnit(f));
if (needsDatabase && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts']) !== 0) process.exit(1);

// A process per test file costs a start-up (tsx and the app's imports, 1 to 2 s each). When more than
// one is asked for, files share processes: the pure rules all in one, the database files of one
// folder a few at a time (each opens its own database and server: nothing is shared but the code);
// the browser files and src/app's and test/'s (whole-app and multi-process tests, the longest) keep
// one each, so that the two lanes stay balanced. Each group is a generated entry importing its files.
const GROUP_SIZE = 4;
const alone = (f) => isBrowser(f) || f.startsWith(join('src', 'app')) || !f.startsWith('src');
const groups = [];
if (files.length > 1) {
  const unit = files.filter(isUnit);
  if (unit.length) groups.push(unit);
  const byFolder = new Map();
  for (const f of files.filter((f) => !isUnit(f) && !alone(f))) {
    const folder = dirname(f);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  for (const list of byFolder.values()) for (let i = 0; i < list.length; i += GROUP_SIZE) groups.push(list.slice(i, i + GROUP_SIZE));
}
const groupDir = groups.length ? mkdtempSync(join(tmpdir(), 'arobase-tests-')) : null;
const grouped = new Set(groups.flat());
const entries = [
  ...files.filter((f) => !grouped.has(f)),
  ...groups.map((list, n) => {
    const entry = join(groupDir, `groupe-${String(n + 1).padStart(2, '0')}.test.mjs`);
    writeFileSync(entry, list.map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});\n`).join(''));
    return entry;
  }),
];
// Browser files first, then the database ones, the pure rules' group last (see `weight`).
entries.sort((a, b) => entryWeight(a) - entryWeight(b));
function entryWeight(entry) {
  if (!entry.startsWith(groupDir ?? '\0')) return weight(entry);
  return groups[Number(/groupe-(\d+)/.exec(entry)[1]) - 1].every(isUnit) ? 2 : 1;
}
let code = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...entries]);
if (groupDir) rmSync(groupDir, { recursive: true, force: true });
// The PostgreSQL template is the run's own: drop it so the server keeps nothing behind.
if (needsDatabase && process.env.DATABASE_URL && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts', '--drop']) !== 0) code ||= 1;
process.exit(code);
