// The test runner behind `npm test` and its parts:
//   npm test                  type check, lint, format check, then every test (unit, integration, browser)
//   npm run test:unit         the pure rules (*.rules.test.ts): no database, under a minute
//   npm run test:integration  every other test but the browser ones, on a real database
//   npm run test:browser      the browser tests (Chromium, axe-core)
//   node scripts/test.mjs FILE…  only these files
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

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

// The pure rules' files run together in one process (scripts/unit-tests.entry.ts) when more than one
// is asked for: they need no database and each would otherwise pay its own start-up.
const unitFiles = files.filter(isUnit);
const grouped = unitFiles.length > 1;
const entries = grouped ? [...files.filter((f) => !isUnit(f)), join('scripts', 'unit-tests.entry.ts')] : files;
const env = grouped ? { ...process.env, AROBASE_UNIT_FILES: JSON.stringify(unitFiles.map((f) => join(process.cwd(), f))) } : process.env;
let code = run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...entries], { env });
// The PostgreSQL template is the run's own: drop it so the server keeps nothing behind.
if (needsDatabase && process.env.DATABASE_URL && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts', '--drop']) !== 0) code ||= 1;
process.exit(code);
