/** Statistics of the label: counts per level, per edition and per group of territories. Pure, no I/O. */
import { TERRITORY_CATEGORIES, TERRITORY_STRATA, type TerritoryCategory, type TerritoryStratum } from '../territories/territory.rules.ts';
import { averageOfCounts, countLevels, emptyLevelCounts, isLevel, type LevelCounts } from '../label/results.rules.ts';

export type EditionCounts = { year: number; total: number; levels: LevelCounts };

export type EditionTrend = EditionCounts & { average: number | null };

/** Editions oldest first, each with its number of labelled territories and average level. */
export function editionTrends(editions: readonly EditionCounts[]): EditionTrend[] {
  return [...editions]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({ year: e.year, total: e.total, levels: { ...e.levels }, average: averageOfCounts(e.levels) }));
}

export type GroupCounts<K extends string = string> = { key: K; name: string; total: number; levels: LevelCounts; average: number | null };

type Counted = { level: number };

/** Results grouped by `keyOf` (left out when it gives null), counted per level. */
export function countByGroup<T extends Counted>(items: readonly T[], keyOf: (item: T) => { key: string; name: string } | null): GroupCounts[] {
  const groups = new Map<string, { name: string; levels: number[] }>();
  for (const item of items) {
    const group = keyOf(item);
    if (!group || !isLevel(item.level)) continue;
    let entry = groups.get(group.key);
    if (!entry) groups.set(group.key, (entry = { name: group.name, levels: [] }));
    entry.levels.push(item.level);
  }
  return [...groups].map(([key, g]) => {
    const levels = countLevels(g.levels);
    return { key, name: g.name, total: g.levels.length, levels, average: averageOfCounts(levels) };
  });
}

/** Per région, most labelled first, then by name; territories without a région are left out. */
export function countByRegion<T extends Counted & { region: { code: string; name: string } | null }>(items: readonly T[]): GroupCounts[] {
  return countByGroup(items, (item) => (item.region ? { key: item.region.code, name: item.region.name } : null)).sort(
    (a, b) => b.total - a.total || a.name.localeCompare(b.name, 'fr'),
  );
}

/** Results whose territory has no population band (a population unknown) are grouped under this key. */
export const NO_STRATUM = 'none';

/** Per population band, in the bands' order, every band listed even when empty. */
export function countByStratum<T extends Counted & { stratum: TerritoryStratum | null }>(
  items: readonly T[],
): GroupCounts<TerritoryStratum | typeof NO_STRATUM>[] {
  const counted = new Map(countByGroup(items, (item) => ({ key: item.stratum ?? NO_STRATUM, name: item.stratum ?? NO_STRATUM })).map((g) => [g.key, g]));
  const keys: (TerritoryStratum | typeof NO_STRATUM)[] = [...TERRITORY_STRATA];
  if (counted.has(NO_STRATUM)) keys.push(NO_STRATUM);
  return keys.map((key) => ({ ...(counted.get(key) ?? emptyGroup(key)), key }));
}

/** Per category (village, ville, territoire), every category listed even when empty. */
export function countByCategory<T extends Counted & { category: TerritoryCategory }>(items: readonly T[]): GroupCounts<TerritoryCategory>[] {
  const counted = new Map(countByGroup(items, (item) => ({ key: item.category, name: item.category })).map((g) => [g.key, g]));
  return TERRITORY_CATEGORIES.map((key) => ({ ...(counted.get(key) ?? emptyGroup(key)), key }));
}

function emptyGroup(key: string): GroupCounts {
  return { key, name: key, total: 0, levels: emptyLevelCounts(), average: null };
}

/** The few figures the page says in a sentence. */
export type StatisticsSummary = {
  editions: number;
  firstYear: number;
  lastYear: number;
  /** Labels awarded over all published editions (a territory labelled twice counts twice). */
  labels: number;
  latest: EditionTrend;
};

export function summarise(trends: readonly EditionTrend[]): StatisticsSummary | null {
  const first = trends[0];
  const latest = trends.at(-1);
  if (!first || !latest) return null;
  return { editions: trends.length, firstYear: first.year, lastYear: latest.year, labels: trends.reduce((sum, t) => sum + t.total, 0), latest };
}
