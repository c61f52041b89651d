import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { EditionState } from './edition-lifecycle.rules.ts';
import { getTerritoriesByCodes, listAreas } from '../territories/search-territories.service.ts';
import type { TerritoryCategory, TerritoryKind, TerritoryStratum } from '../territories/territory.rules.ts';
import { regionPublicCode } from '../territories/territory.rules.ts';
import {
  countLevels,
  DEFAULT_EXCELLENCE,
  distinctionsHeld,
  EXCELLENCE_CODE,
  excellenceStatus,
  holdsExcellence,
  type DistinctionKind,
  type ExcellenceParameters,
  type ExcellenceStatus,
  type LevelCounts,
} from './results.rules.ts';
import { distinctions, editions, resultDistinctions, results } from './schema.ts';

export type Distinction = {
  code: string;
  name: string;
  kind: DistinctionKind;
  description: string;
  aliases: string[];
};

export type EditionSummary = {
  year: number;
  state: EditionState;
  total: number;
  levels: LevelCounts;
  /** Distinction code → laureates holding it in this edition. */
  distinctions: Record<string, number>;
};

/** One line of a palmarès, with what the filters and the map need about the territory. */
export type EditionResult = {
  code: string;
  name: string;
  kind: TerritoryKind;
  category: TerritoryCategory;
  stratum: TerritoryStratum | null;
  population: number | null;
  department: { code: string; name: string } | null;
  region: { code: string; publicCode: string; name: string } | null;
  level: number;
  distinctions: string[];
};

/**
 * The embargo in SQL, the one condition every public read of results goes through (isPublicEdition
 * in edition-lifecycle.rules.ts is the same rule): published, or deliberated with its publication
 * instant come on the database's clock. Nothing waits for a job or a deploy: at the instant, every
 * process's next query shows the edition.
 */
export const publicEditionSql = sql`(${editions.state} = 'published' or (${editions.state} = 'deliberated' and ${editions.publishedAt} <= now()))`;

/**
 * Editions whose results stand, public or still under embargo: what the title's rule counts when it
 * is recomputed, so that a scheduled edition's grants are written with its results and appear with them.
 */
export const editionWithResultsSql = sql`(${editions.state} = 'published' or (${editions.state} = 'deliberated' and ${editions.publishedAt} is not null))`;

export type PublishedResult = { year: number; territoryCode: string; level: number; distinctions: string[] };

export async function listDistinctions(db: Db): Promise<Distinction[]> {
  return db
    .select({ code: distinctions.code, name: distinctions.name, kind: distinctions.kind, description: distinctions.description, aliases: distinctions.aliases })
    .from(distinctions)
    .orderBy(asc(distinctions.position));
}

export async function getExcellenceParameters(db: Db): Promise<ExcellenceParameters> {
  const [row] = await db
    .select({ consecutiveTopLevels: distinctions.consecutiveTopLevels, validityYears: distinctions.validityYears })
    .from(distinctions)
    .where(eq(distinctions.code, EXCELLENCE_CODE));
  if (!row?.consecutiveTopLevels || !row.validityYears) return DEFAULT_EXCELLENCE;
  return { consecutiveTopLevels: row.consecutiveTopLevels, validityYears: row.validityYears };
}

/** Published editions, newest first, with their counts per level and per distinction (the title counted where held). */
export async function listPublishedEditions(db: Db): Promise<EditionSummary[]> {
  const { validityYears } = await getExcellenceParameters(db);
  const [editionRows, levelRows, distinctionRows, holderRows] = await Promise.all([
    db.select({ year: editions.year, state: editions.state }).from(editions).where(publicEditionSql).orderBy(desc(editions.year)),
    db
      .select({ year: results.year, level: results.level, n: sql<number>`count(*)::int` })
      .from(results)
      .innerJoin(editions, and(eq(editions.year, results.year), publicEditionSql))
      .groupBy(results.year, results.level),
    db
      .select({ year: resultDistinctions.year, code: resultDistinctions.distinctionCode, n: sql<number>`count(*)::int` })
      .from(resultDistinctions)
      .innerJoin(editions, and(eq(editions.year, resultDistinctions.year), publicEditionSql))
      .where(sql`${resultDistinctions.distinctionCode} <> ${EXCELLENCE_CODE}`)
      .groupBy(resultDistinctions.year, resultDistinctions.distinctionCode),
    db
      .select({ year: results.year, n: sql<number>`count(*)::int` })
      .from(results)
      .innerJoin(editions, and(eq(editions.year, results.year), publicEditionSql))
      .where(holdsExcellenceSql(validityYears))
      .groupBy(results.year),
  ]);
  return editionRows.map((edition) => {
    const levels = countLevels([]);
    let total = 0;
    for (const row of levelRows) {
      if (row.year !== edition.year) continue;
      levels[row.level as 1] += row.n;
      total += row.n;
    }
    const byDistinction: Record<string, number> = {};
    for (const row of distinctionRows) if (row.year === edition.year) byDistinction[row.code] = row.n;
    const holders = holderRows.find((row) => row.year === edition.year)?.n ?? 0;
    if (holders > 0) byDistinction[EXCELLENCE_CODE] = holders;
    // A deliberated edition past its instant is published for everyone; the job only catches up.
    const state = edition.state === 'deliberated' ? 'published' : edition.state;
    return { year: edition.year, state, total, levels, distinctions: byDistinction };
  });
}

/** The years of the published editions, oldest first. */
export async function listPublishedEditionYears(db: Db): Promise<number[]> {
  const rows = await db.select({ year: editions.year }).from(editions).where(publicEditionSql).orderBy(asc(editions.year));
  return rows.map((e) => e.year);
}

/** An edition whose results are public, or null (unknown, or not yet published). */
export async function getPublishedEdition(db: Db, year: number) {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.year, year), publicEditionSql));
  return row ?? null;
}

/**
 * SQL for "the result's territory holds the title in the result's year" (holdsExcellence in
 * results.rules.ts): a grant of that year or of one of the `validityYears - 1` before it.
 */
function holdsExcellenceSql(validityYears: number) {
  return sql`exists (select 1 from ${resultDistinctions} as grant_row
    where grant_row.distinction_code = ${EXCELLENCE_CODE}
      and grant_row.territory_code = ${results.territoryCode}
      and grant_row.year <= ${results.year}
      and grant_row.year > ${results.year} - ${validityYears}::int)`;
}

/** The years each territory was granted the title, oldest first (one territory when `territoryCode` is set). */
export async function listExcellenceGrants(db: Db, territoryCode?: string): Promise<Map<string, number[]>> {
  const conditions: SQL[] = [eq(resultDistinctions.distinctionCode, EXCELLENCE_CODE), publicEditionSql];
  if (territoryCode !== undefined) conditions.push(eq(resultDistinctions.territoryCode, territoryCode));
  const rows = await db
    .select({ territoryCode: resultDistinctions.territoryCode, year: resultDistinctions.year })
    .from(resultDistinctions)
    .innerJoin(editions, eq(editions.year, resultDistinctions.year))
    .where(and(...conditions))
    .orderBy(asc(resultDistinctions.year));
  const grants = new Map<string, number[]>();
  for (const row of rows) grants.set(row.territoryCode, [...(grants.get(row.territoryCode) ?? []), row.year]);
  return grants;
}

/**
 * Every published result with the distinctions held that year: the raw material of the palmarès,
 * statistics, the API and open data. The title is carried in each year it is valid, not only the
 * year it was granted (holdsExcellence).
 */
export async function listPublishedResults(db: Db, options: { year?: number; territoryCode?: string } = {}): Promise<PublishedResult[]> {
  const [rows, grants, parameters, catalogue] = await Promise.all([
    listStoredResults(db, options),
    listExcellenceGrants(db, options.territoryCode),
    getExcellenceParameters(db),
    listDistinctions(db),
  ]);
  const order = catalogue.map((d) => d.code);
  return rows.map((row) => ({
    ...row,
    distinctions: distinctionsHeld(row.distinctions, holdsExcellence(grants.get(row.territoryCode) ?? [], row.year, parameters), order),
  }));
}

async function listStoredResults(db: Db, options: { year?: number; territoryCode?: string }): Promise<PublishedResult[]> {
  const conditions: SQL[] = [publicEditionSql];
  if (options.year !== undefined) conditions.push(eq(results.year, options.year));
  if (options.territoryCode !== undefined) conditions.push(eq(results.territoryCode, options.territoryCode));
  const rows = await db
    .select({
      year: results.year,
      territoryCode: results.territoryCode,
      level: results.level,
      distinctions: sql<
        string[]
      >`coalesce(array_agg(${resultDistinctions.distinctionCode} order by ${distinctions.position}) filter (where ${resultDistinctions.distinctionCode} is not null), '{}')`,
    })
    .from(results)
    .innerJoin(editions, eq(editions.year, results.year))
    .leftJoin(resultDistinctions, and(eq(resultDistinctions.year, results.year), eq(resultDistinctions.territoryCode, results.territoryCode)))
    .leftJoin(distinctions, eq(distinctions.code, resultDistinctions.distinctionCode))
    .where(and(...conditions))
    .groupBy(results.year, results.territoryCode, results.level)
    .orderBy(desc(results.year), desc(results.level), asc(results.territoryCode));
  return rows;
}

/** Each territory's latest published result (its current level), for those that have one. */
export async function currentLevels(db: Db, territoryCodes: string[]): Promise<Map<string, { year: number; level: number }>> {
  if (territoryCodes.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([results.territoryCode], { territoryCode: results.territoryCode, year: results.year, level: results.level })
    .from(results)
    .innerJoin(editions, and(eq(editions.year, results.year), publicEditionSql))
    .where(inArray(results.territoryCode, [...new Set(territoryCodes)]))
    .orderBy(results.territoryCode, desc(results.year));
  return new Map(rows.map((r) => [r.territoryCode, { year: r.year, level: r.level }]));
}

/** "year|territory" of the results the jury deliberated in these editions: imports never replace them. */
export async function listDeliberatedResultKeys(db: Db, years: number[]): Promise<Set<string>> {
  if (years.length === 0) return new Set();
  const rows = await db
    .select({ year: results.year, territoryCode: results.territoryCode })
    .from(results)
    .where(and(inArray(results.year, years), eq(results.source, 'deliberation')));
  return new Set(rows.map((r) => `${r.year}|${r.territoryCode}`));
}

/** Territory facts for results, read through the territories module. */
export async function describeResultTerritories(db: Db, codes: string[]) {
  const [rows, areas] = await Promise.all([getTerritoriesByCodes(db, [...new Set(codes)]), listAreas(db, { withCollectivities: true })]);
  const departmentNames = new Map(areas.filter((a) => a.kind === 'departement').map((a) => [a.code, a.name]));
  const regionNames = new Map(areas.filter((a) => a.kind === 'region').map((a) => [a.code, a.name]));
  return new Map(
    rows.map((t) => [
      t.code,
      {
        code: t.code,
        name: t.name,
        kind: t.kind,
        category: t.category,
        stratum: t.stratum,
        population: t.population,
        department: t.department ? { code: t.department, name: departmentNames.get(t.department) ?? t.department } : null,
        region: t.region ? { code: t.region, publicCode: regionPublicCode(t.region), name: regionNames.get(t.region) ?? t.region } : null,
      },
    ]),
  );
}

/** The palmarès of a published edition, best levels first then by name; null when not public. */
export async function listEditionResults(db: Db, year: number): Promise<EditionResult[] | null> {
  if (!(await getPublishedEdition(db, year))) return null;
  const rows = await listPublishedResults(db, { year });
  const territoriesByCode = await describeResultTerritories(
    db,
    rows.map((r) => r.territoryCode),
  );
  const items: EditionResult[] = [];
  for (const row of rows) {
    const territory = territoriesByCode.get(row.territoryCode);
    if (territory) items.push({ ...territory, level: row.level, distinctions: row.distinctions });
  }
  return items.sort((a, b) => b.level - a.level || a.name.localeCompare(b.name, 'fr'));
}

export type TerritoryLabelHistory = {
  results: { year: number; level: number; distinctions: string[] }[];
  /** The latest published result, shown by the badge. */
  current: { year: number; level: number } | null;
  excellence: ExcellenceStatus & { parameters: ExcellenceParameters };
};

/** A territory's label history, oldest first, and its "Territoire d'excellence numérique" status. */
export async function getTerritoryLabelHistory(db: Db, territoryCode: string): Promise<TerritoryLabelHistory> {
  const [rows, grants, parameters, editionYears] = await Promise.all([
    listPublishedResults(db, { territoryCode }),
    listExcellenceGrants(db, territoryCode),
    getExcellenceParameters(db),
    listPublishedEditionYears(db),
  ]);
  const history = rows.map((r) => ({ year: r.year, level: r.level, distinctions: r.distinctions })).sort((a, b) => a.year - b.year);
  const last = history.at(-1);
  return {
    results: history,
    current: last ? { year: last.year, level: last.level } : null,
    excellence: { ...excellenceStatus(grants.get(territoryCode) ?? [], editionYears.at(-1) ?? null, parameters), parameters },
  };
}
