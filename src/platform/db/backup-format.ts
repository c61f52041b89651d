import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from './database.ts';

/**
 * The backup file (ADR 0011): gzip'd JSON lines, the same for both drivers.
 *   ["arobase-backup", { formatVersion, createdAt, driver, migrations, tables }]
 *   ["table", { name, columns }]      then one line per row: the row as a JSON object (to_jsonb)
 *   ["end", { rows, sequences }]      the row count of every table, the sequences' values
 * Control lines are arrays and rows are objects, so a column can never be mistaken for a marker.
 */
export const BACKUP_MARKER = 'arobase-backup';
export const BACKUP_FORMAT_VERSION = 1;

const migration = z.object({ hash: z.string(), createdAt: z.string() });
export type AppliedMigration = z.infer<typeof migration>;

export const headerLine = z.tuple([
  z.literal(BACKUP_MARKER),
  z.object({
    formatVersion: z.number().int().positive(),
    createdAt: z.string().refine((v) => !Number.isNaN(Date.parse(v))),
    driver: z.enum(['pglite', 'postgres']),
    /** The migrations applied to the database it comes from, in order: its schema version. */
    migrations: z.array(migration),
    /** In restore order: a table comes after the tables its foreign keys point to. */
    tables: z.array(z.string()),
  }),
]);
export type BackupHeader = z.infer<typeof headerLine>[1];

export const tableLine = z.tuple([z.literal('table'), z.object({ name: z.string(), columns: z.array(z.string()).min(1) })]);

export const endLine = z.tuple([
  z.literal('end'),
  z.object({
    rows: z.record(z.string(), z.number().int().nonnegative()),
    /** `lastValue` null: the sequence was never used. Values as text: bigint. */
    sequences: z.array(z.object({ name: z.string(), lastValue: z.string().nullable() })),
  }),
]);

export type TableInfo = {
  name: string;
  /** The columns a backup holds and a restore writes: every column but the generated ones. */
  columns: string[];
  generated: string[];
  /** Rows may be large (photos): fetched a few at a time. */
  hasBytea: boolean;
};

/** The application's tables (schema `public`), parents before children (foreign keys). */
export async function readTables(db: Db): Promise<TableInfo[]> {
  const columns = await queryRows<{ table: string; column: string; generated: boolean; type: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attgenerated <> '' as "generated", t.typname as "type"
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_type t on t.oid = a.atttypid
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], generated: [], hasBytea: false };
    (c.generated ? table.generated : table.columns).push(c.column);
    if (c.type === 'bytea') table.hasBytea = true;
    tables.set(c.table, table);
  }
  const keys = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as "child", p.relname as "parent"
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  return parentsFirst([...tables.values()], keys);
}

/** Topological order, by name among equals; a table in a cycle of keys comes last (its restore fails loudly). */
function parentsFirst(tables: TableInfo[], keys: { child: string; parent: string }[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()]
      .filter((t) => !keys.some((k) => k.child === t.name && k.parent !== t.name && remaining.has(k.parent)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const next = ready.length ? ready : [...remaining.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const t of next) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}

/** The migrations drizzle recorded as applied, oldest first. */
export async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  return queryRows<AppliedMigration>(db, sql`select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`);
}

export async function readSequences(db: Db): Promise<{ name: string; lastValue: string | null }[]> {
  return queryRows(db, sql`select sequencename as "name", last_value::text as "lastValue" from pg_sequences where schemaname = 'public' order by sequencename`);
}

/** `"name"` for SQL text built here (DECLARE takes no parameters). */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;
