import { readFileSync } from 'node:fs';
import type { Db } from '../../platform/db/database.ts';
import type { SystemCaller } from '../accounts/permissions.rules.ts';
import { importPalmaresFile } from '../palmares-import/import-palmares-store.service.ts';
import { seedDemoInitiatives } from './seed-demo-initiatives.service.ts';

/** Ten invented editions of the label over real territories (scripts/generate-demo-palmares.ts). */
export const DEMO_PALMARES_FILE = new URL('../../../demo/palmares-demo.csv', import.meta.url);

/**
 * Fills a database so a newcomer sees a living platform: the demo palmarès goes through the same
 * import as a real one (matching included), then a few public sheets of the seed articles'
 * territories. Running it again changes nothing. The system does it, for the reason `caller` gives.
 */
export async function seedDemo(db: Db, caller: SystemCaller) {
  const results = await importPalmaresFile(db, caller, { fileName: 'palmares-demo.csv', data: readFileSync(DEMO_PALMARES_FILE) });
  const initiatives = await seedDemoInitiatives(db, caller);
  return { results, initiatives };
}
