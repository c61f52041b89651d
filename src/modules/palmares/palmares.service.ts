import type { Db } from '../../platform/db/database.ts';
import { listAreas } from '../territories/search-territories.service.ts';
import type { TerritoryCategory, TerritoryStratum } from '../territories/territory.rules.ts';
import { DEFAULT_MAP_MODE, isMapMode, type DepartmentStat, type MapMode } from './map.rules.ts';
import {
  contradictoryPlace,
  departmentStats,
  facetCounts,
  filterEntries,
  isKnownFilterValue,
  neighbourEditions,
  PAGE_PARAMETERS,
  PALMARES_FILTERS,
  readFilters,
  summarise,
  type IgnoredFilter,
  type KnownValues,
  type PalmaresFilter,
  type PalmaresFilters,
  type PalmaresSummary,
} from './palmares.rules.ts';
import {
  listDistinctions,
  listEditionResults,
  listDeliberatedResultKeys,
  listPublishedEditions,
  type Distinction,
  type EditionResult,
  type EditionSummary,
} from '../label/results.service.ts';

/** Every published edition, newest first, with its counts, and the distinctions catalogue to name them. */
export async function getPalmaresIndex(db: Db): Promise<{ editions: EditionSummary[]; distinctions: Distinction[] }> {
  const [editions, distinctions] = await Promise.all([listPublishedEditions(db), listDistinctions(db)]);
  return { editions, distinctions };
}

type Areas = { regions: Map<string, string>; departments: Map<string, string>; departmentRegions: Map<string, string | null> };

async function loadAreas(db: Db): Promise<Areas> {
  const areas = await listAreas(db, { withCollectivities: true });
  return {
    regions: new Map(areas.filter((a) => a.kind === 'region').map((a) => [a.code, a.name])),
    departments: new Map(areas.filter((a) => a.kind === 'departement').map((a) => [a.code, a.name])),
    departmentRegions: new Map(areas.filter((a) => a.kind === 'departement').map((a) => [a.code, a.regionCode])),
  };
}

function knownValuesOf(areas: Areas, distinctions: Distinction[]): KnownValues {
  return { regions: new Set(areas.regions.keys()), departments: new Set(areas.departments.keys()), distinctions: new Set(distinctions.map((d) => d.code)) };
}

export type PalmaresEditionPage = {
  year: number;
  /** The jury deliberated this edition on the platform: its laureates' interviews have their page. */
  deliberated: boolean;
  previous: number | null;
  next: number | null;
  filters: PalmaresFilters;
  ignored: IgnoredFilter[];
  mapMode: MapMode;
  /** A `carte` value the page does not know, to say so. */
  ignoredMapMode: string | null;
  /** The laureates passing every filter, best level first then by name. */
  laureates: EditionResult[];
  summary: PalmaresSummary;
  /** Per département, with every filter but the département one (the map's own). */
  mapStats: Map<string, DepartmentStat>;
  /** The département and région filters when they exclude each other (see `contradictoryPlace`). */
  contradiction: { department: string; region: string } | null;
  /** Laureates per value of each filter, the other filters applied: the options of the form. */
  facets: Record<PalmaresFilter, Map<string, number>>;
  distinctions: Distinction[];
  areas: Areas;
};

/**
 * The palmarès of a published edition as its page shows it, filtered by the URL's parameters
 * (French names, read leniently: unknown values are reported, not applied). Null when the edition is
 * unknown or not published: an edition under review must not leak.
 */
export async function getPalmaresEditionPage(db: Db, year: number, query: Record<string, unknown>): Promise<PalmaresEditionPage | null> {
  const results = await listEditionResults(db, year);
  if (!results) return null;
  const [areas, distinctions, editions, deliberated] = await Promise.all([
    loadAreas(db),
    listDistinctions(db),
    listPublishedEditions(db),
    listDeliberatedResultKeys(db, [year]),
  ]);
  const raw: Partial<Record<PalmaresFilter, unknown>> = {};
  for (const filter of PALMARES_FILTERS) raw[filter] = query[PAGE_PARAMETERS[filter]];
  const { filters, ignored } = readFilters(raw, knownValuesOf(areas, distinctions));
  const rawMode = typeof query.carte === 'string' ? query.carte.trim() : '';
  const mapMode = isMapMode(rawMode) ? rawMode : DEFAULT_MAP_MODE;
  const areaNames = new Map<string, string>([
    ...[...areas.regions].map(([code, name]) => [`region:${code}`, name] as [string, string]),
    ...[...areas.departments].map(([code, name]) => [`department:${code}`, name] as [string, string]),
  ]);
  return {
    year,
    deliberated: deliberated.size > 0,
    ...neighbourEditions(
      editions.map((e) => e.year),
      year,
    ),
    filters,
    ignored,
    mapMode,
    ignoredMapMode: rawMode && !isMapMode(rawMode) ? rawMode.slice(0, 100) : null,
    laureates: filterEntries(results, filters),
    summary: summarise(results, filters, { distinctionOrder: distinctions.map((d) => d.code), areaNames }),
    mapStats: departmentStats(filterEntries(results, filters, ['department'])),
    contradiction: contradictoryPlace(filters, areas.departmentRegions),
    facets: Object.fromEntries(PALMARES_FILTERS.map((f) => [f, facetCounts(results, filters, f)])) as Record<PalmaresFilter, Map<string, number>>,
    distinctions,
    areas,
  };
}

/** A line of the palmarès in the JSON API: codes only. */
export type ApiResult = {
  code: string;
  name: string;
  kind: EditionResult['kind'];
  category: TerritoryCategory;
  stratum: TerritoryStratum | null;
  department: string | null;
  region: string | null;
  level: number;
  distinctions: string[];
};

export type ApiResultsOutcome =
  { status: 'not_found' } | { status: 'unknown_value'; filter: PalmaresFilter; value: string } | { status: 'ok'; items: ApiResult[] };

/**
 * The results of a published edition for the API, filtered strictly: a well-formed code that names
 * nothing (région 99, distinction « dorée ») is an error for the caller to report.
 */
export async function getEditionResultsForApi(db: Db, year: number, filters: PalmaresFilters): Promise<ApiResultsOutcome> {
  const results = await listEditionResults(db, year);
  if (!results) return { status: 'not_found' };
  const needsAreas = filters.region !== undefined || filters.department !== undefined;
  const [areas, distinctions] = await Promise.all([
    needsAreas ? loadAreas(db) : Promise.resolve<Areas>({ regions: new Map(), departments: new Map(), departmentRegions: new Map() }),
    filters.distinction !== undefined ? listDistinctions(db) : Promise.resolve([]),
  ]);
  const known = knownValuesOf(areas, distinctions);
  for (const filter of PALMARES_FILTERS) {
    const value = filters[filter];
    if (value !== undefined && !isKnownFilterValue(filter, value, known)) return { status: 'unknown_value', filter, value };
  }
  const items = filterEntries(results, filters).map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    category: r.category,
    stratum: r.stratum,
    department: r.department?.code ?? null,
    region: r.region?.code ?? null,
    level: r.level,
    distinctions: r.distinctions,
  }));
  return { status: 'ok', items };
}
