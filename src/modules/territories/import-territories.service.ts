import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { territories } from './schema.ts';
import { countDirectory } from './directory-counts.service.ts';
import { categoryOf, regionPublicCode, stratumOf, zeroByKind, type TerritoryKind } from './territory.rules.ts';

const require = createRequire(import.meta.url);

type SourceCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
};
type SourceEpci = {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: { code: string }[];
};
type SourceDepartement = { code: string; nom: string; region: string };
type SourceRegion = { code: string; nom: string };

export type TerritoryRow = typeof territories.$inferInsert;

/** Reads the official data shipped in @etalab/decoupage-administratif and derives our rows. */
export function loadOfficialTerritories(): TerritoryRow[] {
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as SourceCommune[]).filter((c) => c.type === 'commune-actuelle');
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as SourceEpci[];
  const departements = require('@etalab/decoupage-administratif/data/departements.json') as SourceDepartement[];
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as SourceRegion[];

  const epciOfCommune = new Map<string, string>();
  const epciDepartments = new Map<string, Map<string, number>>();
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  for (const epci of epcis) {
    const counts = new Map<string, number>();
    for (const member of epci.membres) {
      epciOfCommune.set(member.code, epci.code);
      const dep = communeByCode.get(member.code)?.departement;
      if (dep) counts.set(dep, (counts.get(dep) ?? 0) + 1);
    }
    epciDepartments.set(epci.code, counts);
  }

  const populationByDepartment = new Map<string, number>();
  const populationByRegion = new Map<string, number>();
  for (const c of communes) {
    const pop = c.population ?? 0;
    if (c.departement) populationByDepartment.set(c.departement, (populationByDepartment.get(c.departement) ?? 0) + pop);
    if (c.region) populationByRegion.set(c.region, (populationByRegion.get(c.region) ?? 0) + pop);
  }
  const regionOfDepartment = new Map(departements.map((d) => [d.code, d.region]));

  const row = (kind: TerritoryKind, r: Omit<TerritoryRow, 'kind' | 'category' | 'stratum'>): TerritoryRow => {
    const population = r.population ?? null;
    return { ...r, kind, category: categoryOf(kind, population), stratum: stratumOf(population) };
  };

  const rows: TerritoryRow[] = [];
  for (const r of regions) {
    rows.push(
      row('region', {
        code: regionPublicCode(r.code),
        officialCode: r.code,
        name: r.nom,
        population: populationByRegion.get(r.code) ?? null,
        regionCode: r.code,
      }),
    );
  }
  for (const d of departements) {
    rows.push(
      row('departement', {
        code: d.code,
        officialCode: d.code,
        name: d.nom,
        population: populationByDepartment.get(d.code) ?? null,
        departmentCode: d.code,
        regionCode: d.region,
      }),
    );
  }
  for (const e of epcis) {
    // An EPCI may straddle départements: it is filed under the one holding most of its communes.
    const counts = [...(epciDepartments.get(e.code) ?? new Map<string, number>()).entries()];
    const mainDepartment = counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    rows.push(
      row('epci', {
        code: e.code,
        officialCode: e.code,
        siren: e.code,
        legalForm: e.type,
        name: e.nom,
        population: e.populationMunicipale ?? null,
        departmentCode: mainDepartment,
        regionCode: mainDepartment ? (regionOfDepartment.get(mainDepartment) ?? null) : null,
      }),
    );
  }
  for (const c of communes) {
    rows.push(
      row('commune', {
        code: c.code,
        officialCode: c.code,
        siren: c.siren ?? null,
        name: c.nom,
        population: c.population ?? null,
        departmentCode: c.departement ?? null,
        regionCode: c.region ?? null,
        epciCode: epciOfCommune.get(c.code) ?? null,
        postcodes: c.codesPostaux ?? [],
      }),
    );
  }
  return rows;
}

export type ImportTerritoriesResult = { total: number; byKind: Record<TerritoryKind, number> };

const BATCH_SIZE = 1_000;

/**
 * Inserts or updates every territory in one transaction: a failed import leaves the previous data.
 * Running it twice changes nothing. Territories that vanished from the official data are kept
 * (memberships and label history may point to them).
 */
export async function importTerritories(db: Db, rows = loadOfficialTerritories()): Promise<ImportTerritoriesResult> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await tx
        .insert(territories)
        .values(rows.slice(i, i + BATCH_SIZE))
        .onConflictDoUpdate({
          target: territories.code,
          set: {
            kind: sql`excluded.kind`,
            name: sql`excluded.name`,
            officialCode: sql`excluded.official_code`,
            siren: sql`excluded.siren`,
            legalForm: sql`excluded.legal_form`,
            population: sql`excluded.population`,
            departmentCode: sql`excluded.department_code`,
            regionCode: sql`excluded.region_code`,
            epciCode: sql`excluded.epci_code`,
            postcodes: sql`excluded.postcodes`,
            category: sql`excluded.category`,
            stratum: sql`excluded.stratum`,
            updatedAt: sql`now()`,
          },
          // Leaves unchanged rows untouched: a re-import writes nothing when the data is the same.
          setWhere: sql`(territories.kind, territories.name, territories.official_code, territories.siren,
            territories.legal_form, territories.population, territories.department_code, territories.region_code,
            territories.epci_code, territories.postcodes, territories.category, territories.stratum)
            is distinct from (excluded.kind, excluded.name, excluded.official_code, excluded.siren,
            excluded.legal_form, excluded.population, excluded.department_code, excluded.region_code,
            excluded.epci_code, excluded.postcodes, excluded.category, excluded.stratum)`,
        });
    }
    await countDirectory(tx);
    await emit(tx, 'territories.imported', { total: rows.length });
  });
  // PGlite has no autovacuum: without fresh statistics the planner ignores the trigram index.
  await db.execute(sql`analyze territories`);
  const byKind = zeroByKind();
  for (const r of rows) byKind[r.kind] += 1;
  return { total: rows.length, byKind };
}

export async function countTerritories(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(territories);
  return r?.n ?? 0;
}
