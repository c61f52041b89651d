import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { territories } from './schema.ts';
import { TERRITORY_KINDS, type TerritoryCategory, type TerritoryKind, type TerritoryStratum } from './territory.rules.ts';

export const TERRITORY_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** The query of the directory and of `GET /api/v1/territories`: one definition for both. */
export const territorySearchQuery = z.object({
  q: z.string().trim().max(200, 'au plus 200 caractères').optional().default(''),
  kind: z.enum(TERRITORY_KINDS, { message: 'doit valoir commune, epci, departement ou region' }).optional(),
  department: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2[AB])$/i, 'doit être un code de département, par exemple 49, 2A ou 974')
    .transform((v) => v.toUpperCase())
    .optional(),
  region: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'doit être un code de région à deux chiffres, par exemple 52')
    .optional(),
  page: z.coerce
    .number({ message: 'doit être un nombre' })
    .int('doit être un nombre entier')
    .min(1, 'doit être supérieur ou égal à 1')
    .max(MAX_PAGE, `doit être inférieur ou égal à ${MAX_PAGE}`)
    .optional()
    .default(1),
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

// Below this word similarity a name is not offered as a typo of the query.
const TYPO_THRESHOLD = 0.5;

/**
 * Searches territories by name, tolerant to accents, case, punctuation and small typos.
 * Exact names come first, then names starting with the query, then containing it, then typos;
 * within each, the most populated first (the town people mean is rarely the hamlet).
 */
export async function searchTerritories(db: Db, query: TerritorySearchQuery): Promise<{ items: TerritorySummary[]; total: number }> {
  const filters: SQL[] = [];
  if (query.kind) filters.push(eq(territories.kind, query.kind));
  if (query.department) filters.push(eq(territories.departmentCode, query.department));
  if (query.region) filters.push(eq(territories.regionCode, query.region));
  const offset = (query.page - 1) * TERRITORY_PAGE_SIZE;

  const q = query.q;
  if (!q) {
    const where = filters.length ? and(...filters) : undefined;
    const [items, [count]] = await Promise.all([
      db
        .select(summaryColumns)
        .from(territories)
        .where(where)
        .orderBy(sql`case ${territories.kind} when 'region' then 0 when 'departement' then 1 when 'epci' then 2 else 3 end`, asc(territories.searchName), asc(territories.code))
        .limit(TERRITORY_PAGE_SIZE)
        .offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(territories).where(where),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  const normalized = sql`search_normalize(${q})`;
  // A postcode or an official code is matched exactly.
  const codeMatch = /^\d[\dAB]\d{3}$/i.test(q) || /^\d{9}$/.test(q)
    ? sql`(${territories.code} = ${q.toUpperCase()} or ${q} = any(${territories.postcodes}))`
    : sql`false`;
  const textMatch = sql`(${territories.searchName} like '%' || ${normalized} || '%'
    or (${normalized} <% ${territories.searchName} and word_similarity(${normalized}, ${territories.searchName}) >= ${TYPO_THRESHOLD}))`;
  const where = and(sql`(${codeMatch} or ${textMatch})`, ...filters);
  const rankClass = sql`case
    when ${codeMatch} then 0
    when ${territories.searchName} = ${normalized} then 1
    when ${territories.searchName} like ${normalized} || ' %' or ${territories.searchName} like ${normalized} || '%' then 2
    when ${territories.searchName} like '% ' || ${normalized} || '%' then 3
    when ${territories.searchName} like '%' || ${normalized} || '%' then 4
    else 5 end`;

  const [items, [count]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(territories)
      .where(where)
      .orderBy(
        rankClass,
        sql`word_similarity(${normalized}, ${territories.searchName}) desc`,
        sql`${territories.population} desc nulls last`,
        asc(territories.code),
      )
      .limit(TERRITORY_PAGE_SIZE)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(territories).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
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

export async function territoryDirectoryCounts(db: Db): Promise<Record<TerritoryKind, number>> {
  const rows = await db
    .select({ kind: territories.kind, n: sql<number>`count(*)::int` })
    .from(territories)
    .groupBy(territories.kind);
  const counts = { commune: 0, epci: 0, departement: 0, region: 0 } as Record<TerritoryKind, number>;
  for (const r of rows) counts[r.kind] = r.n;
  return counts;
}

/** Régions and départements for the directory's filters. */
export async function listAreas(db: Db) {
  return db
    .select({ code: territories.officialCode, name: territories.name, kind: territories.kind, regionCode: territories.regionCode })
    .from(territories)
    .where(inArray(territories.kind, ['region', 'departement']))
    .orderBy(asc(territories.officialCode));
}
