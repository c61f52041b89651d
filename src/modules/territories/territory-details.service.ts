import type { Db } from '../../platform/db/database.ts';
import { getTerritory, listEpciMembers, type TerritorySummary } from './search-territories.service.ts';
import { regionPublicCode } from './territory.rules.ts';

export type TerritoryDetails = NonNullable<Awaited<ReturnType<typeof getTerritoryDetails>>>;

/** Everything the territory page and `GET /api/v1/territories/:code` show. */
export async function getTerritoryDetails(db: Db, code: string) {
  const territory = await getTerritory(db, code);
  if (!territory) return null;
  const [department, region, epci, members] = await Promise.all([
    territory.departmentCode && territory.kind !== 'departement' ? getTerritory(db, territory.departmentCode) : null,
    territory.regionCode && territory.kind !== 'region' ? getTerritory(db, regionPublicCode(territory.regionCode)) : null,
    territory.epciCode ? getTerritory(db, territory.epciCode) : null,
    territory.kind === 'epci' ? listEpciMembers(db, territory.code) : Promise.resolve([] as TerritorySummary[]),
  ]);
  return {
    code: territory.code,
    name: territory.name,
    kind: territory.kind,
    officialCode: territory.officialCode,
    siren: territory.siren,
    legalForm: territory.legalForm,
    population: territory.population,
    category: territory.category,
    stratum: territory.stratum,
    postcodes: territory.postcodes,
    department: department ? { code: department.code, name: department.name } : null,
    region: region && territory.regionCode ? { code: territory.regionCode, publicCode: region.code, name: region.name } : null,
    epci: epci ? { code: epci.code, name: epci.name, legalForm: epci.legalForm } : null,
    members,
  };
}
