import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { ConflictError, InvalidInputError } from '../errors.ts';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MARKER,
  appliedMigrations,
  endLine,
  headerLine,
  quoteIdent,
  readTables,
  tableLine,
  type AppliedMigration,
  type BackupHeader,
  type TableInfo,
} from './backup-format.ts';
import { postgresSessionName, queryRows, type Database, type Db } from './database.ts';
import { databaseMessages } from './messages.ts';

const m = databaseMessages.restore;

export type RestoreSummary = { createdAt: Date; driver: BackupHeader['driver']; tables: number; rows: number };

const fileError = (message: string) => new InvalidInputError({ file: message });

/** A row batch sent in one statement: large enough to be quick, small enough for memory. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

/**
 * Replaces the whole content of the database with a backup, in one transaction: all or nothing
 * (ADR 0011). Refuses a backup of another schema version, a database that already holds data
 * (unless `force`), and, on PostgreSQL, a database other sessions use (running servers keep caches).
 */
export async function restoreBackup(database: Database, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  try {
    if (!(await stat(file)).isFile()) throw fileError(m.unreadable(m.notAFile));
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw fileError((error as NodeJS.ErrnoException).code === 'ENOENT' ? m.notFound : m.unreadable((error as Error).message));
  }
  const lines = readLines(file);
  try {
    const header = await readHeader(lines);
    return await database.db.transaction(async (tx) => {
      await checkTarget(tx, database.driver, header, options.force ?? false);
      return { createdAt: new Date(header.createdAt), driver: header.driver, ...(await load(tx, header, lines)) };
    });
  } catch (error) {
    if (isZlibError(error)) throw fileError(m.damaged((error as Error).message));
    throw error;
  } finally {
    await lines.return(undefined);
  }
}

async function readHeader(lines: AsyncGenerator<string>): Promise<BackupHeader> {
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch {
    throw fileError(m.notBackup); // not gzip at all
  }
  let value: unknown;
  try {
    value = first.done ? undefined : JSON.parse(first.value);
  } catch {
    throw fileError(m.notBackup);
  }
  if (!Array.isArray(value) || value[0] !== BACKUP_MARKER) throw fileError(m.notBackup);
  const version = (value[1] as { formatVersion?: unknown } | undefined)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) throw fileError(m.formatTooNew(version));
  const parsed = headerLine.safeParse(value);
  if (!parsed.success) throw fileError(m.notBackup);
  return parsed.data[1];
}

async function checkTarget(tx: Db, driver: Database['driver'], header: BackupHeader, force: boolean): Promise<void> {
  compareSchemas(header.migrations, await appliedMigrations(tx));
  if (driver === 'postgres') {
    const [others] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
            and application_name is distinct from ${postgresSessionName()}`,
    );
    if (others && others.n > 0) throw new ConflictError(m.otherSessions(others.n));
  }
  if (force) return;
  // Rows the migrations wrote (in their own transactions) are not data: a new database has some.
  const filled: { table: string; rows: number }[] = [];
  for (const table of await readTables(tx)) {
    const [count] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.raw(`public.${quoteIdent(table.name)}`)}
          where xmin::text not in (select xmin::text from drizzle.__drizzle_migrations)`,
    );
    if (count && count.n > 0) filled.push({ table: table.name, rows: count.n });
  }
  if (filled.length) throw new ConflictError(m.notEmpty(filled.sort((a, b) => b.rows - a.rows)));
}

function compareSchemas(backup: AppliedMigration[], here: AppliedMigration[]): void {
  for (let i = 0; i < Math.min(backup.length, here.length); i++) {
    if (backup[i]?.hash !== here[i]?.hash) throw new ConflictError(m.schemaDiffers);
  }
  if (backup.length > here.length) throw new ConflictError(m.schemaNewer(backup.length, here.length));
  if (backup.length < here.length) throw new ConflictError(m.schemaOlder(backup.length, here.length));
}

/** Empties every table, then loads the file's rows, sequences last; checks every count. */
async function load(tx: Db, header: BackupHeader, lines: AsyncGenerator<string>): Promise<{ tables: number; rows: number }> {
  const tables = new Map((await readTables(tx)).map((t) => [t.name, t]));
  for (const name of header.tables) if (!tables.has(name)) throw fileError(m.unknownTable(name));
  for (const name of tables.keys()) if (!header.tables.includes(name)) throw fileError(m.columnsDiffer(name));
  const qualified = (t: string) => sql.raw(`public.${quoteIdent(t)}`);
  // The file holds what triggers derived (the search index's history): they must not run again.
  for (const name of tables.keys()) await tx.execute(sql`alter table ${qualified(name)} disable trigger user`);
  await tx.execute(sql.raw(`truncate table ${[...tables.keys()].map((t) => `public.${quoteIdent(t)}`).join(', ')} restart identity`));

  const counted = new Map<string, number>();
  let current: { table: TableInfo; columns: string[] } | undefined;
  let batch: string[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (!current || !batch.length) return;
    const target = qualified(current.table.name);
    const columns = sql.raw(current.columns.map(quoteIdent).join(', '));
    const json = `[${batch.join(',')}]`;
    batch = [];
    batchChars = 0;
    try {
      await tx.execute(
        sql`insert into ${target} (${columns}) overriding system value select ${columns} from jsonb_populate_recordset(null::${target}, ${json}::jsonb)`,
      );
    } catch (error) {
      throw fileError(m.damagedTable(current.table.name, (error as Error).message));
    }
  };

  for await (const line of lines) {
    if (line.startsWith('{')) {
      if (!current) throw fileError(m.damaged(m.strayRow));
      batch.push(line);
      batchChars += line.length;
      counted.set(current.table.name, (counted.get(current.table.name) ?? 0) + 1);
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      continue;
    }
    await flush();
    const control = parseControl(line);
    if (control[0] === 'table') {
      const table = tables.get(control[1].name);
      if (!table) throw fileError(m.unknownTable(control[1].name));
      if ([...control[1].columns].sort().join() !== [...table.columns].sort().join()) throw fileError(m.columnsDiffer(table.name));
      current = { table, columns: control[1].columns };
      continue;
    }
    const end = control[1];
    let rows = 0;
    for (const name of tables.keys()) {
      const expected = end.rows[name] ?? 0;
      const [found] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${qualified(name)}`);
      if ((counted.get(name) ?? 0) !== expected || found?.n !== expected) throw fileError(m.countMismatch(name, expected, counted.get(name) ?? 0));
      rows += expected;
    }
    for (const sequence of end.sequences) {
      const name = `public.${quoteIdent(sequence.name)}`;
      await tx.execute(
        sequence.lastValue === null
          ? sql`select setval(${name}::regclass, start_value, false) from pg_sequences where schemaname = 'public' and sequencename = ${sequence.name}`
          : sql`select setval(${name}::regclass, ${sequence.lastValue}::bigint, true)`,
      );
    }
    for (const name of tables.keys()) await tx.execute(sql`alter table ${qualified(name)} enable trigger user`);
    return { tables: tables.size, rows };
  }
  throw fileError(m.incomplete);
}

function parseControl(line: string) {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw fileError(m.damaged(m.unreadableLine));
  }
  const table = tableLine.safeParse(value);
  if (table.success) return table.data;
  const end = endLine.safeParse(value);
  if (end.success) return end.data;
  throw fileError(m.damaged(m.unexpectedLine));
}

/** The file's lines, gunzipped as they are read; a gzip error (truncated, damaged) rejects the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let start = 0;
      for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

const isZlibError = (error: unknown) => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('Z_');
