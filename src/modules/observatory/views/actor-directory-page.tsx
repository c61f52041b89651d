import { ErrorSummary, SelectField, SuggestSearchField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { ACTOR_KINDS, type ActorKind } from '../../actors/actor.rules.ts';
import type { ActorListItem } from '../../actors/actors.service.ts';
import { actorMessages } from '../../actors/messages.ts';

const m = actorMessages.directory;

/** The directory of actors with public initiatives: a GET form (works without JavaScript), results, pages. */
export function ActorDirectoryPage(props: {
  query: { q: string; kind?: ActorKind; page: number };
  result: { items: ActorListItem[]; total: number };
  errors: Record<string, string>;
  pageSize: number;
}) {
  const { query, result } = props;
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('kind', query.kind);
  const pages = Math.max(1, Math.ceil(result.total / props.pageSize));
  const qs = params.toString();
  const firstPage = qs ? `/acteurs?${qs}` : '/acteurs';

  return (
    <Layout
      title={query.q ? m.searchTitle(query.q) : m.title}
      description={m.description}
      // The suggestions are those of the directory: only actors with public initiatives.
      scripts={['/static/js/suggest.js']}
      breadcrumb={[{ href: '/acteurs', label: actorMessages.breadcrumb }]}
    >
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <ErrorSummary errors={props.errors} labels={m.fieldLabels} unlinked={['page']} />
      <form method="get" action="/acteurs" role="search" class="filters" aria-label={m.searchLabel}>
        <SuggestSearchField
          label={m.queryLabel}
          hint={m.queryHint}
          button={m.searchButton}
          value={query.q ?? ''}
          suggest="/api/v1/actors?withInitiatives=true"
          listId="suggestions-acteurs"
        />
        <div class="filters__row">
          <SelectField
            name="kind"
            label={m.kindLabel}
            emptyOption={m.allKinds}
            value={query.kind}
            options={ACTOR_KINDS.map((k) => ({ value: k, label: actorMessages.kindsPlural[k] }))}
          />
          <div class="filters__actions">
            <button type="submit" class="button button--secondary">
              {m.filterButton}
            </button>
          </div>
        </div>
      </form>

      <section aria-labelledby="titre-resultats" class="section">
        <h2 id="titre-resultats" aria-live="polite">
          {m.resultCount(result.total)}
        </h2>
        {result.total === 0 ? (
          query.q || query.kind ? (
            <p>
              {m.noResultHelp(!!query.kind)} <a href="/acteurs">{m.allActors}</a>
            </p>
          ) : (
            <p>{m.noActorYet}</p>
          )
        ) : result.items.length === 0 ? (
          <p>
            {m.pastLastPage(pages)} <a href={firstPage}>{m.firstPage}</a>
          </p>
        ) : (
          <ul class="result-list">
            {result.items.map((actor) => (
              <li key={actor.id} class="result-list__item">
                <a href={`/acteurs/${encodeURIComponent(actor.id)}`} class="result-list__title">
                  {actor.name}
                </a>
                <span class="result-list__meta">
                  {actorMessages.kinds[actor.kind]} · {m.itemCounts(actor.initiativeCount, actor.territoryCount)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath="/acteurs" params={params} page={query.page} total={result.total} pageSize={props.pageSize} />
      </section>
    </Layout>
  );
}
