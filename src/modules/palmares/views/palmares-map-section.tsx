import { MAP_MODES } from '../map.rules.ts';
import { palmaresMessages } from '../palmares.messages.ts';
import { PAGE_PARAMETERS, PALMARES_FILTERS } from '../palmares.rules.ts';
import type { PalmaresEditionPage } from '../palmares.service.ts';
import { FranceMap, FranceMapTable, MAP_DEPARTMENT_CODES } from './france-map.tsx';
import { mapPageUrl, pageUrl } from './palmares-filters.tsx';
import { compareDepartmentCodes } from '../../territories/territory.rules.ts';

const m = palmaresMessages.map;

/** The overseas départements, always listed beside the map (the map draws metropolitan France only). */
const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'];

/** How the map page shows its figures: the map, or the same figures as a table. */
export type MapView = 'map' | 'table';

/** The map of the edition with its colouring choice (a GET form that keeps the filters), or its data as a table. */
export function PalmaresMapSection(props: { page: PalmaresEditionPage; view: MapView }) {
  const { page } = props;
  const departmentHref = (code: string) => pageUrl(page.year, { ...page.filters, department: code }, page.mapMode, '#laureats');
  const mapUrl = mapPageUrl(page.year, page.filters, page.mapMode);
  if (props.view === 'table')
    return (
      <section aria-labelledby="titre-carte" id="carte" class="palmares-map">
        <h2 id="titre-carte">{m.tableTitle}</h2>
        <p>
          <a href={mapUrl}>{m.backToMap}</a>
        </p>
        <FranceMapTable year={page.year} stats={page.mapStats} names={page.areas.departments} href={departmentHref} />
      </section>
    );
  const offMap = [...new Set([...OVERSEAS_DEPARTMENTS, ...[...page.mapStats.keys()].filter((code) => !MAP_DEPARTMENT_CODES.has(code))])].sort((a, b) =>
    compareDepartmentCodes(a, b),
  );
  const otherFilters = PALMARES_FILTERS.some((f) => f !== 'department' && page.filters[f]);
  return (
    <section aria-labelledby="titre-carte" id="carte" class="palmares-map">
      <h2 id="titre-carte">{m.title}</h2>
      <p>
        {m.intro[page.mapMode]}
        {otherFilters || page.filters.department ? ` ${m.followsFilters}` : ''}
      </p>
      <form method="get" action={`/palmares/${page.year}/carte`} class="map-mode">
        {PALMARES_FILTERS.map((f) => (page.filters[f] ? <input type="hidden" name={PAGE_PARAMETERS[f]} value={page.filters[f]} key={f} /> : null))}
        <fieldset class="map-mode__choices">
          <legend>{m.modeLegend}</legend>
          {MAP_MODES.map((mode) => (
            <div class="map-mode__choice" key={mode}>
              <input type="radio" id={`carte-${mode}`} name="carte" value={mode} checked={page.mapMode === mode} />
              <label for={`carte-${mode}`}>{m.modes[mode]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button--secondary button--small">
          {m.modeApply}
        </button>
      </form>
      <FranceMap
        year={page.year}
        mode={page.mapMode}
        stats={page.mapStats}
        names={page.areas.departments}
        href={departmentHref}
        overseas={offMap.map((code) => ({ code, name: page.areas.departments.get(code) ?? code }))}
        tableHref={`${mapUrl}${mapUrl.includes('?') ? '&' : '?'}vue=tableau#carte`}
      />
    </section>
  );
}
