import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Only one process may open the embedded database: two would corrupt it.
 * The holder writes its pid in DATA_DIR/arobase.pid; a file left by a dead process is taken over.
 */
export type EmbeddedLock = { release(): void };

export class EmbeddedDatabaseBusy extends Error {
  constructor(public readonly pid: number) {
    super(`La base embarquée est déjà ouverte par un autre processus (pid ${pid}).`);
    this.name = 'EmbeddedDatabaseBusy';
  }
}

export function lockPath(dataDir: string) {
  return join(dataDir, 'arobase.pid');
}

export function commandSocketPath(dataDir: string) {
  return join(dataDir, 'arobase.sock');
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (isAlive(holder) && holder !== process.pid) throw new EmbeddedDatabaseBusy(holder);
      try {
        unlinkSync(path);
      } catch {
        /* another process took it over first; try again */
      }
    }
  }
  throw new Error(`Impossible de prendre le verrou ${path}.`);
}
