import { sql, type SQL } from 'drizzle-orm';
import { initiativeSearchEntries as e } from './schema.ts';

/** The facets of the observatory search, in the order the page shows them. */
export const FACETS = ['axis', 'theme', 'service', 'status', 'region', 'department', 'stratum', 'category', 'year', 'actor', 'audience', 'responsibleDigital'] as const;
export type Facet = (typeof FACETS)[number];

type FacetColumn = { kind: 'array' | 'text' | 'year' | 'boolean'; column: SQL };

/** Where each facet's values live in the index. */
export const FACET_COLUMNS: Record<Facet, FacetColumn> = {
  axis: { kind: 'array', column: sql`${e.axisIds}` },
  theme: { kind: 'array', column: sql`${e.themeIds}` },
  service: { kind: 'array', column: sql`${e.serviceIds}` },
  actor: { kind: 'array', column: sql`${e.actorIds}` },
  audience: { kind: 'array', column: sql`${e.audiences}` },
  status: { kind: 'text', column: sql`${e.status}` },
  region: { kind: 'text', column: sql`${e.regionCode}` },
  department: { kind: 'text', column: sql`${e.departmentCode}` },
  stratum: { kind: 'text', column: sql`${e.stratum}` },
  category: { kind: 'text', column: sql`${e.category}` },
  year: { kind: 'year', column: sql`${e.year}` },
  responsibleDigital: { kind: 'boolean', column: sql`${e.responsibleDigital}` },
};

/** The condition "this facet has this value". */
export function facetCondition(facet: Facet, value: string): SQL {
  const { kind, column } = FACET_COLUMNS[facet];
  if (kind === 'array') return sql`${column} @> array[${value}]::text[]`;
  if (kind === 'year') return sql`${column} = ${Number(value)}`;
  if (kind === 'boolean') return sql`${column} = ${value === 'true'}`;
  return sql`${column} = ${value}`;
}

/** The values of a facet and how many matching entries hold each, most frequent first. */
export function facetCountsQuery(facet: Facet, where: SQL): SQL {
  const { kind, column } = FACET_COLUMNS[facet];
  if (kind === 'array') {
    return sql`select v::text as value, count(*)::int as count from ${e}, unnest(${column}) as v where ${where} group by v order by count(*) desc, v limit 200`;
  }
  return sql`select ${column}::text as value, count(*)::int as count from ${e} where ${where} and ${column} is not null group by ${column} order by count(*) desc, 1 limit 200`;
}
