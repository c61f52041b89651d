import { initiativeMessages } from '../../initiatives/messages.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PublicInitiativeCard } from '../../initiatives/public-initiatives.service.ts';
import { formatSiren } from '../../actors/actor.rules.ts';
import type { ActorRow } from '../../actors/actors.service.ts';
import { actorMessages, formatDate } from '../../actors/messages.ts';

const m = actorMessages.page;

/** The two views of an actor's initiatives: `/acteurs/:id` (by territory) and `/acteurs/:id?par=enjeu`. */
export type ActorPageView = 'territoire' | 'enjeu';

type Group = { key: string; name: string; href?: string; initiatives: PublicInitiativeCard[] };

/** Initiatives by territory, territories by name; each keeps the order it was given (latest published first). */
function byTerritory(initiatives: readonly PublicInitiativeCard[]): Group[] {
  const groups = new Map<string, Group>();
  for (const initiative of initiatives) {
    const { code, name } = initiative.territory;
    let group = groups.get(code);
    if (!group) groups.set(code, (group = { key: code, name, href: `/territoires/${encodeURIComponent(code)}`, initiatives: [] }));
    group.initiatives.push(initiative);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.key.localeCompare(b.key));
}

const NO_THEME = '';

/**
 * Initiatives by theme: an initiative under each theme it covers, themes in the referential's order
 * (`themeOrder`, then themes retired since by name), the initiatives without a theme last.
 */
export function byTheme(initiatives: readonly PublicInitiativeCard[], themeOrder: readonly string[]): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, name: string, initiative: PublicInitiativeCard) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name, initiatives: [] }));
    group.initiatives.push(initiative);
  };
  for (const initiative of initiatives) {
    if (initiative.themes.length === 0) add(NO_THEME, m.withoutTheme, initiative);
    for (const theme of initiative.themes) add(theme.id, theme.name, initiative);
  }
  const rank = (key: string) => (key === NO_THEME ? Infinity : themeOrder.includes(key) ? themeOrder.indexOf(key) : themeOrder.length);
  return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.name.localeCompare(b.name, 'fr'));
}

/** An HTML id from a territory code or a theme id ("enjeu-mediation"). */
const anchorOf = (prefix: string, key: string) => `${prefix}-${key.replace(/[^a-z0-9_-]/gi, '-') || 'aucun'}`;

/** Only web addresses become links (the input already refuses anything else); shown without their scheme. */
function websiteText(website: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(website) ? website.replace(/^https?:\/\//i, '') : null;
}

export function ActorPage(props: { actor: ActorRow; initiatives: PublicInitiativeCard[]; view?: ActorPageView; themeOrder?: readonly string[] }) {
  const { actor } = props;
  const view = props.view ?? 'territoire';
  const kindLabel = actorMessages.kinds[actor.kind];
  const territoryGroups = byTerritory(props.initiatives);
  const groups = view === 'enjeu' ? byTheme(props.initiatives, props.themeOrder ?? []) : territoryGroups;
  const themeCount = groups.filter((g) => g.key !== NO_THEME).length;
  const shownWebsite = actor.website ? websiteText(actor.website) : null;
  const pageHref = `/acteurs/${encodeURIComponent(actor.id)}`;
  const views: { view: ActorPageView; href: string; label: string }[] = [
    { view: 'territoire', href: `${pageHref}#titre-initiatives`, label: m.byTerritory },
    { view: 'enjeu', href: `${pageHref}?par=enjeu#titre-initiatives`, label: m.byTheme },
  ];
  return (
    <Layout
      title={view === 'enjeu' ? `${actor.name} (${m.byTheme.toLowerCase()})` : actor.name}
      description={m.description(kindLabel, actor.name)}
      breadcrumb={[
        { href: '/acteurs', label: actorMessages.breadcrumb },
        { href: pageHref, label: actor.name },
      ]}
    >
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
        {props.initiatives.length === 0 ? (
          <div class="card">
            <p>
              <strong>{m.noInitiative}</strong>
            </p>
            <p>{m.noInitiativeHelp}</p>
            <p>
              <a href="/territoires">{m.findTerritory}</a> · <a href="/acteurs">{m.directoryLink}</a>
            </p>
          </div>
        ) : (
          <>
            <p class="lead">{m.initiativeCount(props.initiatives.length, territoryGroups.length)}</p>
            <nav class="view-switch" aria-label={m.viewsLabel}>
              <ul>
                {views.map((v) => (
                  <li key={v.view}>
                    <a href={v.href} aria-current={v.view === view ? 'page' : undefined}>
                      {v.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {view === 'enjeu' ? (
              <p class="muted">
                {m.themeCount(themeCount)}. {m.themeHint}
              </p>
            ) : null}
            {groups.map((group) => {
              const headingId = anchorOf(view === 'enjeu' ? 'enjeu' : 'territoire', group.key);
              return (
                <section key={group.key} aria-labelledby={headingId}>
                  <h3 id={headingId}>
                    {group.href ? <a href={group.href}>{group.name}</a> : group.name}{' '}
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
                            view === 'enjeu' ? initiative.territory.name : null,
                            initiativeMessages.statuses[initiative.status],
                            view === 'territoire' && initiative.themes.length ? `${m.themes} : ${initiative.themes.map((t) => t.name).join(', ')}` : null,
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
              );
            })}
          </>
        )}
      </section>
    </Layout>
  );
}
