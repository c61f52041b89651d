import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { EditionState } from './edition-lifecycle.rules.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { getTerritoriesByCodes, listAreas } from '../territories/search-territories.service.ts';
import type { TerritoryCategory, TerritoryKind, TerritoryStratum } from '../territories/territory.rules.ts';
import { regionPublicCode } from '../territories/territory.rules.ts';
import {
  countLevels,
  DEFAULT_EXCELLENCE,
  EXCELLENCE_CODE,
  excellenceGrantYears,
  excellenceValidUntil,
  isExcellenceValid,
  type DistinctionKind,
  type ExcellenceParameters,
  type LevelCounts,
} from './results.rules.ts';
import { distinctions, editionDistinctions, editions, resultDistinctions, results } from './schema.ts';

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

/** Published editions, newest first, with their counts per level and per distinction. */
export async function listPublishedEditions(db: Db): Promise<EditionSummary[]> {
  const [editionRows, levelRows, distinctionRows] = await Promise.all([
    db.select({ year: editions.year, state: editions.state }).from(editions).where(eq(editions.state, 'published')).orderBy(desc(editions.year)),
    db
      .select({ year: results.year, level: results.level, n: sql<number>`count(*)::int` })
      .from(results)
      .innerJoin(editions, and(eq(editions.year, results.year), eq(editions.state, 'published')))
      .groupBy(results.year, results.level),
    db
      .select({ year: resultDistinctions.year, code: resultDistinctions.distinctionCode, n: sql<number>`count(*)::int` })
      .from(resultDistinctions)
      .innerJoin(editions, and(eq(editions.year, resultDistinctions.year), eq(editions.state, 'published')))
      .groupBy(resultDistinctions.year, resultDistinctions.distinctionCode),
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
    return { year: edition.year, state: edition.state, total, levels, distinctions: byDistinction };
  });
}

/** The years of the published editions, oldest first. */
export async function listPublishedEditionYears(db: Db): Promise<number[]> {
  const rows = await db.select({ year: editions.year }).from(editions).where(eq(editions.state, 'published')).orderBy(asc(editions.year));
  return rows.map((e) => e.year);
}

/** An edition whose results are public, or null (unknown, or not yet published). */
export async function getPublishedEdition(db: Db, year: number) {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.year, year), eq(editions.state, 'published')));
  return row ?? null;
}

/** Every published result with its distinctions: the raw material of statistics and open data. */
export async function listPublishedResults(db: Db, options: { year?: number; territoryCode?: string } = {}): Promise<PublishedResult[]> {
  const conditions = [eq(editions.state, 'published')];
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
    .innerJoin(editions, and(eq(editions.year, results.year), eq(editions.state, 'published')))
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
  const [rows, areas] = await Promise.all([getTerritoriesByCodes(db, [...new Set(codes)]), listAreas(db)]);
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
  excellence: { grantYears: number[]; validUntil: number | null; validNow: boolean; parameters: ExcellenceParameters };
};

/** A territory's label history, oldest first, and its "Territoire d'excellence numérique" status. */
export async function getTerritoryLabelHistory(db: Db, territoryCode: string): Promise<TerritoryLabelHistory> {
  const [rows, parameters, editionYears] = await Promise.all([
    listPublishedResults(db, { territoryCode }),
    getExcellenceParameters(db),
    listPublishedEditionYears(db),
  ]);
  const history = rows.map((r) => ({ year: r.year, level: r.level, distinctions: r.distinctions })).sort((a, b) => a.year - b.year);
  const grantYears = history.filter((r) => r.distinctions.includes(EXCELLENCE_CODE)).map((r) => r.year);
  const lastGrant = grantYears.at(-1);
  const latestYear = editionYears.at(-1) ?? null;
  const last = history.at(-1);
  return {
    results: history,
    current: last ? { year: last.year, level: last.level } : null,
    excellence: {
      grantYears,
      validUntil: lastGrant === undefined ? null : excellenceValidUntil(lastGrant, parameters),
      validNow: lastGrant !== undefined && latestYear !== null && isExcellenceValid(lastGrant, latestYear, parameters),
      parameters,
    },
  };
}

export type ResultInput = { year: number; territoryCode: string; level: number; distinctions: string[] };
export type RecordResultsOutcome = {
  inserted: number;
  updated: number;
  unchanged: number;
  editions: number[];
  /** Territories whose results were inserted or changed. */
  territoryCodes: string[];
};

/**
 * Writes imported results in the caller's transaction: editions are created as published, each
 * (edition, territory) result is inserted or brought to the given level and distinctions, and the
 * rule-granted distinction is recomputed. Running it again with the same rows changes nothing.
 */
export async function recordImportedResults(tx: Db, caller: Caller | null, rows: ResultInput[], importId: string | null): Promise<RecordResultsOutcome> {
  requirePermission(caller, 'results.import');
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length > 0) {
    await tx
      .insert(editions)
      .values(years.map((year) => ({ year, state: 'published' as const, publishedAt: new Date() })))
      .onConflictDoNothing();
  }
  const existing = new Map<string, { level: number; distinctions: string[] }>();
  for (const chunk of chunks(years, 50)) {
    for (const r of await listResultsOfYears(tx, chunk)) existing.set(`${r.year}|${r.territoryCode}`, r);
  }
  const outcome: RecordResultsOutcome = { inserted: 0, updated: 0, unchanged: 0, editions: years, territoryCodes: [] };
  const changed: ResultInput[] = [];
  for (const row of rows) {
    const wanted = [...new Set(row.distinctions.filter((d) => d !== EXCELLENCE_CODE))].sort();
    const before = existing.get(`${row.year}|${row.territoryCode}`);
    const beforeDistinctions = before?.distinctions.filter((d) => d !== EXCELLENCE_CODE).sort() ?? [];
    if (!before) outcome.inserted += 1;
    else if (before.level !== row.level || beforeDistinctions.join() !== wanted.join()) outcome.updated += 1;
    else {
      outcome.unchanged += 1;
      continue;
    }
    changed.push({ ...row, distinctions: wanted });
  }
  for (const chunk of chunks(changed, 500)) {
    await tx
      .insert(results)
      .values(chunk.map((r) => ({ year: r.year, territoryCode: r.territoryCode, level: r.level, source: 'import' as const, importId })))
      .onConflictDoUpdate({
        target: [results.year, results.territoryCode],
        set: { level: sql`excluded.level`, importId: sql`excluded.import_id`, updatedAt: sql`now()` },
        setWhere: eq(results.source, 'import'),
      });
    for (const r of chunk) {
      await tx
        .delete(resultDistinctions)
        .where(
          and(
            eq(resultDistinctions.year, r.year),
            eq(resultDistinctions.territoryCode, r.territoryCode),
            sql`${resultDistinctions.distinctionCode} <> ${EXCELLENCE_CODE}`,
          ),
        );
    }
    const distinctionRows = chunk.flatMap((r) => r.distinctions.map((code) => ({ year: r.year, territoryCode: r.territoryCode, distinctionCode: code })));
    if (distinctionRows.length > 0) await tx.insert(resultDistinctions).values(distinctionRows).onConflictDoNothing();
  }
  const offered = [
    ...new Map(changed.flatMap((r) => r.distinctions.map((code) => [`${r.year}|${code}`, { year: r.year, distinctionCode: code }] as const))).values(),
  ];
  if (offered.length > 0) await tx.insert(editionDistinctions).values(offered).onConflictDoNothing();
  if (changed.length > 0) await recomputeExcellence(tx);
  outcome.territoryCodes = [...new Set(changed.map((r) => r.territoryCode))];
  return outcome;
}

async function listResultsOfYears(tx: Db, years: number[]) {
  return tx
    .select({
      year: results.year,
      territoryCode: results.territoryCode,
      level: results.level,
      distinctions: sql<
        string[]
      >`coalesce(array_agg(${resultDistinctions.distinctionCode}) filter (where ${resultDistinctions.distinctionCode} is not null), '{}')`,
    })
    .from(results)
    .leftJoin(resultDistinctions, and(eq(resultDistinctions.year, results.year), eq(resultDistinctions.territoryCode, results.territoryCode)))
    .where(inArray(results.year, years))
    .groupBy(results.year, results.territoryCode, results.level);
}

/**
 * Grants "Territoire d'excellence numérique" by rule over the published editions: the stored grants
 * are made equal to what the rule gives, so a change of parameters or of history is reflected.
 */
export async function recomputeExcellence(tx: Db): Promise<{ granted: number; revoked: number }> {
  const parameters = await getExcellenceParameters(tx);
  const editionYears = await listPublishedEditionYears(tx);
  const topResults = await tx
    .select({ year: results.year, territoryCode: results.territoryCode, level: results.level })
    .from(results)
    .innerJoin(editions, and(eq(editions.year, results.year), eq(editions.state, 'published')));
  const levelsByTerritory = new Map<string, Map<number, number>>();
  for (const r of topResults) {
    let levels = levelsByTerritory.get(r.territoryCode);
    if (!levels) levelsByTerritory.set(r.territoryCode, (levels = new Map()));
    levels.set(r.year, r.level);
  }
  const wanted = new Map<string, { year: number; territoryCode: string }>();
  for (const [territoryCode, levels] of levelsByTerritory) {
    for (const year of excellenceGrantYears(levels, editionYears, parameters)) wanted.set(`${year}|${territoryCode}`, { year, territoryCode });
  }
  const stored = await tx
    .select({ year: resultDistinctions.year, territoryCode: resultDistinctions.territoryCode })
    .from(resultDistinctions)
    .where(eq(resultDistinctions.distinctionCode, EXCELLENCE_CODE));
  const storedKeys = new Set(stored.map((s) => `${s.year}|${s.territoryCode}`));
  const toRevoke = stored.filter((s) => !wanted.has(`${s.year}|${s.territoryCode}`));
  const toGrant = [...wanted]
    .filter(([key]) => !storedKeys.has(key))
    .map(([, { year, territoryCode }]) => ({ year, territoryCode, distinctionCode: EXCELLENCE_CODE }));
  for (const r of toRevoke) {
    await tx
      .delete(resultDistinctions)
      .where(
        and(
          eq(resultDistinctions.year, r.year),
          eq(resultDistinctions.territoryCode, r.territoryCode),
          eq(resultDistinctions.distinctionCode, EXCELLENCE_CODE),
        ),
      );
  }
  for (const chunk of chunks(toGrant, 500)) await tx.insert(resultDistinctions).values(chunk);
  const grantYears = [...new Set(toGrant.map((g) => g.year))];
  if (grantYears.length > 0) {
    await tx
      .insert(editionDistinctions)
      .values(grantYears.map((year) => ({ year, distinctionCode: EXCELLENCE_CODE })))
      .onConflictDoNothing();
  }
  return { granted: toGrant.length, revoked: toRevoke.length };
}

/** Changes the two parameters of the multi-year distinction and re-applies the rule at once (`results.manage`). */
export async function setExcellenceParameters(db: Db, caller: Caller | null, parameters: ExcellenceParameters) {
  requirePermission(caller, 'results.manage');
  return db.transaction(async (tx) => {
    await tx.update(distinctions).set(parameters).where(eq(distinctions.code, EXCELLENCE_CODE));
    return recomputeExcellence(tx);
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
