import assert from 'node:assert/strict';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { DataDirError, prepareDataDir, restrictDataDir, restrictTree } from './data-dir.ts';
import { openPglite } from './database.ts';

/** Every entry under `root` (itself included, links not followed) that group or others may use, with its mode. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return found;
}

const isRoot = process.getuid?.() === 0;

describe('DATA_DIR belongs to the server’s user alone (0700 directories, 0600 files)', () => {
  let dir: string;
  let umask: number;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'arobase-datadir-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  // The usual umask of a shell, which left PGlite’s files at 0666 and its directories at 0755.
  afterEach(() => process.umask(umask));
  const withUmask022 = () => {
    umask = process.umask(0o022);
  };

  test('an embedded database created, written, reopened and written again under umask 0022 has no file others may read', async () => {
    withUmask022();
    const dataDir = join(dir, 'neuve');
    prepareDataDir(dataDir);
    const pgdata = join(dataDir, 'pgdata');
    let database = await openPglite(pgdata);
    await database.pglite!.exec(`create table secrets (hash text); insert into secrets select md5(i::text) from generate_series(1, 5000) i; checkpoint;`);
    await database.close();
    database = await openPglite(pgdata);
    await database.pglite!.exec(`insert into secrets select md5(i::text) from generate_series(1, 5000) i; create index on secrets (hash);`);
    await database.close();
    assert.ok(readdirSync(join(pgdata, 'pg_wal')).length > 0, 'the write-ahead log is there');
    assert.deepEqual(openToOthers(dataDir), []);
  });

  test('an existing directory open to others is closed at start, without following links out of it', () => {
    withUmask022();
    const dataDir = join(dir, 'ancienne');
    mkdirSync(join(dataDir, 'pgdata', 'pg_wal'), { recursive: true });
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '17\n');
    writeFileSync(join(dataDir, 'pgdata', 'pg_wal', '000000010000000000000001'), 'mots de passe');
    chmodSync(join(dataDir, 'pgdata', 'pg_wal', '000000010000000000000001'), 0o666);
    chmodSync(join(dataDir, 'pgdata', 'pg_wal'), 0o777);
    chmodSync(dataDir, 0o755);
    const outside = join(dir, 'ailleurs.txt');
    writeFileSync(outside, 'pas à nous');
    chmodSync(outside, 0o644);
    symlinkSync(outside, join(dataDir, 'pgdata', 'lien'));
    // Not arobase’s: DATA_DIR may be a directory that holds other things (closed to others by DATA_DIR’s 0700).
    writeFileSync(join(dataDir, 'notes.txt'), 'à l’opérateur');
    chmodSync(join(dataDir, 'notes.txt'), 0o644);

    prepareDataDir(dataDir);
    assert.equal(statSync(dataDir).mode & 0o777, 0o700, 'DATA_DIR itself at once');
    assert.equal(restrictDataDir(dataDir), 4, 'pgdata, pg_wal, PG_VERSION and the WAL segment');
    assert.deepEqual(openToOthers(join(dataDir, 'pgdata')), []);
    assert.equal(statSync(join(dataDir, 'pgdata', 'pg_wal', '000000010000000000000001')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'pgdata', 'pg_wal')).mode & 0o777, 0o700);
    assert.equal(statSync(outside).mode & 0o777, 0o644, 'a link is not followed');
    assert.equal(statSync(join(dataDir, 'notes.txt')).mode & 0o777, 0o644, 'what is not arobase’s is left alone');
    assert.equal(restrictDataDir(dataDir), 0, 'nothing left to change');
  });

  test('a DATA_DIR that is a file is refused with a clear message', () => {
    const file = join(dir, 'un-fichier');
    writeFileSync(file, '');
    assert.throws(
      () => prepareDataDir(file),
      (e) => e instanceof DataDirError && e.message === `DATA_DIR=${file} n’est pas un dossier.`,
    );
  });

  test('a DATA_DIR, or a file in it, of another user is refused, not taken over', { skip: !isRoot && 'needs root to give a file to another user' }, () => {
    const dataDir = join(dir, 'a-quelqu-un');
    mkdirSync(join(dataDir, 'pgdata'), { recursive: true, mode: 0o700 });
    chownSync(dataDir, 4242, 4242);
    assert.throws(
      () => prepareDataDir(dataDir),
      (e) => e instanceof DataDirError && /appartient à un autre utilisateur \(uid 4242\).*chown/.test(e.message),
    );
    chownSync(dataDir, 0, 0);
    chownSync(join(dataDir, 'pgdata'), 4242, 4242);
    assert.throws(
      () => restrictTree(dataDir),
      (e) => e instanceof DataDirError && e.message.startsWith(`${join(dataDir, 'pgdata')} appartient à un autre utilisateur`),
    );
  });
});
