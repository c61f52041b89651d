import type { Db } from './db/database.ts';
import { countTerritories, importTerritories } from '../modules/territories/import-territories.service.ts';
import { ensureReferentialSeeded } from '../modules/referential/referential.service.ts';
import { rebuildSearchIndex, searchIndexNeedsRebuild } from '../modules/initiatives/search-sync.service.ts';

/**
 * The data every database needs before use: the official territories, the first referential, and
 * the search index of existing sheets. Run by `serve` and by the commands that may come first
 * (`import-palmares`, `seed-demo`); does nothing when it is all there.
 */
export async function ensureBaseData(db: Db, log: (line: string) => void): Promise<void> {
  if ((await countTerritories(db)) === 0) {
    log('Premier démarrage : chargement des territoires officiels (une dizaine de secondes)…');
    const result = await importTerritories(db);
    log(`${result.total} territoires chargés.`);
  }
  if (await ensureReferentialSeeded(db)) log('Premier démarrage : référentiel des services chargé.');
  if (await searchIndexNeedsRebuild(db)) log(`Index de recherche reconstruit : ${await rebuildSearchIndex(db)} fiches publiques.`);
}
