/** Rules of the palmarès pages: reading filters, filtering, grouping, counting. Pure, no I/O. */
import { TERRITORY_CATEGORIES, TERRITORY_STRATA } from '../territories/territory.rules.ts';
import { averageLevel, countLevels, LEVELS, TOP_LEVEL, type LevelCounts } from '../label/results.rules.ts';
import type { DepartmentStat } from './map.rules.ts';

/** What the palmarès needs to know about one laureate (an `EditionResult`). */
export type PalmaresEntry = {
  code: string;
  name: string;
  category: string;
  stratum: string | null;
  department: { code: string; name: string } | null;
  region: { code: string; name: string } | null;
  level: number;
  distinctions: string[];
};

export const PALMARES_FILTERS = ['level', 'region', 'department', 'category', 'stratum', 'distinction'] as const;
export type PalmaresFilter = (typeof PALMARES_FILTERS)[number];
export type PalmaresFilters = Partial<Record<PalmaresFilter, string>>;

/** Names of the filters in the page's URL (French, like `?departement=49`); the API uses the English ones. */
export const PAGE_PARAMETERS: Record<PalmaresFilter, string> = {
  level: 'niveau',
  region: 'region',
  department: 'departement',
  category: 'categorie',
  stratum: 'strate',
  distinction: 'distinction',
};

/** The codes a filter may take: régions and départements (INSEE codes) and the distinctions catalogue. */
export type KnownValues = { regions: ReadonlySet<string>; departments: ReadonlySet<string>; distinctions: ReadonlySet<string> };

export type IgnoredFilter = { filter: PalmaresFilter; value: string };

/** An edition's year in a URL: four digits, nothing else. */
export function parseEditionYear(raw: string): number | null {
  return /^\d{4}$/.test(raw) ? Number(raw) : null;
}

/** A value as typed in a URL, reduced to the form of the codes (« 2a » is « 2A »). */
export function normaliseFilterValue(filter: PalmaresFilter, raw: string): string {
  const value = raw.trim();
  return filter === 'department' ? value.toUpperCase() : value;
}

/** Whether a code is one the filter knows (it may still match no laureate of an edition). */
export function isKnownFilterValue(filter: PalmaresFilter, value: string, known: KnownValues): boolean {
  switch (filter) {
    case 'level':
      return LEVELS.some((level) => String(level) === value);
    case 'region':
      return known.regions.has(value);
    case 'department':
      return known.departments.has(value);
    case 'category':
      return (TERRITORY_CATEGORIES as readonly string[]).includes(value);
    case 'stratum':
      return (TERRITORY_STRATA as readonly string[]).includes(value);
    case 'distinction':
      return known.distinctions.has(value);
  }
}

/**
 * Reads the filters leniently, as the pages do: an empty value is no filter, an unknown one is left
 * out and reported so the page can say so. `raw` is keyed by filter (not by URL parameter).
 */
export function readFilters(raw: Partial<Record<PalmaresFilter, unknown>>, known: KnownValues): { filters: PalmaresFilters; ignored: IgnoredFilter[] } {
  const filters: PalmaresFilters = {};
  const ignored: IgnoredFilter[] = [];
  for (const filter of PALMARES_FILTERS) {
    let value = raw[filter];
    if (Array.isArray(value)) value = value[0];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const normalised = normaliseFilterValue(filter, value);
    if (isKnownFilterValue(filter, normalised, known)) filters[filter] = normalised;
    else ignored.push({ filter, value: value.trim().slice(0, 100) });
  }
  return { filters, ignored };
}

export function matchesFilter(entry: PalmaresEntry, filter: PalmaresFilter, value: string): boolean {
  switch (filter) {
    case 'level':
      return String(entry.level) === value;
    case 'region':
      return entry.region?.code === value;
    case 'department':
      return entry.department?.code === value;
    case 'category':
      return entry.category === value;
    case 'stratum':
      return entry.stratum === value;
    case 'distinction':
      return entry.distinctions.includes(value);
  }
}

/**
 * A département filter outside the région filter (`?region=52&departement=76`): no territory can
 * pass both, and "none in Seine-Maritime" would be false. The page says the filters contradict each
 * other instead. `departmentRegions`: the région of each département, by code.
 */
export function contradictoryPlace(
  filters: PalmaresFilters,
  departmentRegions: ReadonlyMap<string, string | null>,
): { department: string; region: string } | null {
  const { department, region } = filters;
  if (!department || !region) return null;
  const regionOfDepartment = departmentRegions.get(department);
  return regionOfDepartment && regionOfDepartment !== region ? { department, region } : null;
}

/** The entries that pass every filter, except those named in `except` (the map ignores its own). */
export function filterEntries<T extends PalmaresEntry>(entries: readonly T[], filters: PalmaresFilters, except: readonly PalmaresFilter[] = []): T[] {
  const active = PALMARES_FILTERS.flatMap((f) => {
    const value = filters[f];
    return value !== undefined && !except.includes(f) ? [{ filter: f, value }] : [];
  });
  return entries.filter((entry) => active.every(({ filter, value }) => matchesFilter(entry, filter, value)));
}

/** Laureates per value of a filter, counted with the other filters applied (like search facets). */
export function facetCounts(entries: readonly PalmaresEntry[], filters: PalmaresFilters, facet: PalmaresFilter): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (const entry of filterEntries(entries, filters, [facet])) {
    if (facet === 'level') add(String(entry.level));
    else if (facet === 'distinction') entry.distinctions.forEach(add);
    else if (facet === 'region') entry.region ? add(entry.region.code) : null;
    else if (facet === 'department') entry.department ? add(entry.department.code) : null;
    else if (facet === 'category') add(entry.category);
    else if (entry.stratum) add(entry.stratum);
  }
  return counts;
}

/** Laureates by level, the top level first; levels without laureates are left out. Order within a level is kept. */
export function groupByLevel<T extends PalmaresEntry>(entries: readonly T[]): { level: number; entries: T[] }[] {
  return [...LEVELS]
    .reverse()
    .map((level) => ({ level, entries: entries.filter((e) => e.level === level) }))
    .filter((group) => group.entries.length > 0);
}

/** A level with more laureates than this has its own list when the page would list many (see openLevels). */
export const FOLDED_LEVEL_SIZE = 40;
/** A page listing at most this many laureates shows every level unfolded. */
export const UNFOLDED_PAGE_SIZE = 120;

/**
 * The levels listed on the page: all of them on a short page (a filtered one) or when one level is
 * left (the level filter); on a long one only those small enough. Each other one is a link to its
 * own list (the level filter), so that the page stays light for an old computer or a slow
 * connection: the whole palmarès of a big edition is about 1,400 elements, 200 kB.
 */
export function openLevels(groups: readonly { level: number; entries: readonly unknown[] }[]): Set<number> {
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  return new Set(groups.filter((g) => groups.length === 1 || total <= UNFOLDED_PAGE_SIZE || g.entries.length <= FOLDED_LEVEL_SIZE).map((g) => g.level));
}

export type Area = { kind: 'region' | 'department'; code: string; name: string };

export type PalmaresSummary = {
  total: number;
  levels: LevelCounts;
  /** Top-level laureates over the whole country (place filters left out), and how many in one place. */
  top: { total: number; area: (Area & { count: number }) | null };
  /** Laureates per distinction, in the order given, only those held at least once. */
  distinctions: { code: string; count: number }[];
};

/**
 * The figures the summary sentences tell. The place of the top-level sentence is the filtered
 * département or région, or else the région with most top-level laureates (ties: by name).
 */
export function summarise(
  entries: readonly PalmaresEntry[],
  filters: PalmaresFilters,
  options: { distinctionOrder: readonly string[]; areaNames: ReadonlyMap<string, string> },
): PalmaresSummary {
  const scoped = filterEntries(entries, filters);
  const tops = filterEntries(entries, filters, ['region', 'department']).filter((e) => e.level === TOP_LEVEL);
  let area: PalmaresSummary['top']['area'] = null;
  const named = (kind: Area['kind'], code: string): Area => ({ kind, code, name: options.areaNames.get(`${kind}:${code}`) ?? code });
  if (filters.department) {
    area = { ...named('department', filters.department), count: tops.filter((e) => e.department?.code === filters.department).length };
  } else if (filters.region) {
    area = { ...named('region', filters.region), count: tops.filter((e) => e.region?.code === filters.region).length };
  } else {
    const byRegion = new Map<string, { name: string; count: number }>();
    for (const e of tops) {
      if (!e.region) continue;
      const current = byRegion.get(e.region.code) ?? { name: e.region.name, count: 0 };
      byRegion.set(e.region.code, { ...current, count: current.count + 1 });
    }
    const best = [...byRegion.entries()].sort((a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name, 'fr'))[0];
    if (best) area = { kind: 'region', code: best[0], name: best[1].name, count: best[1].count };
  }
  const distinctions = options.distinctionOrder
    .map((code) => ({ code, count: scoped.filter((e) => e.distinctions.includes(code)).length }))
    .filter((d) => d.count > 0);
  return { total: scoped.length, levels: countLevels(scoped.map((e) => e.level)), top: { total: tops.length, area }, distinctions };
}

/** Labelled territories and average level per département (by code). */
export function departmentStats(entries: readonly PalmaresEntry[]): Map<string, DepartmentStat> {
  const levels = new Map<string, number[]>();
  for (const e of entries) {
    if (!e.department) continue;
    const list = levels.get(e.department.code) ?? [];
    list.push(e.level);
    levels.set(e.department.code, list);
  }
  return new Map([...levels].map(([code, list]) => [code, { count: list.length, average: averageLevel(list) }]));
}

/** The published years just before and after `year` (null at either end). */
export function neighbourEditions(publishedYears: readonly number[], year: number): { previous: number | null; next: number | null } {
  const before = publishedYears.filter((y) => y < year);
  const after = publishedYears.filter((y) => y > year);
  return { previous: before.length ? Math.max(...before) : null, next: after.length ? Math.min(...after) : null };
}

/** The query string of the page for these filters (and map mode), in a stable order; empty values left out. */
export function palmaresQuery(filters: PalmaresFilters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const filter of PALMARES_FILTERS) {
    const value = filters[filter];
    if (value) params.set(PAGE_PARAMETERS[filter], value);
  }
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return params;
}
