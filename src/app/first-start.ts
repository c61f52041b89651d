import type { Db } from '../platform/db/database.ts';
import { MODULES } from './modules.ts';

/**
 * The data every database needs before use, each module's part in module order (the official
 * territories, the first referential, the search index of existing sheets…). Run by `serve` and by
 * the commands that may come first (`import-palmares`, `seed-demo`); does nothing when it is all there.
 */
export async function ensureBaseData(db: Db, log: (line: string) => void): Promise<void> {
  for (const manifest of MODULES) await manifest.firstStart?.(db, log);
}
