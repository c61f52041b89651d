import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { everyDriver, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { writeBackup } from './backup.ts';
import { queryRows, type Db } from './database.ts';
import { restoreBackup } from './restore.ts';
import { getOrCreateSecret } from './settings.service.ts';

const settings = (db: Db) => queryRows<{ key: string; value: string }>(db, sql`select key, value from app_settings order by key`);

/** Rewrites a backup’s lines (gunzip, change, gzip): the files a damaged disk or another version would give. */
function rewrite(from: string, to: string, change: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').trimEnd().split('\n');
  writeFileSync(to, gzipSync(change(lines).join('\n') + '\n'));
  return to;
}

const withHeader = (change: (header: { migrations: { hash: string; createdAt: string }[] }) => void) => (lines: string[]) => {
  const [marker, header] = JSON.parse(lines[0]!);
  change(header);
  return [JSON.stringify([marker, header]), ...lines.slice(1)];
};

for (const driver of everyDriver) {
  describe(`npx arobase restore: refusals and all-or-nothing (${driver})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'arobase-restore-'));
    const backup = join(dir, 'sauvegarde.arobase.gz');
    let source: TestDatabase;
    let target: TestDatabase;
    let sourceSettings: { key: string; value: string }[];
    before(async () => {
      source = await openTestDatabase(driver, { territories: false });
      await getOrCreateSecret(source.db, 'cookie-secret');
      await getOrCreateSecret(source.db, 'autre-secret');
      sourceSettings = await settings(source.db);
      target = await openTestDatabase(driver, { territories: false });
    });
    after(async () => {
      await source?.dispose();
      await target?.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the backup file is 0600 whatever the umask, and an existing file is only replaced with --force', async () => {
      const umask = process.umask(0o022);
      try {
        const done = await writeBackup(source, backup);
        assert.equal(statSync(backup).mode & 0o777, 0o600);
        assert.equal(done.rows, sourceSettings.length + (await totalRowsBesideSettings(source.db)));
        await assert.rejects(writeBackup(source, backup), (e) => e instanceof ConflictError && /existe déjà.*--force/.test(e.message));
        await writeBackup(source, backup, { force: true });
        assert.equal(statSync(backup).mode & 0o777, 0o600);
      } finally {
        process.umask(umask);
      }
    });

    test('a new database takes the backup; once it holds data, only --force replaces it', async () => {
      const done = await restoreBackup(target, backup);
      assert.equal(done.driver, driver);
      assert.deepEqual(await settings(target.db), sourceSettings);
      await getOrCreateSecret(target.db, 'ajout-apres-restauration');
      await assert.rejects(
        restoreBackup(target, backup),
        // Every restored row now counts as data, the migrations' own included.
        (e) =>
          e instanceof ConflictError && /^La base contient déjà des données \(.*app_settings\u00a0: 3 lignes.*--force pour tout remplacer\.$/.test(e.message),
      );
      assert.equal((await settings(target.db)).length, 3, 'nothing changed');
      await restoreBackup(target, backup, { force: true });
      assert.deepEqual(await settings(target.db), sourceSettings, 'replaced, the later setting gone');
    });

    test('a backup of another schema version is refused and changes nothing', async () => {
      const newer = rewrite(
        backup,
        join(dir, 'plus-recente.gz'),
        withHeader((h) => h.migrations.push({ hash: 'f'.repeat(64), createdAt: '9999999999999' })),
      );
      await assert.rejects(
        restoreBackup(target, newer, { force: true }),
        (e) => e instanceof ConflictError && /version plus récente d’arobase/.test(e.message),
      );
      const older = rewrite(
        backup,
        join(dir, 'ancienne.gz'),
        withHeader((h) => h.migrations.pop()),
      );
      await assert.rejects(restoreBackup(target, older, { force: true }), (e) => e instanceof ConflictError && /version antérieure d’arobase/.test(e.message));
      const other = rewrite(
        backup,
        join(dir, 'autre.gz'),
        withHeader((h) => (h.migrations[0]!.hash = '0'.repeat(64))),
      );
      await assert.rejects(restoreBackup(target, other, { force: true }), (e) => e instanceof ConflictError && /autre lignée/.test(e.message));
      const future = rewrite(backup, join(dir, 'format-2.gz'), (lines) => [lines[0]!.replace('"formatVersion":1', '"formatVersion":2'), ...lines.slice(1)]);
      await assert.rejects(
        restoreBackup(target, future, { force: true }),
        (e) => e instanceof InvalidInputError && /format 2.*mettez arobase à jour/.test(e.message),
      );
      assert.deepEqual(await settings(target.db), sourceSettings);
    });

    test('a missing file, a file that is no backup, a truncated one and one without its end are refused, changing nothing', async () => {
      await getOrCreateSecret(target.db, 'temoin');
      const before = await settings(target.db);
      const refused = async (file: string, message: RegExp) =>
        assert.rejects(restoreBackup(target, file, { force: true }), (e) => e instanceof InvalidInputError && e.field === 'file' && message.test(e.message));
      await refused(join(dir, 'absente.gz'), /fichier introuvable/);
      writeFileSync(join(dir, 'notes.txt'), 'pas une sauvegarde\n');
      await refused(join(dir, 'notes.txt'), /ce n’est pas une sauvegarde arobase/);
      writeFileSync(join(dir, 'autre.json.gz'), gzipSync('{"format":"autre"}\n'));
      await refused(join(dir, 'autre.json.gz'), /ce n’est pas une sauvegarde arobase/);
      const whole = readFileSync(backup);
      writeFileSync(join(dir, 'tronquee.gz'), whole.subarray(0, Math.floor(whole.length * 0.7)));
      await refused(join(dir, 'tronquee.gz'), /sauvegarde abîmée ou tronquée/);
      await refused(
        rewrite(backup, join(dir, 'sans-fin.gz'), (lines) => lines.slice(0, -1)),
        /sauvegarde incomplète/,
      );
      await refused(
        rewrite(backup, join(dir, 'ligne-en-moins.gz'), (lines) => lines.filter((l) => !l.includes('"autre-secret"'))),
        /la table app_settings devait compter 2 lignes/,
      );
      assert.deepEqual(await settings(target.db), before, 'the data in place survived every refused restore');
    });

    test('a row the database refuses rolls the whole restore back', async () => {
      const before = await settings(target.db);
      const bad = rewrite(backup, join(dir, 'ligne-invalide.gz'), (lines) =>
        lines.map((l) => (l.includes('"autre-secret"') ? l.replace(/"value": ?"[^"]*"/, '"value": null') : l)),
      );
      await assert.rejects(
        restoreBackup(target, bad, { force: true }),
        (e) => e instanceof InvalidInputError && /sauvegarde abîmée, table app_settings/.test(e.message) && /rien n’a été modifié/.test(e.message),
      );
      assert.deepEqual(await settings(target.db), before);
    });

    if (driver === 'postgres') {
      test('a PostgreSQL database another session uses (a running server) is not restored', async () => {
        const [{ name }] = (await queryRows<{ name: string }>(target.db, sql`select current_database() as name`)) as [{ name: string }];
        const url = new URL(process.env.DATABASE_URL!);
        url.pathname = `/${name}`;
        const server = new pg.Client({ connectionString: url.toString(), application_name: 'arobase (pid 1)' });
        await server.connect();
        try {
          await assert.rejects(
            restoreBackup(target, backup, { force: true }),
            (e) => e instanceof ConflictError && /1 autre connexion utilise cette base.*arrêtez-les/.test(e.message),
          );
        } finally {
          await server.end();
        }
        await restoreBackup(target, backup, { force: true });
        assert.deepEqual(await settings(target.db), sourceSettings);
      });
    }
  });
}

/** The rows a new database holds beside app_settings (what the migrations wrote). */
async function totalRowsBesideSettings(db: Db): Promise<number> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'app_settings'`,
  );
  let total = 0;
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
    total += row?.n ?? 0;
  }
  return total;
}
