import { loadFormerCommunes } from './former-communes.ts';
import { loadOfficialTerritories } from './import-territories.service.ts';
import { buildMatchIndex, type MatchCandidate } from './territory-matching.rules.ts';

/**
 * The matching index over the official data shipped with the platform, without a database: for the
 * demo generator and the matching tests (the import itself reads the territories from the database).
 */
export function officialMatchIndex() {
  const territories = loadOfficialTerritories();
  const candidates: MatchCandidate[] = territories.map((t) => ({
    code: t.code,
    name: t.name,
    kind: t.kind,
    departmentCode: t.departmentCode ?? null,
    legalForm: t.legalForm ?? null,
    population: t.population ?? null,
  }));
  return { territories, candidates, index: buildMatchIndex(candidates, loadFormerCommunes()) };
}
