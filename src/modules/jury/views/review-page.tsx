import { DataTable, ErrorSummary, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { answerText } from '../../campaign/dossier-text.ts';
import { INTERVIEW_QUESTIONS } from '../../campaign/default-questionnaires.data.ts';
import { juryViewMessages } from '../../nr/jury-view.messages.ts';
import type { ResponsibleDigitalForJury } from '../../nr/jury-view.service.ts';
import { JURY_COMMENT_MAX, PUBLIC_COMMENT_MAX, THEME_SCORE_RANGE } from '../review.rules.ts';
import { reviewMessages } from '../review.messages.ts';
import type { DossierForReview, StoredReview } from '../review.service.ts';

const m = reviewMessages.page;
const LEVELS = [1, 2, 3, 4, 5];
const SCORES = Array.from({ length: THEME_SCORE_RANGE.max - THEME_SCORE_RANGE.min + 1 }, (_, i) => THEME_SCORE_RANGE.min + i);

export const reviewPath = (applicationId: string) => `/jury/dossiers/${applicationId}`;

/** What the form shows: the stored review, or what the juror sent back after a refusal. */
export type ReviewValues = {
  themeScores: Record<string, number>;
  proposedLevel: number | null;
  distinctions: string[];
  comment: string;
  publicComment: string;
};

export type ReviewPageProps = {
  view: DossierForReview;
  greenReviewer: boolean;
  values?: ReviewValues;
  errors?: Record<string, string>;
  notice?: string;
  nextHref?: string;
};

const valuesOf = (own: StoredReview | null): ReviewValues => ({
  themeScores: own?.themeScores ?? {},
  proposedLevel: own?.proposedLevel ?? null,
  distinctions: own?.distinctions ?? [],
  comment: own?.juryComment ?? '',
  publicComment: own?.publicComment ?? '',
});

const nm = juryViewMessages.jury;

/** The « @ verte » reviewer's view of the territory's responsible digital, or the sentence saying it has none yet. */
function ResponsibleDigitalSection({ nr }: { nr: ResponsibleDigitalForJury | null }) {
  return (
    <section aria-labelledby="numerique-responsable">
      <h2 id="numerique-responsable">{nm.title}</h2>
      {nr === null ? (
        <p class="muted">{nm.none}</p>
      ) : (
        <>
          <p>{nm.lead}</p>
          <p>
            <strong>{nm.letter(nr.letter, nr.overall)}</strong>. {nm.completed(nr.completedAt)}
          </p>
          <DataTable id="nr-themes" caption={nm.themesCaption}>
            <thead>
              <tr>
                <th scope="col">{nm.themeColumn}</th>
                <th scope="col">{nm.indexColumn}</th>
              </tr>
            </thead>
            <tbody>
              {nr.themes.map((t) => (
                <tr key={t.themeId}>
                  <th scope="row">{t.name}</th>
                  <td>{t.index === null ? nm.noIndex : formatNumber(t.index)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <p>{nr.charter ? nm.charterSigned(nr.charter.signedOn, nr.charter.signatory, nr.charter.role) : nm.charterNone}</p>
          <h3>{nm.indicatorsTitle}</h3>
          {nr.indicators.length ? (
            <ul>
              {nr.indicators.map((i) => (
                <li key={i.key}>{nm.indicatorValue(i.name, i.value, i.unit, i.measuredOn)}</li>
              ))}
            </ul>
          ) : (
            <p>{nm.indicatorsNone}</p>
          )}
          <h3>{nm.actionsTitle}</h3>
          {Object.values(nr.actions).some((n) => n > 0) ? (
            <ul>
              {(Object.entries(nr.actions) as [keyof typeof nr.actions, number][])
                .filter(([, n]) => n > 0)
                .map(([status, n]) => (
                  <li key={status}>{nm.actionsCount(status, n)}</li>
                ))}
            </ul>
          ) : (
            <p>{nm.actionsNone}</p>
          )}
        </>
      )}
    </section>
  );
}

/** /jury/dossiers/:id: the frozen dossier and the juror's review of it, a plain form (autosave enhances it). */
export function ReviewPage(props: ReviewPageProps) {
  const { view } = props;
  const content = view.snapshot.content;
  const territory = content.territory;
  const submitted = view.own?.state === 'submitted';
  const values = props.values ?? valuesOf(view.own);
  const errors = props.errors ?? {};
  const title = m.title(territory.name, view.dossier.year);
  const axes = [...new Set(view.themes.map((t) => t.axis))];
  return (
    <Layout
      title={title}
      scripts={submitted ? [] : ['/static/js/autosave.js']}
      breadcrumb={[
        { href: '/jury', label: 'Jury' },
        { href: reviewPath(view.dossier.applicationId), label: m.breadcrumb(territory.name) },
      ]}
    >
      <h1>{title}</h1>
      <p class="lead">{m.lead}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          ...Object.fromEntries(view.themes.map((t) => [`themeScores.${t.id}`, m.scoreLabel])),
          proposedLevel: m.levelTitle,
          distinctions: m.distinctionsTitle,
          comment: m.commentLabel,
          publicComment: m.publicCommentLabel,
        }}
      />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>
        <a href="/jury">{m.back}</a>
        {props.nextHref ? (
          <>
            {' · '}
            <a href={props.nextHref}>{m.next}</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="territoire">
        <h2 id="territoire">{m.summaryTitle}</h2>
        <p>{m.category(content.territory.category, territory.population === null ? '—' : formatNumber(territory.population))}</p>
        <p>{m.selfAssessment(formatNumber(content.selfAssessment.overall ?? 0), formatNumber(content.selfAssessment.coverage ?? 0))}</p>
      </section>
      {props.greenReviewer && view.responsibleDigital !== undefined ? <ResponsibleDigitalSection nr={view.responsibleDigital} /> : null}

      <PostForm action={reviewPath(view.dossier.applicationId)} id="evaluation">
        <input type="hidden" name="version" value={String(view.own?.version ?? '')} />
        {submitted ? null : (
          <p
            class="autosave"
            id="autosave-status"
            role="status"
            data-autosave={`${reviewPath(view.dossier.applicationId)}/brouillon`}
            data-saving={m.autosave.saving}
            data-saved={m.autosave.saved('{heure}')}
            data-failed={m.autosave.failed}
          >
            {m.autosave.idle}
          </p>
        )}
        <h2 id="enjeux">{m.scoresTitle}</h2>
        {axes.map((axis) => (
          <section key={axis} aria-label={axis}>
            <h3>{axis}</h3>
            {view.themes
              .filter((t) => t.axis === axis)
              .map((theme) => {
                const sheets = content.initiatives.filter((i) => i.themeIds.includes(theme.id));
                const error = errors[`themeScores.${theme.id}`];
                return (
                  <fieldset
                    key={theme.id}
                    class={`field questionnaire-choices${error ? ' field--error' : ''}`}
                    id={`champ-themeScores.${theme.id}`}
                    aria-describedby={`enjeu-${theme.id}-fiches`}
                  >
                    <legend>{theme.name}</legend>
                    {error ? <p class="field__error">{error}</p> : null}
                    <div id={`enjeu-${theme.id}-fiches`}>
                      <p class="muted">{m.sheets(sheets.length)}</p>
                      {sheets.length ? (
                        <ul>
                          {sheets.map((s) => (
                            <li key={s.id}>
                              <strong>{s.title}</strong> — {s.summary}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                    <div class="questionnaire-choices__list questionnaire-choices__list--inline">
                      {SCORES.map((score) => (
                        <div class="radio" key={score}>
                          <input
                            type="radio"
                            id={`score-${theme.id}-${score}`}
                            name={`score.${theme.id}`}
                            value={String(score)}
                            checked={values.themeScores[theme.id] === score}
                            disabled={submitted}
                          />
                          <label for={`score-${theme.id}-${score}`}>{m.scoreLevels[score]}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
          </section>
        ))}

        <fieldset class={`field questionnaire-choices${errors.proposedLevel ? ' field--error' : ''}`} id="champ-proposedLevel">
          <legend>{m.levelTitle}</legend>
          {errors.proposedLevel ? <p class="field__error">{errors.proposedLevel}</p> : null}
          <div class="questionnaire-choices__list questionnaire-choices__list--inline">
            {LEVELS.map((level) => (
              <div class="radio" key={level}>
                <input
                  type="radio"
                  id={`niveau-${level}`}
                  name="proposedLevel"
                  value={String(level)}
                  checked={values.proposedLevel === level}
                  disabled={submitted}
                />
                <label for={`niveau-${level}`}>{m.levelOption(level)}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset class={`field${errors.distinctions ? ' field--error' : ''}`} id="champ-distinctions">
          <legend>{m.distinctionsTitle}</legend>
          {errors.distinctions ? <p class="field__error">{errors.distinctions}</p> : null}
          {view.offeredDistinctions.length === 0 ? <p class="muted">{m.noDistinctions}</p> : null}
          {view.offeredDistinctions.map((d) => (
            <div class="checkbox" key={d.code}>
              <input
                type="checkbox"
                id={`distinction-${d.code}`}
                name="distinctions"
                value={d.code}
                checked={values.distinctions.includes(d.code)}
                disabled={submitted}
              />
              <label for={`distinction-${d.code}`}>{d.name}</label>
            </div>
          ))}
        </fieldset>

        {submitted ? (
          <>
            <h2>{m.ownTitle}</h2>
            <p>{values.comment}</p>
            <p>
              <em>{values.publicComment}</em>
            </p>
          </>
        ) : (
          <>
            <TextAreaField name="comment" label={m.commentLabel} rows={5} maxLength={JURY_COMMENT_MAX} value={values.comment} error={errors.comment} />
            <TextAreaField
              name="publicComment"
              label={m.publicCommentLabel}
              rows={3}
              maxLength={PUBLIC_COMMENT_MAX}
              value={values.publicComment}
              error={errors.publicComment}
            />
            <p class="muted" id="remise-aide">
              {m.submitHint}
            </p>
            <button type="submit" class="button button--secondary" name="action" value="save">
              {m.save}
            </button>{' '}
            <button type="submit" class="button" name="action" value="submit" aria-describedby="remise-aide">
              {m.submit}
            </button>
          </>
        )}
      </PostForm>

      {view.others !== null ? (
        <section aria-labelledby="autres">
          <h2 id="autres">{m.othersTitle}</h2>
          {view.others.length === 0 ? <p class="muted">{m.othersNone}</p> : null}
          {view.others.map((o) => (
            <article key={o.jurorId} aria-label={m.reviewBy(o.jurorName)}>
              <h3>{m.reviewBy(o.jurorName)}</h3>
              <p>{o.proposedLevel ? m.levelOf(o.proposedLevel) : ''}</p>
              <ul>{view.themes.map((t) => (o.themeScores[t.id] === undefined ? null : <li key={t.id}>{m.scoreOf(t.name, o.themeScores[t.id] ?? 0)}</li>))}</ul>
              <p>{o.juryComment}</p>
              <p>
                <em>{o.publicComment}</em>
              </p>
            </article>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="reponses">
        <h2 id="reponses">{m.answersTitle}</h2>
        <dl>
          {content.questionnaire.questions.map((q) => (
            <div key={q.id}>
              <dt>{q.label}</dt>
              <dd>{answerText(q, content.answers[q.id]) ?? m.noAnswer}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="entretien">
        <h2 id="entretien">{m.interviewTitle}</h2>
        <dl>
          {INTERVIEW_QUESTIONS.questions.map((q) => (
            <div key={q.id}>
              <dt>{q.label}</dt>
              <dd>{answerText(q, content.interview.answers[q.id]) ?? m.noAnswer}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Layout>
  );
}
