import { Notice } from '../../../platform/views/components.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import { TERRITORY_CATEGORIES, TERRITORY_STRATA } from '../../territories/territory.rules.ts';
import { LEVELS } from '../../label/results.rules.ts';
import { resultsMessages } from '../../label/messages.ts';
import { DEFAULT_MAP_MODE } from '../map.rules.ts';
import { palmaresMessages } from '../palmares.messages.ts';
import { PAGE_PARAMETERS, PALMARES_FILTERS, palmaresQuery, type PalmaresFilter, type PalmaresFilters } from '../palmares.rules.ts';
import type { PalmaresEditionPage } from '../palmares.service.ts';
import { compareDepartmentCodes } from '../../territories/territory.rules.ts';

const m = palmaresMessages.filters;

/** The name of a filter's value as the page shows it. */
export function filterValueLabel(page: PalmaresEditionPage, filter: PalmaresFilter, value: string): string {
  switch (filter) {
    case 'level':
      return resultsMessages.levelLong(Number(value));
    case 'region':
      return page.areas.regions.get(value) ?? value;
    case 'department':
      return m.department(page.areas.departments.get(value) ?? value, value);
    case 'category':
      return territoryMessages.categories[value as (typeof TERRITORY_CATEGORIES)[number]] ?? value;
    case 'stratum':
      return territoryMessages.strata[value as (typeof TERRITORY_STRATA)[number]] ?? value;
    case 'distinction':
      return page.distinctions.find((d) => d.code === value)?.name ?? value;
  }
}

/** Values offered by a filter: those held by a laureate (with the other filters), and the chosen one. */
function optionsOf(page: PalmaresEditionPage, filter: PalmaresFilter): { value: string; label: string }[] {
  const counts = page.facets[filter];
  let values: string[];
  if (filter === 'category') values = [...TERRITORY_CATEGORIES];
  else if (filter === 'stratum') values = [...TERRITORY_STRATA];
  else if (filter === 'distinction') values = page.distinctions.map((d) => d.code);
  else if (filter === 'level') values = [...LEVELS].reverse().map(String);
  else values = [...counts.keys()];
  const chosen = page.filters[filter];
  values = values.filter((v) => (counts.get(v) ?? 0) > 0 || v === chosen);
  if (chosen && !values.includes(chosen)) values.push(chosen);
  const options = values.map((value) => ({ value, label: m.option(filterValueLabel(page, filter, value), counts.get(value) ?? 0) }));
  if (filter === 'region') options.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  if (filter === 'department') options.sort((a, b) => compareDepartmentCodes(a.value, b.value));
  return options;
}

export function pageUrl(year: number, filters: PalmaresFilters, mapMode?: string, hash = ''): string {
  const query = palmaresQuery(filters, { carte: mapMode && mapMode !== DEFAULT_MAP_MODE ? mapMode : undefined }).toString();
  return `/palmares/${year}${query ? `?${query}` : ''}${hash}`;
}

/** The edition's map page, with the same filters and colouring (the map is too heavy for the list's page). */
export function mapPageUrl(year: number, filters: PalmaresFilters, mapMode?: string): string {
  return pageUrl(year, filters, mapMode).replace(`/palmares/${year}`, `/palmares/${year}/carte`);
}

/** The names of the chosen filters, in the order of the form: for the page's title and heading. */
export function chosenFilterLabels(page: PalmaresEditionPage): string[] {
  return PALMARES_FILTERS.flatMap((filter) => {
    const value = page.filters[filter];
    return value ? [filterValueLabel(page, filter, value)] : [];
  });
}

/** The page's heading, with the chosen filters under it (their names, in one line). */
export function FilteredHeading(props: { title: string; chosen: string[] }) {
  return (
    <h1>
      {props.title}
      {props.chosen.length ? (
        <span class="filtered-heading__filters">
          <span class="visually-hidden"> : </span>
          {props.chosen.join(', ')}
        </span>
      ) : null}
    </h1>
  );
}

/** The notices of values left out: the page says what it did not apply. */
export function IgnoredNotices(props: { page: PalmaresEditionPage }) {
  const { page } = props;
  return (
    <>
      {page.ignored.map((i) => (
        <Notice kind="warning">{m.ignored(m.names[i.filter], i.value)}</Notice>
      ))}
      {page.ignoredMapMode ? <Notice kind="warning">{m.ignoredMapMode(page.ignoredMapMode)}</Notice> : null}
    </>
  );
}

/** The GET form of filters (works without JavaScript), and the chosen filters as removable chips. */
export function PalmaresFiltersForm(props: { page: PalmaresEditionPage }) {
  const { page } = props;
  const chosen = PALMARES_FILTERS.flatMap((filter) => {
    const value = page.filters[filter];
    return value ? [{ filter, value }] : [];
  });
  return (
    <>
      <form method="get" action={`/palmares/${page.year}`} class="filters palmares-filters" aria-labelledby="titre-filtres">
        <h2 id="titre-filtres" class="palmares-filters__title">
          {m.title}
        </h2>
        <div class="filters__grid">
          {PALMARES_FILTERS.map((filter) => (
            <div class="field" key={filter}>
              <label for={`champ-${filter}`}>{m.names[filter]}</label>
              <select id={`champ-${filter}`} name={PAGE_PARAMETERS[filter]}>
                <option value="">{filter === 'department' || filter === 'level' ? m.allMasculine : m.all}</option>
                {optionsOf(page, filter).map((o) => (
                  <option value={o.value} selected={page.filters[filter] === o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        {page.mapMode !== DEFAULT_MAP_MODE ? <input type="hidden" name="carte" value={page.mapMode} /> : null}
        <p class="actions">
          <button type="submit" class="button">
            {m.apply}
          </button>{' '}
          <a href={pageUrl(page.year, {}, page.mapMode)}>{m.reset}</a>
        </p>
      </form>
      {chosen.length ? (
        <section aria-labelledby="titre-filtres-choisis" class="chosen-filters">
          <h2 id="titre-filtres-choisis" class="visually-hidden">
            {m.chosen}
          </h2>
          <ul class="chip-list">
            {chosen.map(({ filter, value }) => {
              const without = { ...page.filters };
              delete without[filter];
              const label = filterValueLabel(page, filter, value);
              return (
                <li key={filter}>
                  <a class="chip" href={pageUrl(page.year, without, page.mapMode)} aria-label={m.remove(m.names[filter], label)}>
                    {m.names[filter]} : {label} <span aria-hidden="true">×</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
