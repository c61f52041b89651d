import { readFileSync } from 'node:fs';
import type { Db } from '../../platform/db/database.ts';
import type { SystemCaller } from '../accounts/permissions.rules.ts';
import { importPalmaresFile } from '../palmares-import/import-palmares-store.service.ts';
import { seedDemoCampaign } from './seed-demo-campaign.service.ts';
import { seedDemoInitiatives } from './seed-demo-initiatives.service.ts';
import { LE_TRAIT, TRELAZE, seedDemoNr } from './seed-demo-nr.service.ts';
import { seedDemoJury } from './seed-demo-jury.service.ts';
import { projectPath } from '../../platform/project-root.ts';

/** Ten invented editions of the label over real territories (scripts/generate-demo-palmares.ts). */
export const DEMO_PALMARES_FILE = projectPath('demo', 'palmares-demo.csv');

/**
 * Fills a database so a newcomer sees a living platform: the demo palmarès goes through the same
 * import as a real one (matching included), then a few public sheets of the seed articles'
 * territories, an open campaign with dossiers at several stages, and Le Trait's and Trélazé's
 * responsible digital (seed-demo-nr.service.ts); with `jury`, that edition then
 * under the jury's review (seed-demo-jury.service.ts). Running it again changes nothing
 * (but prints fresh login links). The system does it, for the reason `caller` gives.
 */
export async function seedDemo(db: Db, caller: SystemCaller, options: { baseUrl: string; jury?: boolean }) {
  const results = await importPalmaresFile(db, caller, { fileName: 'palmares-demo.csv', data: readFileSync(DEMO_PALMARES_FILE) });
  const initiatives = await seedDemoInitiatives(db, caller);
  const campaign = await seedDemoCampaign(db, caller, { baseUrl: options.baseUrl });
  // Le Trait's responsible digital (seed 001) and Trélazé's.
  const nr = await seedDemoNr(db, caller);
  // `--jury`: the same edition, moved on to the jury's work (the open campaign stays the default demo).
  const jury = options.jury ? await seedDemoJury(db, caller, campaign.year, { baseUrl: options.baseUrl }) : undefined;
  const pages = { public: `${options.baseUrl}/territoires/${LE_TRAIT}`, workspace: `${options.baseUrl}/espace/${TRELAZE}/numerique-responsable` };
  return { results, initiatives, campaign, nr: { ...nr, pages }, jury };
}
