import { ErrorSummary, formatNumber } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { TerritorySearchQuery, TerritorySummary } from '../search-territories.service.ts';
import { CATEGORY_LABELS, KIND_LABELS, TERRITORY_KINDS, type TerritoryCategory } from '../territory.rules.ts';

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
  const title = query.q ? `Territoires correspondant à « ${query.q} »` : 'Annuaire des territoires';

  return (
    <Layout title={title} scripts={['/static/js/territory-suggest.js']} breadcrumb={[{ href: '/territoires', label: 'Territoires' }]}>
      <h1>Annuaire des territoires</h1>
      <p class="lead">Toutes les communes, intercommunalités, départements et régions de France.</p>
      <ErrorSummary errors={props.errors} labels={{ q: 'Nom', kind: 'Type', region: 'Région', department: 'Département', page: 'Page' }} unlinked={['page']} />
      <form method="get" action="/territoires" role="search" class="filters" aria-label="Chercher un territoire">
        <div class="filters__search">
          <label for="champ-q">Nom, code postal ou code officiel</label>
          <div class="search-box__row">
            <input
              id="champ-q"
              name="q"
              type="search"
              value={query.q}
              autocomplete="off"
              list="suggestions-territoires"
              data-suggest="/api/v1/territories"
              aria-describedby="aide-q"
            />
            <datalist id="suggestions-territoires"></datalist>
            <button type="submit" class="button">Rechercher</button>
          </div>
          <p class="field__hint" id="aide-q">Les accents, les majuscules et les petites fautes de frappe sont tolérés.</p>
        </div>
        <div class="filters__row">
          <div class="field">
            <label for="champ-kind">Type</label>
            <select id="champ-kind" name="kind">
              <option value="">Tous</option>
              {TERRITORY_KINDS.map((k) => (
                <option value={k} selected={query.kind === k}>{KIND_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="champ-region">Région</label>
            <select id="champ-region" name="region">
              <option value="">Toutes</option>
              {regions.map((r) => (
                <option value={r.code} selected={query.region === r.code}>{r.name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="champ-department">Département</label>
            <select id="champ-department" name="department">
              <option value="">Tous</option>
              {departments.map((d) => (
                <option value={d.code} selected={query.department === d.code}>{`${d.code} – ${d.name}`}</option>
              ))}
            </select>
          </div>
          <div class="filters__actions">
            <button type="submit" class="button button--secondary">Filtrer</button>
          </div>
        </div>
      </form>

      {result ? (
        <section aria-labelledby="titre-resultats" class="section">
          <h2 id="titre-resultats" aria-live="polite">
            {result.total === 0
              ? 'Aucun territoire trouvé'
              : `${formatNumber(result.total)} territoire${result.total > 1 ? 's' : ''}`}
          </h2>
          {result.total === 0 ? (
            <p>Vérifiez l'orthographe, retirez un filtre ou cherchez par code postal.</p>
          ) : (
            <ul class="result-list">
              {result.items.map((t) => (
                <li key={t.code} class="result-list__item">
                  <a href={`/territoires/${encodeURIComponent(t.code)}`} class="result-list__title">{t.name}</a>
                  <span class="result-list__meta">
                    {KIND_LABELS[t.kind]}
                    {t.kind === 'commune' || t.kind === 'epci'
                      ? ` · ${CATEGORY_LABELS[t.category as TerritoryCategory]}`
                      : ''}
                    {t.department && t.kind !== 'departement' ? ` · ${names.get(`departement:${t.department}`) ?? t.department} (${t.department})` : ''}
                    {t.population !== null ? ` · ${formatNumber(t.population)} habitants` : ''}
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
