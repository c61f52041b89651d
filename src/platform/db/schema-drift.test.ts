import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import config from '../../../drizzle.config.ts';
import { migrationsFolder } from './migrate.ts';

// The schema is the source of truth and migrations are committed; tests run those migrations, so a
// schema change without its own (a column, an index, a check’s text) would surface only where a query needs it.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const drizzleKit = join(root, 'node_modules', 'drizzle-kit', 'bin.cjs');

const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('schema and migrations agree', () => {
  test('drizzle-kit generate finds nothing to migrate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arobase-schema-drift-'));
    try {
      cpSync(migrationsFolder, join(dir, 'migrations'), { recursive: true });
      const before = list(join(dir, 'migrations'));
      // The project’s own config, pointed at the copy. drizzle-kit reads `out` relative to the working
      // directory (it prefixes `./`), so it runs in the temporary directory with absolute schema paths.
      const schema = [config.schema ?? []].flat().map((path) => resolve(root, path));
      writeFileSync(join(dir, 'drizzle.config.json'), JSON.stringify({ ...config, schema, out: './migrations' }));

      const run = spawnSync(process.execPath, [drizzleKit, 'generate', '--config', 'drizzle.config.json'], {
        cwd: dir,
        encoding: 'utf8',
        // No terminal: a change drizzle-kit would ask about (a rename?) must fail, not wait for an answer.
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      assert.equal(run.error, undefined, `drizzle-kit did not finish: ${run.error?.message}\n${output}`);
      // drizzle-kit exits with 0 even when it fails to read the folder: its words and the files decide.
      assert.equal(run.status, 0, output);
      const added = list(join(dir, 'migrations')).filter((f) => !before.includes(f));
      const addedSql = added.filter((f) => f.endsWith('.sql')).map((f) => `-- ${f}\n${readFileSync(join(dir, 'migrations', f), 'utf8')}`);
      assert.deepEqual(
        added,
        [],
        `The schema differs from the committed migrations: run \`npm run db:generate\` and commit the migration. drizzle-kit would write:\n${addedSql.join('\n')}`,
      );
      assert.match(run.stdout, /No schema changes, nothing to migrate/, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every SQL file is in the journal, and every journal entry has its SQL file', () => {
    // The migrator applies the journal’s entries only: a .sql file outside it would never run.
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    assert.deepEqual(files, journal.entries.map((e) => `${e.tag}.sql`).sort());
  });
});
