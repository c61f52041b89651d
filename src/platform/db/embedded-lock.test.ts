import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { acquireEmbeddedLock, EmbeddedDatabaseBusy, lockPath } from './embedded-lock.ts';

const lockModule = fileURLToPath(new URL('./embedded-lock.ts', import.meta.url));

/** Tries to take the lock from another process; answers what that process saw. */
function acquireFromAnotherProcess(dataDir: string): string {
  const script = `
    const { acquireEmbeddedLock } = await import(${JSON.stringify(lockModule)});
    try { acquireEmbeddedLock(${JSON.stringify(dataDir)}).release(); console.log('acquired'); }
    catch (error) { console.log(error.name + ': ' + error.message); }`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  return res.stdout.trim();
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const res = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(res.stdout.trim());
}

describe('embedded database lock (one process per DATA_DIR)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'arobase-lock-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the holder writes its pid; another process is refused at once with a clear message', () => {
    const lock = acquireEmbeddedLock(dir);
    try {
      assert.equal(readFileSync(lockPath(dir), 'utf8'), String(process.pid));
      const seen = acquireFromAnotherProcess(dir);
      assert.equal(seen, `EmbeddedDatabaseBusy: La base embarquée est déjà ouverte par un autre processus (pid ${process.pid}).`);
    } finally {
      lock.release();
    }
    assert.equal(existsSync(lockPath(dir)), false, 'released');
    assert.equal(acquireFromAnotherProcess(dir), 'acquired', 'free again after release');
  });

  test('a lock left by a dead process is taken over', () => {
    writeFileSync(lockPath(dir), String(deadPid()));
    const lock = acquireEmbeddedLock(dir);
    assert.equal(readFileSync(lockPath(dir), 'utf8'), String(process.pid));
    lock.release();
  });

  test('an unreadable lock file is taken over', () => {
    writeFileSync(lockPath(dir), 'n’importe quoi');
    const lock = acquireEmbeddedLock(dir);
    assert.equal(readFileSync(lockPath(dir), 'utf8'), String(process.pid));
    lock.release();
  });

  test('releasing does not remove a lock that another process took since', () => {
    const lock = acquireEmbeddedLock(dir);
    writeFileSync(lockPath(dir), '1');
    lock.release();
    assert.equal(readFileSync(lockPath(dir), 'utf8'), '1');
    rmSync(lockPath(dir));
  });

  test('a live holder is never taken over', { skip: process.pid === 1 && 'this process is pid 1' }, () => {
    // pid 1 is always alive (init); kill(1, 0) answers EPERM or success, both mean alive.
    writeFileSync(lockPath(dir), '1');
    assert.throws(() => acquireEmbeddedLock(dir), EmbeddedDatabaseBusy);
    assert.equal(readFileSync(lockPath(dir), 'utf8'), '1');
    rmSync(lockPath(dir));
  });
});
