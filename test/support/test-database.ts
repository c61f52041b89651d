import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/database.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { installModules } from '../../src/app/modules.ts';
import { SNAPSHOT_PATH, adminUrl, templateDatabaseName } from './snapshot.ts';

export type Driver = 'pglite' | 'postgres';

/**
 * The database an integration suite runs on: PostgreSQL when DATABASE_URL points at a server (as in
 * CI), PGlite otherwise. Both are the same engine; the browser tests run the whole app on PGlite.
 */
export const drivers: Driver[] = process.env.DATABASE_URL ? ['postgres'] : ['pglite'];

/**
 * Both drivers when a server is given: for the files whose subject is where the drivers differ
 * (migrations, backup and restore, notifications between processes, the page cache, the full-text
 * search's extensions, the demo on the embedded database).
 */
export const everyDriver: Driver[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export type TestDatabase = Database & { dispose(): Promise<void> };

/**
 * A fresh, isolated database for one test file: migrated, and holding every official territory
 * (copied from the snapshot `npm test` prepares, so each file does not import 36,000 rows again).
 */
export async function openTestDatabase(driver: Driver, options: { territories?: boolean } = {}): Promise<TestDatabase> {
  // Services called directly in tests tell the other modules what happened, as in the app.
  installModules();
  const withTerritories = options.territories ?? true;
  if (driver === 'pglite') {
    let database: Database;
    if (withTerritories) {
      if (!existsSync(SNAPSHOT_PATH)) throw new Error(`Missing ${SNAPSHOT_PATH}: run the tests with \`npm test\`, which prepares it.`);
      database = await openPglite('memory://', { loadDataDir: new Blob([readFileSync(SNAPSHOT_PATH)]) });
    } else {
      database = await openPglite('memory://');
    }
    await runMigrations(database);
    return { ...database, dispose: () => database.close() };
  }
  const url = process.env.DATABASE_URL!;
  const name = `arobase_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(withTerritories ? `create database ${name} template ${templateDatabaseName(url)}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString(), { max: 4 });
  await runMigrations(database);
  return {
    ...database,
    async dispose() {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl(url) });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
