// `npm test`: type check, prepare the test databases, then every *.test.ts(x) with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
const only = process.argv.slice(2);

if (!only.length) {
  console.log('Vérification des types…');
  if (run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']) !== 0) process.exit(1);
}
if (run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts']) !== 0) process.exit(1);

const files = only.length
  ? only
  : ['src', 'test']
      .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))))
      .filter((f) => /\.test\.tsx?$/.test(f))
      .sort();

let code = run(process.execPath, [
  '--import', 'tsx',
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  ...files,
]);
// The PostgreSQL template is the run's own: drop it so the server keeps nothing behind.
if (process.env.DATABASE_URL && run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts', '--drop']) !== 0) code ||= 1;
process.exit(code);
