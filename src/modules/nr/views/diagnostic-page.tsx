import { ErrorSummary, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { answerFingerprint } from '../diagnostic.rules.ts';
import { diagnosticMessages as dm } from '../diagnostic.messages.ts';
import type { Answer, DiagnosticView } from '../diagnostic.service.ts';
import { NR_MODEL, type NrQuestion } from '../nr-model.data.ts';
import { MATURITY_LEVELS, NOTE_MAX } from '../nr-themes.rules.ts';
import { nrHomePath } from './nr-home-page.tsx';

const m = dm.page;

export const diagnosticPath = (code: string) => `${nrHomePath(code)}/diagnostic`;

/** What the form shows instead of the stored answers (a refused or conflicting save), by question. */
export type FormValues = Record<string, { level: number | null; note: string }>;

export type DiagnosticPageProps = {
  view: DiagnosticView;
  canEdit: boolean;
  values?: FormValues;
  errors?: Record<string, string>;
  notice?: string;
};

/**
 * /espace/:code/numerique-responsable/diagnostic: the questionnaire in progress, one whole form, a
 * radio group 0–3 per question and an optional note; a button per theme saves the whole form (only
 * the answers changed are written). With JavaScript, public/js/nr-diagnostic.js saves as you go.
 */
export function DiagnosticPage(props: DiagnosticPageProps) {
  const { view, canEdit } = props;
  const { territory, open } = view;
  const errors = props.errors ?? {};
  const title = m.title(territory.name);
  const home = nrHomePath(territory.code);
  const labels = Object.fromEntries(
    NR_MODEL.themes.flatMap((t) => t.questions.flatMap((q) => [[`niveau.${q.id}`, q.text] as const, [`note.${q.id}`, `${q.text} — ${m.noteLabel}`] as const])),
  );
  return (
    <Layout
      title={title}
      scripts={open && canEdit ? ['/static/js/nr-diagnostic.js'] : []}
      breadcrumb={[
        { href: '/espace', label: dm.home.workspace },
        { href: `/espace/${territory.code}`, label: territory.name },
        { href: home, label: dm.home.breadcrumb },
        { href: diagnosticPath(territory.code), label: m.breadcrumb },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>
      <p>
        <a href={home}>{m.back}</a>
      </p>
      {!open ? (
        <>
          <p>{m.none}</p>
          {canEdit ? (
            <PostForm action={`${diagnosticPath(territory.code)}/commencer`}>
              <button type="submit" class="button">
                {view.latest ? dm.home.retake : dm.home.start}
              </button>
            </PostForm>
          ) : null}
        </>
      ) : (
        <Questionnaire {...props} open={open} />
      )}
    </Layout>
  );
}

function Questionnaire(props: DiagnosticPageProps & { open: NonNullable<DiagnosticView['open']> }) {
  const { view, canEdit, open } = props;
  const errors = props.errors ?? {};
  const stored = new Map(open.answers.map((a) => [a.questionId, a]));
  const previous = new Map((view.latest?.answers ?? []).map((a) => [a.questionId, a.level]));
  const action = `${diagnosticPath(view.territory.code)}/${open.diagnostic.id}`;
  const { answered, total } = open.scores.completeness;
  return (
    <>
      <p>
        {m.startedOn(open.diagnostic.startedAt)} {m.progress(answered, total)}
      </p>
      {canEdit ? null : <Notice kind="info">{m.readOnly}</Notice>}
      <nav aria-labelledby="titre-themes">
        <h2 id="titre-themes">{m.themesNav}</h2>
        <ul class="link-list">
          {open.scores.themes.map((t) => (
            <li key={t.themeId}>
              <a href={`#theme-${t.themeId}`}>{t.name}</a> <span class="muted">({m.themeProgress(t.answered, t.total)})</span>
            </li>
          ))}
        </ul>
      </nav>
      <PostForm action={action} id="diagnostic">
        {canEdit ? (
          <p
            class="autosave"
            id="autosave-status"
            role="status"
            data-nr-autosave={`${action}/brouillon`}
            data-saving={m.autosave.saving}
            data-saved={m.autosave.saved('{heure}')}
            data-failed={m.autosave.failed}
          >
            {m.autosave.idle}
          </p>
        ) : null}
        {NR_MODEL.themes.map((theme) => (
          <section key={theme.id} class="section" aria-labelledby={`theme-${theme.id}`}>
            <h2 id={`theme-${theme.id}`}>{theme.name}</h2>
            {theme.questions.map((question) => (
              <QuestionFields
                key={question.id}
                question={question}
                stored={stored.get(question.id)}
                shown={props.values?.[question.id]}
                previous={previous.get(question.id)}
                levelError={errors[`niveau.${question.id}`]}
                noteError={errors[`note.${question.id}`]}
                disabled={!canEdit}
              />
            ))}
            {canEdit ? (
              <p>
                <button type="submit" class="button button--secondary" name="theme" value={theme.id}>
                  {m.saveTheme(theme.name)}
                </button>
              </p>
            ) : null}
          </section>
        ))}
        {canEdit ? (
          <section class="section" aria-labelledby="titre-terminer">
            <h2 id="titre-terminer">{m.complete}</h2>
            <p class="field__hint" id="aide-terminer">
              {m.completeHint}
            </p>
            <p>
              <button type="submit" class="button" name="action" value="terminer" aria-describedby="aide-terminer">
                {m.complete}
              </button>
            </p>
          </section>
        ) : null}
      </PostForm>
    </>
  );
}

function QuestionFields(props: {
  question: NrQuestion;
  stored: Answer | undefined;
  shown: { level: number | null; note: string } | undefined;
  previous: number | undefined;
  levelError?: string;
  noteError?: string;
  disabled: boolean;
}) {
  const { question, stored } = props;
  const id = question.id;
  const level = props.shown ? props.shown.level : (stored?.level ?? null);
  const note = props.shown ? props.shown.note : (stored?.note ?? '');
  const noteId = `champ-note.${id}`;
  const hints = [props.previous !== undefined ? `precedent-${id}` : null, props.levelError ? `erreur-niveau-${id}` : null].filter(Boolean).join(' ');
  return (
    <div class="nr-question">
      <fieldset class={`field questionnaire-choices${props.levelError ? ' field--error' : ''}`} id={`champ-niveau.${id}`} aria-describedby={hints || undefined}>
        <legend>{question.text}</legend>
        {props.levelError ? (
          <p class="field__error" id={`erreur-niveau-${id}`}>
            {props.levelError}
          </p>
        ) : null}
        {props.previous !== undefined ? (
          <p class="field__hint" id={`precedent-${id}`}>
            {m.previous(props.previous)}
          </p>
        ) : null}
        <div class="questionnaire-choices__list">
          {MATURITY_LEVELS.map((n) => (
            <div class="radio" key={n}>
              <input type="radio" id={`niveau-${id}-${n}`} name={`niveau.${id}`} value={String(n)} checked={level === n} disabled={props.disabled} />
              <label for={`niveau-${id}-${n}`}>
                <strong>{m.level(n)}</strong> — {question.levels[n]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class={`field${props.noteError ? ' field--error' : ''}`}>
        <label for={noteId}>
          {m.noteLabel}
          <span class="visually-hidden"> — {question.text}</span>
        </label>
        {props.noteError ? (
          <p class="field__error" id={`${noteId}-erreur`}>
            {props.noteError}
          </p>
        ) : null}
        <textarea
          id={noteId}
          name={`note.${id}`}
          rows={2}
          maxLength={NOTE_MAX}
          disabled={props.disabled}
          aria-invalid={props.noteError ? 'true' : undefined}
          aria-describedby={props.noteError ? `${noteId}-erreur` : undefined}
        >
          {note}
        </textarea>
      </div>
      {props.disabled ? null : (
        <>
          <input type="hidden" name={`version.${id}`} value={stored ? String(stored.version) : ''} />
          <input type="hidden" name={`lu.${id}`} value={answerFingerprint(stored?.level ?? null, stored?.note ?? '')} />
        </>
      )}
    </div>
  );
}
