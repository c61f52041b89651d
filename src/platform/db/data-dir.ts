import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { databaseMessages } from './messages.ts';

const m = databaseMessages.dataDir;

/** Group and other permission bits: none of them may be set under DATA_DIR. */
const OTHERS = 0o077;

/** DATA_DIR cannot be made private to the server's user: the process refuses to go on, and says why. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/**
 * From now on this process creates files for its user alone (0600, directories 0700). The
 * embedded database holds password hashes and personal data in its pages and write-ahead log.
 */
export function usePrivateUmask(): void {
  process.umask(process.umask(OTHERS) | OTHERS);
}

function statOrNull(path: string, followLink: boolean): Stats | null {
  try {
    return followLink ? statSync(path) : lstatSync(path);
  } catch (error) {
    // PostgreSQL removes temporary files while we walk: gone is fine.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataDirError(m.unreadable(path, (error as Error).message));
  }
}

/**
 * Removes the group and other bits of `root` and of everything under it, without following
 * symbolic links inside it (`root` itself may be one, chosen by the operator); refuses entries of
 * another user. Answers how many entries it changed.
 */
export function restrictTree(root: string): number {
  const self = process.getuid?.();
  let changed = 0;
  const visit = (path: string, isRoot = false) => {
    const stat = statOrNull(path, isRoot);
    if (!stat || stat.isSymbolicLink()) return;
    if (self !== undefined && stat.uid !== self) throw new DataDirError(m.notOwner(path, stat.uid, self));
    if (stat.mode & OTHERS) {
      try {
        chmodSync(path, stat.mode & 0o700);
        changed++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new DataDirError(m.unreadable(path, (error as Error).message));
      }
    }
    if (!stat.isDirectory()) return;
    let names: string[] = [];
    try {
      names = readdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new DataDirError(m.unreadable(path, (error as Error).message));
    }
    for (const name of names) visit(join(path, name));
  };
  visit(root, true);
  return changed;
}

/**
 * What arobase keeps in DATA_DIR. Only these are walked: DATA_DIR may be a directory that holds other
 * things too (`.`, a home directory), whose modes are not ours to change; DATA_DIR itself is 0700.
 */
const OWN_ENTRIES = ['pgdata', 'arobase.pid', 'arobase.sock'];

/** `restrictTree` over what arobase keeps in DATA_DIR; answers how many entries it changed. */
export function restrictDataDir(dataDir: string): number {
  return OWN_ENTRIES.reduce((changed, name) => changed + (existsSync(join(dataDir, name)) ? restrictTree(join(dataDir, name)) : 0), 0);
}

/**
 * Makes `dataDir` a directory of this user alone (created 0700 if missing), before anything is
 * written in it; the walk over its content comes once the process holds it (`restrictDataDir`).
 */
export function prepareDataDir(dataDir: string): void {
  usePrivateUmask();
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      throw new DataDirError(m.notDirectory(dataDir));
    throw new DataDirError(m.unreadable(dataDir, (error as Error).message));
  }
  const stat = statSync(dataDir);
  if (!stat.isDirectory()) throw new DataDirError(m.notDirectory(dataDir));
  const self = process.getuid?.();
  if (self !== undefined && stat.uid !== self) throw new DataDirError(m.notOwner(dataDir, stat.uid, self));
  if (stat.mode & OTHERS) chmodSync(dataDir, stat.mode & 0o700);
}
