import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { territoryMessages } from './messages.ts';
import { participatingTerritorySql } from './directory-counts.service.ts';
import { territories } from './schema.ts';
import { compareDepartmentCodes, TERRITORY_KINDS, type TerritoryCategory, type TerritoryKind, type TerritoryStratum } from './territory.rules.ts';

export const TERRITORY_PAGE_SIZE = 20;

const MAX_PAGE = 10_000;
const m = territoryMessages.query;
const described = territoryMessages.api.parameters;

/** The query of the directory and of `GET /api/v1/territories`: one definition for both. */
export const territorySearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200, m.tooLong)
    // Only punctuation (« % », « - ») searches nothing: it is no query at all.
    .transform((v) => (/[\p{L}\p{N}]/u.test(v) ? v : ''))
    .optional()
    .default('')
    .describe(described.q),
  kind: z.enum(TERRITORY_KINDS, { message: m.kindInvalid }).optional().describe(described.kind),
  department: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2[AB])$/i, m.departmentInvalid)
    .transform((v) => v.toUpperCase())
    .optional()
    .describe(described.department),
  region: z
    .string()
    .trim()
    .regex(/^\d{2}$/, m.regionInvalid)
    .optional()
    .describe(described.region),
  page: z.coerce
    .number({ message: m.pageNotNumber })
    .int(m.pageNotInteger)
    .min(1, m.pageTooSmall)
    .max(MAX_PAGE, m.pageTooLarge(MAX_PAGE))
    .optional()
    .default(1)
    .describe(described.page(TERRITORY_PAGE_SIZE)),
});
export type TerritorySearchQuery = z.output<typeof territorySearchQuery>;

export type TerritorySummary = {
  code: string;
  name: string;
  kind: TerritoryKind;
  population: number | null;
  department: string | null;
  region: string | null;
  category: TerritoryCategory;
  stratum: TerritoryStratum | null;
};

const summaryColumns = {
  code: territories.code,
  name: territories.name,
  kind: territories.kind,
  population: territories.population,
  department: territories.departmentCode,
  region: territories.regionCode,
  category: territories.category,
  stratum: territories.stratum,
};

// Typos are looked for only when the name itself matches few territories; below this trigram
// similarity a name is not offered as a typo of the query.
const FUZZY_WHEN_FEWER_THAN = TERRITORY_PAGE_SIZE;
const TYPO_THRESHOLD = 0.4;

/**
 * Searches territories by name, tolerant to accents, case, punctuation and small typos.
 * First the names containing the query: exact names, then names starting with it, then containing
 * it, the most populated first (the town people mean is rarely the hamlet). When those are few,
 * names within a small typo follow, the closest first. Both steps use the trigram index: one query
 * mixing them makes the planner scan the whole table, which PGlite pays dearly.
 */
export async function searchTerritories(db: Db, query: TerritorySearchQuery): Promise<{ items: TerritorySummary[]; total: number }> {
  // Only the territories that can take part in the label are offered.
  const filters: SQL[] = [participatingTerritorySql()];
  if (query.kind) filters.push(eq(territories.kind, query.kind));
  if (query.department) filters.push(eq(territories.departmentCode, query.department));
  if (query.region) filters.push(eq(territories.regionCode, query.region));
  const offset = (query.page - 1) * TERRITORY_PAGE_SIZE;

  const q = query.q;
  if (!q) {
    const where = and(...filters);
    const [items, [count]] = await Promise.all([
      db
        .select(summaryColumns)
        .from(territories)
        .where(where)
        .orderBy(
          sql`case ${territories.kind} when 'region' then 0 when 'departement' then 1 when 'epci' then 2 else 3 end`,
          asc(territories.searchName),
          asc(territories.code),
        )
        .limit(TERRITORY_PAGE_SIZE)
        .offset(offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(territories)
        .where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  const normalized = sql`search_normalize(${q})`;
  // A postcode, an INSEE code or a SIREN is matched exactly.
  const looksLikeCode = /^\d[\dAB]\d{3}$/i.test(q) || /^\d{9}$/.test(q);
  const codeMatch = looksLikeCode ? sql`(${territories.code} = ${q.toUpperCase()} or ${territories.postcodes} @> array[${q}]::text[])` : sql`false`;
  const nameMatch = sql`${territories.searchName} like '%' || ${normalized} || '%'`;
  const containsWhere = and(looksLikeCode ? sql`(${codeMatch} or ${nameMatch})` : nameMatch, ...filters);
  const rankClass = sql`case
    when ${codeMatch} then 0
    when ${territories.searchName} = ${normalized} then 1
    when ${territories.searchName} like ${normalized} || '%' then 2
    when ${territories.searchName} like '% ' || ${normalized} || '%' then 3
    else 4 end`;

  const [containsCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(territories)
    .where(containsWhere);
  const containsTotal = containsCount?.n ?? 0;

  const items: TerritorySummary[] = [];
  if (offset < containsTotal) {
    items.push(
      ...(await db
        .select(summaryColumns)
        .from(territories)
        .where(containsWhere)
        .orderBy(rankClass, sql`${territories.population} desc nulls last`, asc(territories.code))
        .limit(TERRITORY_PAGE_SIZE)
        .offset(offset)),
    );
  }
  if (containsTotal >= FUZZY_WHEN_FEWER_THAN) return { items, total: containsTotal };

  const similarity = sql`similarity(${territories.searchName}, ${normalized})`;
  const typoWhere = and(
    sql`${territories.searchName} % ${normalized}`,
    sql`${similarity} >= ${TYPO_THRESHOLD}`,
    sql`not (${nameMatch})`,
    looksLikeCode ? sql`not ${codeMatch}` : undefined,
    ...filters,
  );
  const [typoCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(territories)
    .where(typoWhere);
  const typoTotal = typoCount?.n ?? 0;
  const room = TERRITORY_PAGE_SIZE - items.length;
  if (room > 0 && typoTotal > 0) {
    items.push(
      ...(await db
        .select(summaryColumns)
        .from(territories)
        .where(typoWhere)
        .orderBy(sql`${similarity} desc`, sql`${territories.population} desc nulls last`, asc(territories.code))
        .limit(room)
        .offset(Math.max(0, offset - containsTotal))),
    );
  }
  return { items, total: containsTotal + typoTotal };
}

export async function getTerritory(db: Db, code: string) {
  const [row] = await db.select().from(territories).where(eq(territories.code, code));
  return row ?? null;
}

export async function getTerritoriesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select(summaryColumns).from(territories).where(inArray(territories.code, codes));
}

/** Member communes of an EPCI, most populated first. */
export async function listEpciMembers(db: Db, epciCode: string) {
  return db
    .select(summaryColumns)
    .from(territories)
    .where(and(eq(territories.kind, 'commune'), eq(territories.epciCode, epciCode)))
    .orderBy(sql`${territories.population} desc nulls last`, asc(territories.name));
}

/**
 * Régions and départements, for filters and for naming a territory's. The overseas collectivities
 * the source lists among them come only with `{ withCollectivities: true }` (to name them), never
 * in a filter.
 */
export async function listAreas(db: Db, options: { withCollectivities?: boolean } = {}) {
  const areaKinds = inArray(territories.kind, ['region', 'departement']);
  return db
    .select({ code: territories.officialCode, name: territories.name, kind: territories.kind, regionCode: territories.regionCode })
    .from(territories)
    .where(options.withCollectivities ? areaKinds : and(areaKinds, participatingTerritorySql()))
    .then((rows) => rows.sort((a, b) => compareDepartmentCodes(a.code, b.code)));
}

/**
 * Every territory with what name matching needs (the palmarès import): read once per check, matched
 * in memory, since a file names hundreds of territories out of some 37,000.
 */
export async function listMatchCandidates(db: Db) {
  return (
    db
      .select({
        code: territories.code,
        name: territories.name,
        kind: territories.kind,
        departmentCode: territories.departmentCode,
        legalForm: territories.legalForm,
        population: territories.population,
      })
      .from(territories)
      // The collectivities' pseudo-départements stay: rows name them as the place of their communes.
      .where(or(participatingTerritorySql(), inArray(territories.kind, ['departement', 'region'])))
  );
}

/** Where territories sit in the official map (commune → intercommunality → département → région), by code. */
export async function territoryPlacesByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      code: territories.code,
      kind: territories.kind,
      departmentCode: territories.departmentCode,
      regionCode: territories.regionCode,
      epciCode: territories.epciCode,
    })
    .from(territories)
    .where(inArray(territories.code, [...new Set(codes)]));
}
