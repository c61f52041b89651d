import type { ComponentChildren } from 'preact';
import { ErrorSummary, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { describeIssue, referentialMessages } from '../messages.ts';
import { YEARLY_CHANGE_WARNING_SHARE } from '../referential.rules.ts';
import type { PublicationReview } from '../referential-publication.service.ts';
import { versionPath } from './referential-draft-editor.tsx';

const m = referentialMessages.admin;
const s = m.summary;

function ChangeList(props: { id: string; title: string; items: { key: string; text: ComponentChildren }[] }) {
  if (!props.items.length) return null;
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul>
        {props.items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </section>
  );
}

/** GET /admin/referentiel/:version/publier: what publishing changes, then a confirmation to check. */
export function PublicationSummaryPage(props: { review: PublicationReview; error?: string }) {
  const { draft, base, summary, issues } = props.review;
  const version = draft.version;
  const themes = new Map([...(base?.axes ?? []), ...draft.axes].flatMap((a) => a.themes).map((t) => [t.id, t.name]));
  const theme = (id: string) => themes.get(id) ?? id;
  const names = new Map(draft.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((x) => [x.id, x.name] as const))));
  const serviceName = (id: string) => names.get(id) || id;
  const title = s.title(version);
  return (
    <Layout
      title={title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/referentiel', label: m.title },
        { href: versionPath(version), label: version },
        { href: `${versionPath(version)}/publier`, label: s.crumb },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={props.error ? { confirmation: props.error } : {}} labels={{ confirmation: s.confirm(version) }} />
      <p class="lead">{s.intro(version, draft.basedOn ?? m.none)}</p>
      {summary.empty ? <p>{s.nothing}</p> : null}
      {summary.turnover > YEARLY_CHANGE_WARNING_SHARE ? <Notice kind="warning">{m.turnoverWarning(Math.round(summary.turnover * 100))}</Notice> : null}
      <ChangeList
        id="titre-retires"
        title={s.retired(summary.retired.length)}
        items={summary.retired.map((x) => ({ key: x.id, text: `${s.inTheme(x.name, theme(x.themeId))} — ${s.sheets(x.sheets)}` }))}
      />
      <ChangeList
        id="titre-renommes"
        title={s.renamed(summary.renamed.length)}
        items={summary.renamed.map((x) => ({ key: x.id, text: s.renamedItem(x.from, x.to) }))}
      />
      <ChangeList
        id="titre-deplaces"
        title={s.moved(summary.moved.length)}
        items={summary.moved.map((x) => ({ key: x.id, text: s.movedItem(x.name, theme(x.fromThemeId), theme(x.toThemeId)) }))}
      />
      <ChangeList
        id="titre-ajoutes"
        title={s.added(summary.added.length)}
        items={summary.added.map((x) => ({ key: x.id, text: s.inTheme(x.name, theme(x.themeId)) }))}
      />
      <ChangeList id="titre-decrits" title={s.described(summary.described.length)} items={summary.described.map((x) => ({ key: x.id, text: x.name }))} />
      <section class="section" aria-labelledby="titre-fiches">
        <h2 id="titre-fiches">{s.sheetsTitle}</h2>
        <p>{s.sheetsTotal(props.review.sheetsConcerned)}</p>
        <p>{s.sheetsExplain}</p>
      </section>
      {issues.length ? (
        <div class="alert alert--error" role="alert">
          <h2 class="alert__title">{m.publishIssuesTitle}</h2>
          <p>{s.blocked}</p>
          <ul>
            {issues.map((issue, i) => {
              const [anchor, what] =
                issue.kind === 'themeTooSmall'
                  ? [`enjeu-${issue.themeId}`, theme(issue.themeId)]
                  : [`service-${issue.serviceId}`, serviceName(issue.serviceId)];
              return (
                <li key={i}>
                  <a href={`${versionPath(version)}#${anchor}`}>{m.issueTarget(what, describeIssue(issue))}</a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <PostForm action={`${versionPath(version)}/publier`}>
          <div class={props.error ? 'field field--error' : 'field'}>
            {props.error ? (
              <p class="field__error" id="champ-confirmation-erreur">
                {props.error}
              </p>
            ) : null}
            <label for="champ-confirmation">
              <input
                type="checkbox"
                id="champ-confirmation"
                name="confirmation"
                value="oui"
                required
                aria-describedby={props.error ? 'champ-confirmation-erreur' : undefined}
              />{' '}
              {s.confirm(version)}
            </label>
          </div>
          <button type="submit" class="button">
            {s.submit(version)}
          </button>
        </PostForm>
      )}
      <p class="form-links">
        <a href={versionPath(version)}>{s.back}</a>
      </p>
    </Layout>
  );
}
