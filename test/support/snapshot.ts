import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SNAPSHOT_DIR = join(root, '.cache');
// Uncompressed: each test file loads it, and gunzip cost about half a second of CPU per load.
export const SNAPSHOT_PATH = join(SNAPSHOT_DIR, 'test-database.tar');
export const SNAPSHOT_STAMP = join(SNAPSHOT_DIR, 'test-database.stamp');
/**
 * The PostgreSQL template the test databases are copied from, named after the database DATABASE_URL
 * points at: two runs given two databases (as CI creates a fresh one per run) never share a template.
 */
export function templateDatabaseName(databaseUrl: string): string {
  const base = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'postgres';
  return `${base
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase()
    .slice(0, 40)}_arobase_tpl`;
}

/** What the snapshot depends on: when any of it changes, the snapshot is rebuilt. */
export function snapshotFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'migrations'), { recursive: true }).map((f) => join('migrations', String(f))),
    'src/modules/territories/import-territories.service.ts',
    'src/modules/territories/directory-counts.service.ts',
    'src/modules/territories/territory.rules.ts',
    'src/modules/referential/catalogue.data.ts',
    'src/modules/referential/referential.service.ts',
    'node_modules/@etalab/decoupage-administratif/package.json',
    'node_modules/@electric-sql/pglite/package.json',
  ];
  for (const f of files.sort()) {
    const path = join(root, f);
    if (statSync(path).isFile()) hash.update(f).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The maintenance database of the server DATABASE_URL points at, to create and drop test databases. */
export function adminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}
