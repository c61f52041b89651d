// The database of the page benchmark, made once per run: a temporary DATA_DIR (embedded PGlite) by
// default, or the database arobase_bench_pages on the PostgreSQL server DATABASE_URL points at
// (dropped at the end). On its way to the demo data it times two writes on the fresh database, in
// this process as a command would do them: every official territory, then the demo palmarès.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { formatNumber } from '../src/platform/views/format.ts';
import { ensureBaseData } from '../src/app/first-start.ts';
import { installModules } from '../src/app/modules.ts';
import { openConfiguredDatabase } from '../src/app/serve.ts';
import { systemCaller } from '../src/modules/accounts/permissions.rules.ts';
import { DEMO_PALMARES_FILE } from '../src/modules/demo/seed-demo.service.ts';
import { importPalmaresFile } from '../src/modules/palmares-import/import-palmares-store.service.ts';
import { importTerritories } from '../src/modules/territories/import-territories.service.ts';
import { runCli, type DatabaseEnv } from './bench-pages.server.ts';

const BENCH_DB = 'arobase_bench_pages';

export type Writes = {
  territories: { count: number; seconds: number };
  palmares: { results: number; editions: number; seconds: number };
};

export type BenchDatabase = {
  driver: 'pglite' | 'postgres';
  env: DatabaseEnv;
  writes: Writes;
  /** Removes what the run made (the temporary directory, or the database on the server). */
  drop: () => Promise<void>;
};

async function onServer(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Makes the database, times the two writes, then fills it with `arobase seed-demo --create`. */
export async function prepareDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let env: DatabaseEnv;
  let drop: () => Promise<void>;
  if (serverUrl) {
    await onServer(serverUrl, [`drop database if exists ${BENCH_DB} with (force)`, `create database ${BENCH_DB}`]);
    const url = new URL(serverUrl);
    url.pathname = `/${BENCH_DB}`;
    env = { DATABASE_URL: url.toString() };
    drop = () => onServer(serverUrl, [`drop database if exists ${BENCH_DB} with (force)`]);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'arobase-bench-pages-'));
    env = { DATA_DIR: join(dir, 'data') };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    const writes = await timeWrites(env);
    log(
      `Territoires importés en ${seconds(writes.territories.seconds)}, palmarès de démonstration en ${seconds(writes.palmares.seconds)}\u00a0; ` +
        'chargement des données de démonstration…',
    );
    await runCli(['seed-demo', '--create'], env);
    return { driver: serverUrl ? 'postgres' : 'pglite', env, writes, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

const seconds = (s: number) => `${formatNumber(Math.round(s * 10) / 10)}\u00a0s`;

/**
 * On the fresh database: importTerritories of every official territory, then the import of the demo
 * palmarès (ten editions, names matched to territories, results recorded, excellence computed), with
 * the modules' subscribers installed as in a command. seed-demo finds both done and leaves them.
 */
async function timeWrites(env: DatabaseEnv): Promise<Writes> {
  const { database, lock } = await openConfiguredDatabase(loadConfig({ ...env, LOG_LEVEL: 'warn' }));
  try {
    installModules();
    let started = performance.now();
    const territories = await importTerritories(database.db);
    const territoriesSeconds = (performance.now() - started) / 1000;
    await ensureBaseData(database.db, () => undefined);
    started = performance.now();
    const palmares = await importPalmaresFile(database.db, systemCaller('bench-pages'), {
      fileName: 'palmares-demo.csv',
      data: readFileSync(DEMO_PALMARES_FILE),
    });
    const palmaresSeconds = (performance.now() - started) / 1000;
    return {
      territories: { count: territories.total, seconds: territoriesSeconds },
      palmares: { results: palmares.inserted + palmares.updated, editions: palmares.editions.length, seconds: palmaresSeconds },
    };
  } finally {
    await database.close();
    lock?.release();
  }
}
