import { DataTable, ErrorSummary, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { editionAdminMessages } from '../../label/messages.ts';
import { LEVELS } from '../../label/results.rules.ts';
import { LevelSigns } from '../../label/views/level.tsx';
import { territoryMessages } from '../../territories/messages.ts';
import { deliberationMessages } from '../deliberation.messages.ts';
import { RATIONALE_MAX } from '../deliberation.rules.ts';
import type { DeliberationDossier, ReviewSummary } from '../deliberation.service.ts';
import { PUBLIC_COMMENT_MAX } from '../review.rules.ts';
import { deliberationDossierPath, deliberationPath, thresholdsText } from './deliberation-agenda-page.tsx';

const m = deliberationMessages.dossier;
const a = deliberationMessages.agenda;

/** What the form shows: the decision recorded, or what the staff sent back after a refusal. */
export type DecisionValues = { level: string; distinctions: string[]; rationale: string; publicComment: string };

export type DeliberationDossierPageProps = {
  view: DeliberationDossier;
  values?: DecisionValues;
  errors?: Record<string, string>;
  notice?: string;
};

/** The form's first values: the decision, else the suggestion and the jurors' public comments. */
function initialValues(view: DeliberationDossier): DecisionValues {
  const decision = view.item.decision;
  if (decision)
    return { level: String(decision.level), distinctions: decision.distinctions, rationale: decision.rationale, publicComment: decision.publicComment };
  const comments = view.item.reviews.filter((r) => r.state === 'submitted' && r.publicComment.trim()).map((r) => r.publicComment.trim());
  return { level: '', distinctions: [], rationale: '', publicComment: [...new Set(comments)].join(' ').slice(0, PUBLIC_COMMENT_MAX) };
}

/** /admin/editions/:year/deliberation/:applicationId: a dossier, its reviews, the suggestion and the decision. */
export function DeliberationDossierPage(props: DeliberationDossierPageProps) {
  const { view } = props;
  const { year } = view.edition;
  const { item } = view;
  const content = view.snapshot.content;
  const errors = props.errors ?? {};
  const values = props.values ?? initialValues(view);
  const title = m.title(item.territoryName, year);
  const nameOf = (code: string) => view.distinctionNames[code] ?? code;
  return (
    <Layout
      title={title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: deliberationPath(year), label: a.breadcrumb },
        { href: deliberationDossierPath(year, item.applicationId), label: item.territoryName },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <a href={deliberationPath(year)}>{m.back}</a>
      </p>
      <ErrorSummary
        errors={errors}
        labels={{ level: m.level, distinctions: m.distinctions, rationale: m.rationale, publicComment: m.publicComment, version: m.formTitle }}
        unlinked={['version']}
      />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}

      <section aria-labelledby="dossier">
        <h2 id="dossier">{m.summaryTitle}</h2>
        <p>
          {m.category(
            territoryMessages.categories[item.category] ?? item.category,
            content.territory.population === null ? '—' : formatNumber(content.territory.population),
          )}
        </p>
        <p>{m.selfAssessment(formatNumber(item.overallScore), formatNumber(item.coverage))}</p>
        <p>{m.sheets(content.initiatives.length)}</p>
        <h3>{m.axesTitle}</h3>
        <ul>
          {content.selfAssessment.axes.map((axis) => (
            <li key={axis.id}>{m.axisScore(axis.name, axis.score === null ? '—' : formatNumber(axis.score))}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="suggestion">
        <h2 id="suggestion">{m.suggestionTitle}</h2>
        <p>
          <strong>{m.suggested(item.suggestion.level)}</strong>
        </p>
        <ul>
          <li>
            {m.fromCoverage(
              formatNumber(item.coverage),
              item.suggestion.coverageLevel,
              formatNumber(view.parameters.levelThresholds[item.suggestion.coverageLevel - 1] ?? 0),
            )}
          </li>
          <li>
            {item.suggestion.reviewsAverage === null ? m.noReviewYet : m.fromReviews(formatNumber(item.suggestion.reviewsAverage), item.reviewLevels.length)}
          </li>
          {item.suggestion.reviewsAverage === null ? null : (
            <li>
              {m.weighted(
                formatNumber(view.parameters.reviewWeight),
                formatNumber(
                  Math.round(
                    ((1 - view.parameters.reviewWeight) * item.suggestion.coverageLevel + view.parameters.reviewWeight * item.suggestion.reviewsAverage) * 100,
                  ) / 100,
                ),
              )}
            </li>
          )}
        </ul>
        <p class="muted">{a.parameters(thresholdsText(view.parameters.levelThresholds), formatNumber(view.parameters.reviewWeight))}</p>
        {item.diverging ? (
          <p>
            <span class="badge badge--draft">{a.diverging(item.divergence)}</span> {m.divergenceFlag(item.divergence)}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="evaluations">
        <h2 id="evaluations">{m.reviewsTitle}</h2>
        {item.reviews.length === 0 ? <p class="muted">{m.noReviews}</p> : null}
        {item.reviews.map((review, index) => (
          <Review key={review.jurorId} review={review} index={index} themes={view.themes} nameOf={nameOf} />
        ))}
      </section>

      <section aria-labelledby="excellence">
        <h2 id="excellence">{m.excellenceTitle}</h2>
        <ExcellenceLine view={view} />
        <p class="muted">{m.excellence.rule(view.excellence.parameters.consecutiveTopLevels, view.excellence.parameters.validityYears)}</p>
      </section>

      <section aria-labelledby="decision">
        <h2 id="decision">{m.formTitle}</h2>
        <p>{item.decision ? m.current(item.decision.level, formatDateTime(item.decision.decidedAt), view.decidedByName ?? m.none) : m.undecided}</p>
        {view.window === 'open' ? (
          <PostForm action={deliberationDossierPath(year, item.applicationId)} leaveWarning={Object.keys(errors).length ? 'dirty' : 'clean'}>
            <input type="hidden" name="version" value={String(item.decision?.version ?? 0)} />
            <fieldset class={`field questionnaire-choices${errors.level ? ' field--error' : ''}`} id="champ-level">
              <legend>{m.level}</legend>
              {errors.level ? <p class="field__error">{errors.level}</p> : null}
              <div class="questionnaire-choices__list questionnaire-choices__list--inline">
                {LEVELS.map((level) => (
                  <div class="radio" key={level}>
                    <input type="radio" id={`niveau-${level}`} name="level" value={String(level)} checked={values.level === String(level)} required />
                    <label for={`niveau-${level}`}>
                      <LevelSigns level={level} />
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <fieldset class={`field${errors.distinctions ? ' field--error' : ''}`} id="champ-distinctions">
              <legend>{m.distinctions}</legend>
              {errors.distinctions ? <p class="field__error">{errors.distinctions}</p> : null}
              {view.offeredDistinctions.length === 0 ? <p class="muted">{m.noDistinctions}</p> : null}
              {view.offeredDistinctions.map((d) => (
                <div class="checkbox" key={d.code}>
                  <input type="checkbox" id={`distinction-${d.code}`} name="distinctions" value={d.code} checked={values.distinctions.includes(d.code)} />
                  <label for={`distinction-${d.code}`}>{d.name}</label>
                </div>
              ))}
            </fieldset>
            <TextAreaField name="rationale" label={m.rationale} rows={5} maxLength={RATIONALE_MAX} required value={values.rationale} error={errors.rationale} />
            <TextAreaField
              name="publicComment"
              label={m.publicComment}
              hint={item.decision ? undefined : m.publicCommentHint}
              rows={3}
              maxLength={PUBLIC_COMMENT_MAX}
              value={values.publicComment}
              error={errors.publicComment}
            />
            <button type="submit" class="button">
              {m.save}
            </button>
          </PostForm>
        ) : (
          <Notice kind="info">{a.closedNotice[view.window]}</Notice>
        )}
      </section>

      <section aria-labelledby="historique">
        <h2 id="historique">{m.historyTitle}</h2>
        {view.history.length === 0 ? (
          <p class="muted">{m.historyEmpty}</p>
        ) : (
          <DataTable id="historique-decisions" caption={m.historyCaption}>
            <thead>
              <tr>
                <th scope="col">{m.historyColumns.at}</th>
                <th scope="col">{m.historyColumns.level}</th>
                <th scope="col">{m.historyColumns.distinctions}</th>
                <th scope="col">{m.historyColumns.rationale}</th>
                <th scope="col">{m.historyColumns.by}</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h, i) => (
                <tr key={i}>
                  <td>{formatDateTime(h.decidedAt)}</td>
                  <td>
                    <LevelSigns level={h.level} />
                  </td>
                  <td>{h.distinctions.length ? h.distinctions.map(nameOf).join(', ') : m.none}</td>
                  <td>{h.rationale}</td>
                  <td>{h.by ?? m.none}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

/** One juror's review in full: state, level, distinctions, scores per theme, comments. */
function Review(props: { review: ReviewSummary; index: number; themes: DeliberationDossier['themes']; nameOf: (code: string) => string }) {
  const { review } = props;
  const id = `evaluation-${props.index + 1}`;
  const scored = props.themes.filter((t) => review.themeScores[t.id] !== undefined);
  return (
    <article aria-labelledby={id} class="form-section">
      <h3 id={id}>{m.reviewBy(review.jurorName)}</h3>
      <p>{m.reviewState(m.reviewStates[review.state] ?? review.state)}</p>
      <p>{review.level ? m.proposedLevel(review.level) : m.noLevel}</p>
      {review.distinctions.length ? <p>{m.proposedDistinctions(review.distinctions.map(props.nameOf).join(', '))}</p> : null}
      {scored.length ? (
        <DataTable id={`${id}-notes`} caption={m.scoresCaption(review.jurorName)}>
          <thead>
            <tr>
              <th scope="col">{m.theme}</th>
              <th scope="col">{m.score}</th>
            </tr>
          </thead>
          <tbody>
            {scored.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>{review.themeScores[t.id]}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <h4>{m.juryComment}</h4>
      <p>{review.juryComment || m.none}</p>
      <h4>{m.reviewPublicComment}</h4>
      <p>{review.publicComment || m.none}</p>
    </article>
  );
}

/** Whether the decision gives or keeps « Territoire d'excellence numérique », by its rule. */
function ExcellenceLine(props: { view: DeliberationDossier }) {
  const { decision, atTopLevel, parameters } = props.view.excellence;
  const x = m.excellence;
  if (atTopLevel.outcome === 'kept') return <p>{x.kept(atTopLevel.grantYear ?? 0, atTopLevel.validUntil ?? 0)}</p>;
  if (decision?.outcome === 'granted') return <p>{x.granted(decision.streak)}</p>;
  if (atTopLevel.outcome === 'granted')
    return (
      <p>{decision ? x.none(parameters.consecutiveTopLevels, decision.streak) + ' ' + x.wouldGrant(atTopLevel.streak) : x.wouldGrant(atTopLevel.streak)}</p>
    );
  return <p>{x.none(parameters.consecutiveTopLevels, decision?.streak ?? 0)}</p>;
}
