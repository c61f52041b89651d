import { ErrorSummary, SelectField, SuggestSearchField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { TerritorySearchQuery, TerritorySummary } from '../search-territories.service.ts';
import { territoryMessages } from '../messages.ts';
import { TERRITORY_KINDS, type TerritoryCategory } from '../territory.rules.ts';

const m = territoryMessages.directory;
const { kinds, categories } = territoryMessages;

type Area = { code: string; name: string; kind: string; regionCode: string | null };

export function TerritoryDirectoryPage(props: {
  query: TerritorySearchQuery;
  result: { items: TerritorySummary[]; total: number } | null;
  areas: Area[];
  errors: Record<string, string>;
  pageSize: number;
}) {
  const { query, result, areas } = props;
  const regions = areas.filter((a) => a.kind === 'region').sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const departments = areas.filter((a) => a.kind === 'departement');
  const names = new Map(areas.map((a) => [`${a.kind}:${a.code}`, a.name]));
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  if (query.region) params.set('region', query.region);
  if (query.department) params.set('department', query.department);
  const title = query.q ? m.searchTitle(query.q) : m.title;

  return (
    <Layout title={title} scripts={['/static/js/suggest.js']} breadcrumb={[{ href: '/territoires', label: territoryMessages.breadcrumb }]}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <ErrorSummary errors={props.errors} labels={m.fieldLabels} unlinked={['page']} />
      <form method="get" action="/territoires" role="search" class="filters" aria-label={m.searchLabel}>
        <SuggestSearchField
          label={m.queryLabel}
          hint={m.queryHint}
          button={m.searchButton}
          value={query.q ?? ''}
          suggest="/api/v1/territories"
          listId="suggestions-territoires"
        />
        <div class="filters__row">
          <SelectField
            name="kind"
            label={m.kindLabel}
            emptyOption={m.allKinds}
            value={query.kind}
            options={TERRITORY_KINDS.map((k) => ({ value: k, label: kinds[k] }))}
          />
          <SelectField
            name="region"
            label={m.regionLabel}
            emptyOption={m.allRegions}
            value={query.region}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            name="department"
            label={m.departmentLabel}
            emptyOption={m.allDepartments}
            value={query.department}
            options={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
          />
          <div class="filters__actions">
            <button type="submit" class="button button--secondary">
              {m.filterButton}
            </button>
          </div>
        </div>
      </form>

      {result ? (
        <section aria-labelledby="titre-resultats" class="section">
          <h2 id="titre-resultats" aria-live="polite">
            {m.resultCount(result.total)}
          </h2>
          {result.total === 0 ? (
            <p>{m.noResultHelp}</p>
          ) : (
            <ul class="result-list">
              {result.items.map((t) => (
                <li key={t.code} class="result-list__item">
                  <a href={`/territoires/${encodeURIComponent(t.code)}`} class="result-list__title">
                    {t.name}
                  </a>
                  <span class="result-list__meta">
                    {kinds[t.kind]}
                    {t.kind === 'commune' || t.kind === 'epci' ? ` · ${categories[t.category as TerritoryCategory]}` : ''}
                    {t.department && t.kind !== 'departement' ? ` · ${names.get(`departement:${t.department}`) ?? t.department} (${t.department})` : ''}
                    {t.population !== null ? ` · ${territoryMessages.inhabitants(t.population)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pagination basePath="/territoires" params={params} page={query.page} total={result.total} pageSize={props.pageSize} />
        </section>
      ) : null}
    </Layout>
  );
}
