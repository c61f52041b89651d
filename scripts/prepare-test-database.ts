// Run by `npm test` before the tests: one migrated database holding every official territory,
// that each test file then copies (PGlite: a data-dir snapshot; PostgreSQL: a template database).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { importTerritories } from '../src/modules/territories/import-territories.service.ts';
import { ensureReferentialSeeded } from '../src/modules/referential/referential.service.ts';
import { SNAPSHOT_DIR, SNAPSHOT_PATH, SNAPSHOT_STAMP, adminUrl, templateDatabaseName, snapshotFingerprint } from '../test/support/snapshot.ts';

const fingerprint = snapshotFingerprint();

async function preparePglite() {
  if (existsSync(SNAPSHOT_PATH) && existsSync(SNAPSHOT_STAMP) && readFileSync(SNAPSHOT_STAMP, 'utf8') === fingerprint) {
    console.log('Base de test embarquée : à jour.');
    return;
  }
  const started = Date.now();
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const database = await openPglite('memory://');
  await runMigrations(database);
  await importTerritories(database.db);
  await ensureReferentialSeeded(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  writeFileSync(SNAPSHOT_PATH, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(SNAPSHOT_STAMP, fingerprint);
  await database.close();
  console.log(`Base de test embarquée préparée (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}

async function preparePostgres(url: string) {
  const started = Date.now();
  const template = templateDatabaseName(url);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`drop database if exists ${template} with (force)`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${template}`;
  const database = await openPostgres(target.toString(), { max: 2 });
  await runMigrations(database);
  await importTerritories(database.db);
  await ensureReferentialSeeded(database.db);
  await database.close();
  console.log(`Base de test PostgreSQL préparée (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}

async function dropPostgresTemplate(url: string) {
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDatabaseName(url)} with (force)`);
  await admin.end();
}

if (process.argv.includes('--drop')) {
  if (process.env.DATABASE_URL) await dropPostgresTemplate(process.env.DATABASE_URL);
} else {
  await preparePglite();
  if (process.env.DATABASE_URL) await preparePostgres(process.env.DATABASE_URL);
}
