import { existsSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { ConflictError, InvalidInputError } from '../errors.ts';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MARKER,
  appliedMigrations,
  quoteIdent,
  quoteLiteral,
  readSequences,
  readTables,
  type BackupHeader,
  type TableInfo,
} from './backup-format.ts';
import { queryRows, type Database, type Db } from './database.ts';
import { databaseMessages } from './messages.ts';

const m = databaseMessages.backup;

export type BackupSummary = { file: string; tables: number; rows: number; bytes: number };

/**
 * Writes a whole-database backup to `file` (ADR 0011): one read-only snapshot (repeatable read), so
 * a PostgreSQL server keeps serving meanwhile; on PGlite the server's requests wait for it (one
 * session). The file is written under a temporary name, 0600, synced, then renamed: a backup that
 * exists is complete.
 */
export async function writeBackup(database: Database, file: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  if (!options.force && existsSync(file)) throw new ConflictError(m.exists(file), 'file');
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  let handle;
  try {
    handle = await open(partial, 'wx', 0o600);
  } catch (error) {
    throw new InvalidInputError({ file: m.cannotWrite(file, (error as Error).message) });
  }
  const counts = { tables: 0, rows: 0 };
  try {
    await database.db.transaction(
      async (tx) => {
        // Fixed output formats: the file reads the same whatever the server's settings.
        await tx.execute(sql`set local bytea_output = 'hex'`);
        await tx.execute(sql`set local extra_float_digits = 1`);
        await tx.execute(sql`set local timezone = 'UTC'`);
        await tx.execute(sql`set local intervalstyle = 'postgres'`);
        const lines = backupLines(tx, database.driver, counts);
        // `flush`: the file is synced before it is closed, so the rename below publishes it whole.
        await pipeline(Readable.from(lines), createGzip(), handle.createWriteStream({ flush: true }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(partial, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(partial).catch(() => undefined);
    throw error;
  }
  return { file, ...counts, bytes: (await stat(file)).size };
}

async function* backupLines(tx: Db, driver: Database['driver'], counts: { tables: number; rows: number }): AsyncGenerator<string> {
  const tables = await readTables(tx);
  const header: BackupHeader = {
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    driver,
    migrations: await appliedMigrations(tx),
    tables: tables.map((t) => t.name),
  };
  yield JSON.stringify([BACKUP_MARKER, header]) + '\n';
  const rows: Record<string, number> = {};
  for (const table of tables) {
    yield JSON.stringify(['table', { name: table.name, columns: table.columns }]) + '\n';
    let count = 0;
    for await (const batch of tableRows(tx, table)) {
      count += batch.length;
      yield batch.join('\n') + '\n';
    }
    rows[table.name] = count;
    counts.tables++;
    counts.rows += count;
  }
  // Read last: sequences are outside the snapshot, so their values are at least those the rows used.
  yield JSON.stringify(['end', { rows, sequences: await readSequences(tx) }]) + '\n';
}

/** A table's rows as JSON text, by batches through a cursor (never the whole table in memory). */
async function* tableRows(tx: Db, table: TableInfo): AsyncGenerator<string[]> {
  const withoutGenerated = table.generated.map((c) => ` - ${quoteLiteral(c)}`).join('');
  await tx.execute(
    sql.raw(`declare arobase_backup no scroll cursor for select (to_jsonb(t)${withoutGenerated})::text as line from public.${quoteIdent(table.name)} t`),
  );
  const size = table.hasBytea ? 20 : 1000;
  for (;;) {
    const batch = await queryRows<{ line: string }>(tx, sql.raw(`fetch forward ${size} from arobase_backup`));
    if (batch.length) yield batch.map((r) => r.line);
    if (batch.length < size) break;
  }
  await tx.execute(sql`close arobase_backup`);
}
