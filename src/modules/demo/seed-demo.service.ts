import { readFileSync } from 'node:fs';
import type { Db } from '../../platform/db/database.ts';
import type { SystemCaller } from '../accounts/permissions.rules.ts';
import { importPalmaresFile } from '../palmares-import/import-palmares-store.service.ts';
import { seedDemoCampaign } from './seed-demo-campaign.service.ts';
import { seedDemoInitiatives } from './seed-demo-initiatives.service.ts';

/** Ten invented editions of the label over real territories (scripts/generate-demo-palmares.ts). */
export const DEMO_PALMARES_FILE = new URL('../../../demo/palmares-demo.csv', import.meta.url);

/**
 * Fills a database so a newcomer sees a living platform: the demo palmarès goes through the same
 * import as a real one (matching included), then a few public sheets of the seed articles'
 * territories, and an open campaign with dossiers at several stages. Running it again changes nothing
 * (but prints fresh login links). The system does it, for the reason `caller` gives.
 */
export async function seedDemo(db: Db, caller: SystemCaller, options: { baseUrl: string }) {
  const results = await importPalmaresFile(db, caller, { fileName: 'palmares-demo.csv', data: readFileSync(DEMO_PALMARES_FILE) });
  const initiatives = await seedDemoInitiatives(db, caller);
  const campaign = await seedDemoCampaign(db, caller, options);
  return { results, initiatives, campaign };
}
