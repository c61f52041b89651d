/** Pure rules about territories: kinds, category and stratum (DESIGN.md glossary). */

export const TERRITORY_KINDS = ['commune', 'epci', 'departement', 'region'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

export const TERRITORY_CATEGORIES = ['village', 'ville', 'territoire'] as const;
export type TerritoryCategory = (typeof TERRITORY_CATEGORIES)[number];

/** Population bands used to compare peers. */
export const TERRITORY_STRATA = ['lt3k', '3k-20k', '20k-100k', 'gt100k'] as const;
export type TerritoryStratum = (typeof TERRITORY_STRATA)[number];

/** A village is a commune under this many inhabitants. */
export const VILLAGE_POPULATION_LIMIT = 3_000;
const STRATUM_UPPER_BOUNDS: [TerritoryStratum, number][] = [
  ['lt3k', 3_000],
  ['3k-20k', 20_000],
  ['20k-100k', 100_000],
];

export function categoryOf(kind: TerritoryKind, population: number | null): TerritoryCategory {
  if (kind !== 'commune') return 'territoire';
  return population !== null && population < VILLAGE_POPULATION_LIMIT ? 'village' : 'ville';
}

export function stratumOf(population: number | null): TerritoryStratum | null {
  if (population === null || !Number.isFinite(population) || population < 0) return null;
  for (const [stratum, upper] of STRATUM_UPPER_BOUNDS) if (population < upper) return stratum;
  return 'gt100k';
}

/** Public code of a région: its INSEE code collides with départements' (01 = Guadeloupe and Ain). */
export function regionPublicCode(inseeCode: string): string {
  return `reg-${inseeCode}`;
}
