import { Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { NR_THEMES, nrThemeName } from '../nr-themes.rules.ts';
import { ofTheme } from '../quick-wins.rules.ts';
import { roadmapMessages } from '../roadmap.messages.ts';
import type { QuickWinsPage as PageData } from '../roadmap.service.ts';

const m = roadmapMessages.quickWins;

export const nrPath = (code: string) => `/espace/${code}/numerique-responsable`;
export const quickWinsPath = (code: string) => `${nrPath(code)}/gestes-rapides`;
export const roadmapPath = (code: string) => `${nrPath(code)}/feuille-de-route`;
export const charterPath = (code: string) => `${nrPath(code)}/charte`;

/** The breadcrumb of the module's pages, from the workspace. */
export const nrBreadcrumb = (territory: { code: string; name: string }, ...tail: { href: string; label: string }[]) => [
  { href: '/espace', label: 'Mon espace' },
  { href: `/espace/${territory.code}`, label: territory.name },
  { href: nrPath(territory.code), label: roadmapMessages.breadcrumb },
  ...tail,
];

export type QuickWinsPageProps = { data: PageData; theme?: string; canEdit: boolean; notice?: string; refused?: string };

/** The catalogue of quick wins matched to the territory's diagnostic, filtered by theme, each with its « Adopter » form. */
export function QuickWinsPage(props: QuickWinsPageProps) {
  const { territory, diagnostic } = props.data;
  const items = ofTheme(props.data.items, props.theme);
  return (
    <Layout title={m.title(territory.name)} breadcrumb={nrBreadcrumb(territory, { href: quickWinsPath(territory.code), label: m.breadcrumb })}>
      <h1>{m.title(territory.name)}</h1>
      {props.refused ? (
        <div class="alert alert--error" role="alert" tabIndex={-1} id="erreurs" autofocus>
          <p>{props.refused}</p>
        </div>
      ) : null}
      {props.notice ? (
        <Notice kind="success">
          <p>
            {props.notice} <a href={roadmapPath(territory.code)}>{m.toRoadmap}</a>
          </p>
        </Notice>
      ) : null}
      <p class="lead">{m.lead}</p>
      <p class="muted">{diagnostic ? m.diagnosticOf(diagnostic.completedAt) : m.noDiagnostic}</p>
      <p>
        <a href={roadmapPath(territory.code)}>{m.toRoadmap}</a>
      </p>

      <form method="get" action={quickWinsPath(territory.code)} class="filters" role="search" aria-label={m.filterLegend}>
        <div class="field">
          <label for="champ-theme">{m.filterLabel}</label>
          <select id="champ-theme" name="theme">
            <option value="">{m.allThemes}</option>
            {NR_THEMES.map((t) => (
              <option value={t.id} selected={props.theme === t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__actions">
          <button type="submit" class="button button--secondary">
            {m.filterButton}
          </button>
        </div>
      </form>

      <section class="section" aria-labelledby="titre-gestes">
        <h2 id="titre-gestes">{m.count(items.length)}</h2>
        {items.length === 0 ? <p>{m.empty}</p> : null}
        <ul class="card-list">
          {items.map(({ quickWin: q, reason, themeIndex, adopted }) => (
            <li class="card" id={`geste-${q.id}`} key={q.id}>
              <h3>{q.title}</h3>
              <p class="card__meta">
                {nrThemeName(q.themeId)} · {roadmapMessages.priorities[q.priority]} · {roadmapMessages.difficulties[q.difficulty]}
                {themeIndex !== null ? ` · ${m.themeIndex(themeIndex)}` : ''}
              </p>
              {reason !== 'other' ? (
                <p>
                  <span class="badge badge--nr">{m.reasons[reason]}</span>
                </p>
              ) : null}
              <dl>
                <dt>{m.effect}</dt>
                <dd>{q.effect}</dd>
                <dt>{m.measure}</dt>
                <dd>{q.measure}</dd>
              </dl>
              {adopted ? (
                <p>
                  <span class="badge badge--public">{m.adopted}</span>
                </p>
              ) : props.canEdit ? (
                <PostForm action={`${quickWinsPath(territory.code)}/adopter`} class="inline-form">
                  <input type="hidden" name="quickWinId" value={q.id} />
                  <button type="submit" class="button button--small" aria-label={m.adoptLabel(q.title)}>
                    {m.adopt}
                  </button>
                </PostForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
