import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { onFirstUse } from '../first-use.ts';
import { restrictTree, usePrivateUmask } from './data-dir.ts';
import { memoiseReads, readKey } from './read-memo.ts';
/**
 * One interface for both drivers: services take a `Db` (a transaction is one too). Typed without the
 * schema: queries name their tables (no relational API), so the platform knows no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** The embedded engine, for backup/restore; undefined on a PostgreSQL server. */
  pglite?: PGlite;
  /** The connection pool of a PostgreSQL server; undefined when embedded. */
  pool?: pg.Pool;
  close(): Promise<void>;
};

const pgliteExtensions = { unaccent, pg_trgm };

/** Opens the embedded database stored in `dir` (`memory://` for a throw-away one). */
export async function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const onDisk = !dir.startsWith('memory://');
  if (onDisk) {
    usePrivateUmask();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  const client = await PGlite.create(dir, {
    extensions: pgliteExtensions,
    // PostgreSQL's buffer pool lives in the WebAssembly memory, which never shrinks: 128 MB by default
    // (all of it resident once the server has run a while), 16 MB here. The files are in the system's
    // page cache anyway; measured on the demo, the server's memory drops by about 160 MB (30 of them
    // from 32 MB to 16), its cold pages as fast (npm run bench -- --pages).
    postgresqlconf: ['shared_buffers = 16MB'],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  if (onDisk) {
    // PGlite writes a new database's files with an explicit chmod 0666, past the umask.
    try {
      restrictTree(dir);
    } catch (error) {
      await client.close();
      throw error;
    }
  }
  // Queries outside a transaction go through `query` (a transaction's own object is not wrapped).
  const query = client.query.bind(client);
  client.query = memoiseReads(query, ([text, params, options]) => readKey(text, params, options?.rowMode));
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
}

/** The `application_name` of this process's connections to a PostgreSQL server. */
export const postgresSessionName = () => `arobase (pid ${process.pid})`;

/** node-postgres, loaded when a PostgreSQL server is used (the embedded database does without it). */
export const loadPg = onFirstUse(async () => (await import('pg')).default);

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const [pg, { drizzle: drizzlePg }] = await Promise.all([loadPg(), import('drizzle-orm/node-postgres')]);
  // Named after the process in pg_stat_activity: a restore tells its own connections from the servers'.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: postgresSessionName() });
  // Fail fast with a clear error instead of on the first request.
  const probe = await pool.connect();
  probe.release();
  pool.on('error', () => {
    /* an idle client died; the pool replaces it */
  });
  // Queries outside a transaction go through the pool's `query` (a transaction holds a client of its own).
  const query = pool.query.bind(pool) as (config: pg.QueryConfig | string, values?: unknown[]) => Promise<pg.QueryResult>;
  pool.query = memoiseReads(query, ([config, values, ...rest]) =>
    typeof values === 'function' || rest.length
      ? null
      : typeof config === 'string'
        ? readKey(config, values, undefined)
        : readKey(config.text, values ?? config.values, (config as { rowMode?: string }).rowMode),
  ) as typeof pool.query;
  const db = drizzlePg(pool) as unknown as Db;
  return { db, driver: 'postgres', pool, close: () => pool.end() };
}

export function embeddedDataPath(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/** Whether DATA_DIR already holds an embedded database (a command must not create one by mistake). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(join(embeddedDataPath(dataDir), 'PG_VERSION'));
}

/** Rows of a raw query, whatever the driver (both answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** A unique constraint refused a row (SQLSTATE 23505), whichever driver and wrapper raised it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}
