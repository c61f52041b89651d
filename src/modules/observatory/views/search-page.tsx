import { formatNumber, Notice } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { titleWithFilters } from '../../../platform/views/page-title.ts';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { initiativeMessages } from '../../initiatives/messages.ts';
import { FACETS, type Facet } from '../facets.ts';
import { observatoryMessages } from '../messages.ts';
import type { SearchResult } from '../search-initiatives.service.ts';
import { SEARCH_PAGE_SIZE } from '../search-initiatives.service.ts';
import type { LabelledFacets, ReadSearch } from '../search-params.service.ts';

const m = observatoryMessages;

/** The URL of the search with these parameters (shareable; empty ones left out). */
function searchUrl(q: string, filters: Partial<Record<Facet, string>>): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value) params.set(facet, value);
  }
  return params;
}

export function SearchPage(props: { read: ReadSearch; result: SearchResult; facets: LabelledFacets; chosenLabels: ReadonlyMap<Facet, string> }) {
  const { read, result, facets } = props;
  const filters = read.search.filters;
  const params = searchUrl(read.q, filters);
  const themeNames = new Map(facets.theme.map((t) => [t.value, t.label]));
  const chosen = FACETS.flatMap((facet) => {
    const value = filters[facet];
    return value ? [{ facet, value }] : [];
  });
  const labelOf = (facet: Facet, value: string) => props.chosenLabels.get(facet) ?? facets[facet].find((v) => v.value === value)?.label ?? value;
  // The title says what the page shows, filters included: tabs, history and shared links tell searches apart.
  const title = titleWithFilters(m.search.title, [read.q, ...chosen.map(({ facet, value }) => labelOf(facet, value))]);
  return (
    <Layout
      title={title}
      scripts={['/static/js/live-search.js']}
      alternate={{
        href: `/feeds/initiatives.atom${params.toString() ? `?${params}` : ''}`,
        title: chosen.length || read.q ? m.feed.filteredTitle : m.feed.title,
      }}
      breadcrumb={[{ href: '/initiatives', label: m.search.title }]}
    >
      <h1>{m.search.title}</h1>
      <p class="lead">{m.search.intro}</p>
      <form method="get" action="/initiatives" class="search-form" role="search" data-live-search>
        <div class="field">
          <label for="champ-q">{m.search.label}</label>
          <p class="field__hint" id="champ-q-aide">
            {m.search.hint}
          </p>
          <div class="search-form__row">
            <input type="search" id="champ-q" name="q" value={read.q} aria-describedby="champ-q-aide" maxLength={1000} />
            <button type="submit" class="button">
              {m.search.submit}
            </button>
          </div>
        </div>
        <details class="filters" open={chosen.length > 0}>
          <summary>{m.search.filters}</summary>
          <div class="filters__grid">
            {FACETS.map((facet) => (
              <div class="field" key={facet}>
                <label for={`champ-${facet}`}>{m.facets.names[facet]}</label>
                <select id={`champ-${facet}`} name={facet}>
                  <option value="">{m.facets.all[facet]}</option>
                  {facets[facet].map((v) => (
                    <option value={v.value} selected={filters[facet] === v.value}>{`${v.label} (${formatNumber(v.count)})`}</option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <p class="actions">
            <button type="submit" class="button button--secondary">
              {m.search.apply}
            </button>{' '}
            <a href="/initiatives">{m.search.reset}</a>
          </p>
        </details>
      </form>

      {read.ignored.map((i) => (
        <Notice kind="warning">{m.search.ignored(i.facet === 'page' ? m.search.page : m.facets.names[i.facet], i.value)}</Notice>
      ))}
      {result.correctedWords ? <Notice kind="info">{m.search.corrected(result.correctedWords.join(' '))}</Notice> : null}

      {chosen.length ? (
        <section aria-labelledby="titre-filtres" class="chosen-filters">
          <h2 id="titre-filtres" class="visually-hidden">
            {m.search.chosen}
          </h2>
          <ul class="chip-list">
            {chosen.map(({ facet, value }) => {
              const without = { ...filters };
              delete without[facet];
              const qs = searchUrl(read.q, without).toString();
              return (
                <li key={facet}>
                  <a class="chip" href={qs ? `/initiatives?${qs}` : '/initiatives'} aria-label={m.facets.remove(m.facets.names[facet], labelOf(facet, value))}>
                    {m.facets.names[facet]} : {labelOf(facet, value)} ×
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="titre-resultats" id="resultats">
        <h2 id="titre-resultats" aria-live="polite">
          {m.search.results(result.total)}
        </h2>
        {result.total === 0 ? <p>{m.search.none}</p> : null}
        <ul class="card-list">
          {result.items.map((item) => (
            <li key={item.id} class="card">
              <h3 class="card__title">
                <a href={`/initiatives/${item.id}`}>{item.title}</a>
              </h3>
              <p class="card__meta">
                <a href={`/territoires/${item.territory.code}`}>{item.territory.name}</a> ·{' '}
                {initiativeMessages.statuses[item.status as keyof typeof initiativeMessages.statuses] ?? item.status} · {item.year}
              </p>
              {item.summary ? <p>{item.summary}</p> : null}
              {item.themeIds.length ? <p class="card__meta">{item.themeIds.map((t) => themeNames.get(t) ?? t).join(', ')}</p> : null}
            </li>
          ))}
        </ul>
        <Pagination basePath="/initiatives" params={params} page={result.page} total={result.total} pageSize={SEARCH_PAGE_SIZE} />
        <p>
          <a href={`/feeds/initiatives.atom${params.toString() ? `?${params}` : ''}`} type="application/atom+xml">
            {m.feed.link}
          </a>
        </p>
      </section>
    </Layout>
  );
}
