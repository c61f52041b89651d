import { isUuid } from '../../platform/validation.ts';
import type { Db } from '../../platform/db/database.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { initiativeMessages } from '../initiatives/messages.ts';
import { AUDIENCES, INITIATIVE_STATUSES } from '../initiatives/initiative.rules.ts';
import { describeServices, getCurrentReferential } from '../referential/referential.service.ts';
import { listAreas } from '../territories/search-territories.service.ts';
import { territoryMessages } from '../territories/messages.ts';
import { TERRITORY_CATEGORIES, TERRITORY_STRATA } from '../territories/territory.rules.ts';
import { resultsMessages } from '../label/messages.ts';
import { LEVELS } from '../label/results.rules.ts';
import { FACETS, type Facet } from './facets.ts';
import type { FacetValue, SearchFilters, SearchParams } from './search-initiatives.service.ts';
import { queryWords } from './search.rules.ts';
import { observatoryMessages as m } from './messages.ts';

const MAX_PAGE = 10_000;

/** Labels of every value a facet may take (the referential, territories, actors, fixed lists). */
async function knownValues(db: Db, facet: Facet, values: string[]): Promise<Map<string, string>> {
  switch (facet) {
    case 'axis':
    case 'theme': {
      const referential = await getCurrentReferential(db);
      const entries = facet === 'axis' ? referential.axes : referential.axes.flatMap((a) => a.themes);
      return new Map(entries.map((x) => [x.id, x.name]));
    }
    case 'service':
      return new Map([...(await describeServices(db, values)).values()].map((s) => [s.id, s.name]));
    case 'actor': {
      const ids = values.filter(isUuid);
      return new Map((ids.length ? await getActorsByIds(db, ids) : []).map((a) => [a.id, a.name]));
    }
    case 'region':
    case 'department': {
      const kind = facet === 'region' ? 'region' : 'departement';
      return new Map(
        (await listAreas(db, { withCollectivities: true }))
          .filter((a) => a.kind === kind)
          .map((a) => [a.code, facet === 'department' ? `${a.name} (${a.code})` : a.name]),
      );
    }
    case 'status':
      return new Map(INITIATIVE_STATUSES.map((s) => [s, initiativeMessages.statuses[s]]));
    case 'audience':
      return new Map(AUDIENCES.map((a) => [a, initiativeMessages.audiences[a]]));
    case 'stratum':
      return new Map(TERRITORY_STRATA.map((s) => [s, territoryMessages.strata[s]]));
    case 'category':
      return new Map(TERRITORY_CATEGORIES.map((c) => [c, territoryMessages.categories[c]]));
    case 'labelLevel':
      return new Map(LEVELS.map((level) => [String(level), resultsMessages.levelShort(level)]));
    case 'year':
      return new Map(values.filter((v) => /^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= 2100).map((v) => [v, v]));
    case 'responsibleDigital':
      return new Map([
        ['true', m.facets.responsibleDigitalYes],
        ['false', m.facets.responsibleDigitalNo],
      ]);
  }
}

export type ReadSearch = { search: SearchFilters; q: string; ignored: { facet: Facet | 'page'; value: string }[] };

/**
 * Reads the search parameters leniently: a value the facet does not know is left out and reported
 * (the page says so), never an error; a page past the end is simply empty.
 */
export async function readSearchParams(db: Db, params: SearchParams): Promise<ReadSearch> {
  const q = (params.q ?? '').slice(0, 1000);
  const filters: SearchFilters['filters'] = {};
  const ignored: ReadSearch['ignored'] = [];
  for (const facet of FACETS) {
    const value = params[facet]?.trim();
    if (!value) continue;
    if ((await knownValues(db, facet, [value])).has(value)) filters[facet] = value;
    else ignored.push({ facet, value: value.slice(0, 100) });
  }
  let page = 1;
  if (params.page !== undefined && params.page !== '') {
    const n = Number(params.page);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) page = n;
    else ignored.push({ facet: 'page', value: params.page.slice(0, 20) });
  }
  return { search: { words: queryWords(q), filters, page }, q, ignored };
}

export type LabelledFacets = Record<Facet, (FacetValue & { label: string })[]>;

/** Names each counted value; values without a name (a service of an old referential…) keep their id. */
/** The names of the chosen filters, whether or not any sheet is left under them (for the title and the chips). */
export async function labelChosenFilters(db: Db, filters: SearchFilters['filters']): Promise<Map<Facet, string>> {
  const out = new Map<Facet, string>();
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value) out.set(facet, (await knownValues(db, facet, [value])).get(value) ?? value);
  }
  return out;
}

export async function labelFacets(db: Db, facets: Record<Facet, FacetValue[]>): Promise<LabelledFacets> {
  const out = {} as LabelledFacets;
  for (const facet of FACETS) {
    const values = facets[facet];
    const labels = await knownValues(
      db,
      facet,
      values.map((v) => v.value),
    );
    out[facet] = values.map((v) => ({ ...v, label: labels.get(v.value) ?? v.value }));
  }
  return out;
}
