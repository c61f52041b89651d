import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type SourceCommune = { code: string; nom: string; type: string; departement?: string; chefLieu?: string };

/** A commune merged into a current one: its name still appears in older palmarès. */
export type FormerCommune = { name: string; departmentCode: string; currentCode: string };

/**
 * Former communes (communes déléguées and associées) from @etalab/decoupage-administratif, each
 * with the code of the current commune that absorbed it. A commune déléguée that merely repeats the
 * name of its current commune is kept: the matching rules ignore such duplicates.
 */
export function loadFormerCommunes(): FormerCommune[] {
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as SourceCommune[];
  const former: FormerCommune[] = [];
  for (const c of communes) {
    if (c.type !== 'commune-deleguee' && c.type !== 'commune-associee') continue;
    if (!c.departement || !c.chefLieu) continue;
    former.push({ name: c.nom, departmentCode: c.departement, currentCode: c.chefLieu });
  }
  return former;
}
