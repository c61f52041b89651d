import { Layout } from '../../../platform/views/layout.tsx';
import type { PublicInitiativeCard } from '../../initiatives/public-initiatives.service.ts';
import { formatSiren } from '../actor.rules.ts';
import type { ActorRow } from '../actors.service.ts';
import { actorMessages, formatDate } from '../messages.ts';

const m = actorMessages.page;

type TerritoryGroup = { code: string; name: string; initiatives: PublicInitiativeCard[] };

/** Initiatives by territory, territories by name; each keeps the order it was given (latest published first). */
function byTerritory(initiatives: readonly PublicInitiativeCard[]): TerritoryGroup[] {
  const groups = new Map<string, TerritoryGroup>();
  for (const initiative of initiatives) {
    const { code, name } = initiative.territory;
    let group = groups.get(code);
    if (!group) groups.set(code, (group = { code, name, initiatives: [] }));
    group.initiatives.push(initiative);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code));
}

/** Only web addresses become links (the input already refuses anything else); shown without their scheme. */
function websiteText(website: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(website) ? website.replace(/^https?:\/\//i, '') : null;
}

export function ActorPage(props: { actor: ActorRow; initiatives: PublicInitiativeCard[] }) {
  const { actor } = props;
  const kindLabel = actorMessages.kinds[actor.kind];
  const groups = byTerritory(props.initiatives);
  const shownWebsite = actor.website ? websiteText(actor.website) : null;
  return (
    <Layout title={actor.name} description={m.description(kindLabel, actor.name)} breadcrumb={[{ href: `/acteurs/${actor.id}`, label: actor.name }]}>
      <p class="eyebrow">{kindLabel}</p>
      <h1>{actor.name}</h1>
      <section aria-labelledby="titre-identite" class="section">
        <h2 id="titre-identite">{m.identity}</h2>
        <dl class="facts">
          <div>
            <dt>{m.kind}</dt>
            <dd>{kindLabel}</dd>
          </div>
          {actor.website ? (
            <div>
              <dt>{m.website}</dt>
              <dd>
                {shownWebsite ? (
                  <a href={actor.website} rel="nofollow noopener">
                    {shownWebsite}
                  </a>
                ) : (
                  actor.website
                )}
              </dd>
            </div>
          ) : null}
          {actor.siren ? (
            <div>
              <dt>{m.siren}</dt>
              <dd>{formatSiren(actor.siren)}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="titre-initiatives" class="section">
        <h2 id="titre-initiatives">{m.initiativesTitle}</h2>
        {groups.length === 0 ? (
          <div class="card">
            <p>
              <strong>{m.noInitiative}</strong>
            </p>
            <p>{m.noInitiativeHelp}</p>
            <p>
              <a href="/territoires">{m.findTerritory}</a>
            </p>
          </div>
        ) : (
          <>
            <p class="lead">{m.initiativeCount(props.initiatives.length, groups.length)}</p>
            {groups.map((group) => (
              <section key={group.code} aria-labelledby={`territoire-${group.code}`}>
                <h3 id={`territoire-${group.code}`}>
                  <a href={`/territoires/${encodeURIComponent(group.code)}`}>{group.name}</a>{' '}
                  <span class="muted">({m.territoryInitiatives(group.initiatives.length)})</span>
                </h3>
                <ul class="result-list">
                  {group.initiatives.map((initiative) => (
                    <li key={initiative.id} class="result-list__item">
                      <a href={`/initiatives/${encodeURIComponent(initiative.id)}`} class="result-list__title">
                        {initiative.title}
                      </a>
                      <span class="result-list__meta">
                        {[
                          actorMessages.statuses[initiative.status],
                          initiative.themes.length ? `${m.themes} : ${initiative.themes.map((t) => t.name).join(', ')}` : null,
                          initiative.publishedAt ? m.publishedOn(formatDate(initiative.publishedAt)) : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      {initiative.summary ? <p>{initiative.summary}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </section>
    </Layout>
  );
}
