// The test runner behind `npm test` and its parts:
//   npm test                  every test (unit, integration, browser), with the type check, lint and format check beside them
//   npm run test:unit         the pure rules (*.rules.test.ts): no database, under a minute
//   npm run test:integration  every other test but the browser ones, on a real database
//   npm run test:browser      the browser tests (Chromium, axe-core)
//   node scripts/test.mjs FILE…  only these files
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * Runs a command with its output kept, resolving to its code and output. The checks run beside the
 * tests (the test lanes leave a core idle about half the time): their output is printed when they end.
 */
const runKept = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });

/** Type check, ESLint, Prettier, one after the other; the first that fails says so and stops the run. */
async function runChecks(onFailure) {
  const checks = [
    ['Vérification des types (tsc)', ['node_modules/typescript/bin/tsc', '-p', '.'], ''],
    ['Règles du code (ESLint)', ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.'], ''],
    ['Mise en forme (Prettier)', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level=warn', '.'], 'Mise en forme : lancez `npm run format`.'],
  ];
  for (const [name, checkArgs, hint] of checks) {
    const { code, output } = await runKept(process.execPath, checkArgs);
    if (code !== 0) {
      console.error(`\n${name} : échec.\n${output}${hint ? `\n${hint}` : ''}`);
      onFailure();
      return 1;
    }
    console.log(`${name} : rien à redire.`);
  }
  return 0;
}
const needsDatabase = files.some((f) => !isUnit(f));
if (needsDatabase && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts']) !== 0) process.exit(1);

// A process per test file costs a start-up (tsx and the app's imports, 1 to 2 s each). When more than
// one is asked for, files share processes: the pure rules all in one, the database files of one
// folder a few at a time (each opens its own database and server: nothing is shared but the code);
// the browser files and src/app's and test/'s (whole-app and multi-process tests, the longest) keep
// one each, so that the two lanes stay balanced. Each group is a generated entry importing its files.
const GROUP_SIZE = 8;
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
// The longest start first (src/app's and test/'s whole-app files, then the browser ones, then the
// groups, the pure rules last to fill the gaps): a long file started last would run alone at the end.
// Node's runner sorts the files it is given by name, so every entry is a generated file named by rank.
const grouped = new Set(groups.flat());
const units = [...files.filter((f) => !grouped.has(f)).map((f) => [f]), ...groups];
const rank = (list) => (list.every(isUnit) ? 3 : list.some(isBrowser) ? 1 : alone(list[0]) ? 0 : 2);
units.sort((a, b) => rank(a) - rank(b));
const entryDir = files.length > 1 ? mkdtempSync(join(tmpdir(), 'arobase-tests-')) : null;
const entries = entryDir
  ? units.map((list, n) => {
      const name = list.length === 1 ? basename(list[0]).replace(/\.test\.tsx?$/, '') : `groupe-${basename(dirname(list[0]))}`;
      const entry = join(entryDir, `${String(n + 1).padStart(3, '0')}-${name}.test.mjs`);
      writeFileSync(entry, list.map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});\n`).join(''));
      return entry;
    })
  : files;
// Two lanes on the two cores of our machines; AROBASE_TEST_CONCURRENCY tries another number.
const concurrency = /^[1-9]\d*$/.test(process.env.AROBASE_TEST_CONCURRENCY ?? '') ? process.env.AROBASE_TEST_CONCURRENCY : '2';
const tests = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...entries], {
  stdio: 'inherit',
});
const testsEnded = new Promise((resolve) => tests.on('close', (status) => resolve(status ?? 1)));
const checksCode = mode === 'all' && !args.length ? await runChecks(() => tests.kill('SIGTERM')) : 0;
let code = (await testsEnded) || checksCode;
if (entryDir) rmSync(entryDir, { recursive: true, force: true });
// The PostgreSQL template is the run's own: drop it so the server keeps nothing behind.
if (needsDatabase && process.env.DATABASE_URL && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts', '--drop']) !== 0) code ||= 1;
process.exit(code);
