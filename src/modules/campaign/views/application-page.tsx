import { ErrorSummary, Field, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { QUESTIONNAIRE_SCRIPT, QuestionnaireFields } from '../../../platform/questionnaire/questionnaire-fields.tsx';
import { initiativeMessages } from '../../initiatives/messages.ts';
import type { Edition } from '../../label/editions.service.ts';
import { CONTACT_FIELDS, CONTACT_ROLES, INTERVIEW_PREFIX, QUESTIONNAIRE_PREFIX, questionErrors } from '../application-form.ts';
import type { ApplicationView } from '../applications.service.ts';
import type { CandidateSheet } from '../application-store.ts';
import { INTERVIEW_QUESTIONS } from '../default-questionnaires.data.ts';
import { campaignMessages } from '../messages.ts';
import { InterviewPhoto, InterviewPhotoForms, photoFieldLabels } from './application-photo.tsx';

const m = campaignMessages.page;

export const applicationPath = (code: string, year: number) => `/espace/${code}/candidature/${year}`;

/** Before a dossier exists: the edition's calendar and, for those who may, the button to start it. */
export function ApplicationStartPage(props: { territory: { code: string; name: string }; edition: Edition; canStart: boolean; error?: string }) {
  const { territory, edition } = props;
  const path = applicationPath(territory.code, edition.year);
  return (
    <Layout title={m.title(edition.year, territory.name)} breadcrumb={crumbs(territory, edition.year)}>
      <h1>{m.title(edition.year, territory.name)}</h1>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <CalendarNotice edition={edition} />
      <p>{m.startIntro}</p>
      {props.canStart && edition.state === 'open' ? (
        <PostForm action={`${path}/commencer`}>
          <p class="field__hint">{m.startHint}</p>
          <button type="submit" class="button">
            {m.start}
          </button>
        </PostForm>
      ) : (
        <p>{edition.state === 'open' ? m.notStartedReader : m.notOpen}</p>
      )}
    </Layout>
  );
}

function crumbs(territory: { code: string; name: string }, year: number) {
  return [
    { href: '/espace', label: initiativeMessages.workspace.title },
    { href: `/espace/${territory.code}`, label: territory.name },
    { href: applicationPath(territory.code, year), label: m.crumb(year) },
  ];
}

function CalendarNotice(props: { edition: Edition }) {
  const { edition } = props;
  if (!edition.closesAt || !edition.opensAt) return null;
  return (
    <p class="application-calendar">
      {edition.state === 'open' ? m.closesOn(formatDateTime(edition.closesAt)) : m.calendar(formatDateTime(edition.opensAt), formatDateTime(edition.closesAt))}
    </p>
  );
}

export type ApplicationPageProps = {
  view: ApplicationView;
  canEdit: boolean;
  canSubmit: boolean;
  errors?: Record<string, string>;
  notice?: string;
  /** The form as posted, shown again after a refusal (the saved dossier otherwise). */
  posted?: ApplicationView['content'];
  /** The photo's description as posted, shown again after a refused photo. */
  photoAlt?: string;
};

/** The dossier: what is missing, the sheets, the questionnaire, the interview, the contacts, the submission. */
export function ApplicationPage(props: ApplicationPageProps) {
  const { view } = props;
  const errors = props.errors ?? {};
  const content = props.posted ?? view.content;
  const path = applicationPath(view.territory.code, view.year);
  const editable = props.canEdit && view.state === 'draft';
  const reopened = view.state === 'draft' ? view.history.find((event) => event.kind === 'reopened') : undefined;
  const labels: Record<string, string> = { initiativeIds: m.sheets.legend };
  for (const role of CONTACT_ROLES) for (const field of CONTACT_FIELDS) labels[`${role}.${field}`] = `${m.contacts[role]} : ${m.contacts.fields[field]}`;
  for (const q of view.questionnaire.questions) labels[`${QUESTIONNAIRE_PREFIX}-${q.id}`] = q.label;
  for (const q of INTERVIEW_QUESTIONS.questions) labels[`${INTERVIEW_PREFIX}-${q.id}`] = q.label;
  Object.assign(labels, photoFieldLabels);
  // A refused photo leaves nothing unsaved in the dossier's own form.
  const formDirty = Object.keys(errors).some((field) => !Object.hasOwn(photoFieldLabels, field));
  return (
    <Layout
      title={m.title(view.year, view.territory.name)}
      breadcrumb={crumbs(view.territory, view.year)}
      scripts={editable ? [QUESTIONNAIRE_SCRIPT, '/static/js/leave-warning.js', '/static/js/autosave.js'] : [QUESTIONNAIRE_SCRIPT]}
    >
      <h1>{m.title(view.year, view.territory.name)}</h1>
      <p class="muted">
        {m.state(campaignMessages.applicationStates[view.state])} · {m.version(view.version, formatDateTime(view.updatedAt))}
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {reopened ? (
        <Notice kind="warning">
          <p>
            <strong>{m.reopenedTitle(formatDateTime(reopened.at))}</strong>
          </p>
          <p>{reopened.reason}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <CalendarNotice edition={view.edition} />
      {view.state === 'submitted' ? <SubmittedSummary view={view} path={path} /> : <Checklist view={view} />}

      <PostForm action={path} class="application-form" id="dossier" leaveWarning={editable ? (formDirty ? 'dirty' : 'clean') : undefined}>
        <input type="hidden" name="version" value={String(view.version)} />
        {editable ? (
          <p
            class="autosave"
            id="autosave-status"
            role="status"
            data-autosave={`${path}/brouillon`}
            data-saving={m.autosave.saving}
            data-saved={m.autosave.saved('{heure}')}
            data-failed={m.autosave.failed}
          >
            {m.autosave.idle}
          </p>
        ) : null}
        <SheetsSection sheets={view.sheets} chosen={content.initiativeIds} error={errors.initiativeIds} disabled={!editable} code={view.territory.code} />

        <section class="form-section" aria-labelledby="titre-questionnaire">
          <h2 id="titre-questionnaire">{m.questionnaire.title(campaignMessages.categories[view.territory.category])}</h2>
          <p class="field__hint">{m.questionnaire.hint}</p>
          <QuestionnaireFields
            questionnaire={view.questionnaire}
            answers={content.answers}
            errors={questionErrors(errors, QUESTIONNAIRE_PREFIX)}
            namePrefix={QUESTIONNAIRE_PREFIX}
            disabled={!editable}
          />
        </section>

        <section class="form-section" aria-labelledby="titre-entretien">
          <h2 id="titre-entretien">{m.interview.title}</h2>
          <p class="field__hint">{m.interview.hint}</p>
          <QuestionnaireFields
            questionnaire={INTERVIEW_QUESTIONS}
            answers={content.interview.answers}
            errors={questionErrors(errors, INTERVIEW_PREFIX)}
            namePrefix={INTERVIEW_PREFIX}
            disabled={!editable}
          />
          <div class="checkbox">
            <input
              type="checkbox"
              id="champ-consent"
              name="consent"
              checked={content.interview.consent}
              disabled={!editable}
              aria-describedby="champ-consent-aide"
            />
            <label for="champ-consent">{m.interview.consent}</label>
            <span class="checkbox__description" id="champ-consent-aide">
              {m.interview.consentHint}
            </span>
          </div>
          <InterviewPhoto view={view} path={path} editable={editable} errors={errors} alt={props.photoAlt} />
        </section>

        <section class="form-section" aria-labelledby="titre-contacts">
          <h2 id="titre-contacts">{m.contacts.title}</h2>
          {CONTACT_ROLES.map((role) => (
            // Field has no `disabled`: the fieldset freezes the contacts of a dossier no longer editable, as the other parts are.
            <fieldset class="subfieldset" key={role} disabled={!editable}>
              <legend>{m.contacts[role]}</legend>
              <div class="field-row">
                {CONTACT_FIELDS.map((field) => (
                  <Field
                    name={`${role}.${field}`}
                    label={m.contacts.fields[field]}
                    value={content.contacts[role]?.[field] ?? ''}
                    error={errors[`${role}.${field}`]}
                    type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                    autocomplete={field === 'email' ? 'email' : field === 'phone' ? 'tel' : field === 'name' ? 'name' : 'organization-title'}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </section>
        {editable ? (
          <p class="actions">
            <button type="submit" class="button">
              {m.save}
            </button>
          </p>
        ) : null}
      </PostForm>
      {editable ? <InterviewPhotoForms path={path} hasPhoto={view.photo !== null} /> : null}

      {view.state === 'draft' ? <SubmitSection view={view} path={path} canSubmit={props.canSubmit} /> : null}
      <HistorySection view={view} />
    </Layout>
  );
}

function Checklist(props: { view: ApplicationView }) {
  const items = props.view.checklist;
  return (
    <section class="section checklist" aria-labelledby="titre-manque">
      <h2 id="titre-manque">{m.checklist.title}</h2>
      {items.length === 0 ? (
        <p>{m.checklist.complete}</p>
      ) : (
        <>
          <p>{m.checklist.intro(items.length)}</p>
          <ul>
            {items.map((item) => (
              <li key={item.field}>{item.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SheetsSection(props: { sheets: CandidateSheet[]; chosen: string[]; error?: string; disabled: boolean; code: string }) {
  const chosen = new Set(props.chosen);
  const counted = props.sheets.filter((s) => s.eligibility.counted === 'eligible');
  const planned = props.sheets.filter((s) => s.eligibility.counted === 'planned');
  const ineligible = props.sheets.filter((s) => s.eligibility.counted === 'ineligible');
  return (
    <fieldset class="form-section" id="champ-initiativeIds" aria-describedby={props.error ? 'champ-initiativeIds-erreur' : 'champ-initiativeIds-aide'}>
      <legend>{m.sheets.legend}</legend>
      <p class="field__hint" id="champ-initiativeIds-aide">
        {m.sheets.hint}
      </p>
      {props.error ? (
        <p class="field__error" id="champ-initiativeIds-erreur">
          {props.error}
        </p>
      ) : null}
      {counted.length === 0 ? (
        <p>
          {m.sheets.none} <a href={`/espace/${props.code}/initiatives/nouvelle`}>{m.sheets.noneLink}</a>
        </p>
      ) : null}
      {counted.map((sheet) => (
        <div class="checkbox" key={sheet.id}>
          <input
            type="checkbox"
            id={`fiche-${sheet.id}`}
            name="initiativeIds"
            value={sheet.id}
            checked={chosen.has(sheet.id)}
            disabled={props.disabled}
            aria-describedby={`fiche-${sheet.id}-raison`}
          />
          <label for={`fiche-${sheet.id}`}>{sheet.title}</label>
          <span class="checkbox__description" id={`fiche-${sheet.id}-raison`}>
            {sheet.eligibility.reason}
            {sheet.visibility === 'draft' ? ` ${m.sheets.draft}` : ''}
          </span>
        </div>
      ))}
      {planned.length ? <SheetList title={m.sheets.planned} sheets={planned} code={props.code} /> : null}
      {ineligible.length ? <SheetList title={m.sheets.ineligible} sheets={ineligible} code={props.code} /> : null}
    </fieldset>
  );
}

function SheetList(props: { title: (n: number) => string; sheets: CandidateSheet[]; code: string }) {
  return (
    <details class="application-sheets-apart">
      <summary>{props.title(props.sheets.length)}</summary>
      <ul>
        {props.sheets.map((sheet) => (
          <li key={sheet.id}>
            <a href={`/espace/${props.code}/initiatives/${sheet.id}`}>{sheet.title}</a> — {sheet.eligibility.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function SubmitSection(props: { view: ApplicationView; path: string; canSubmit: boolean }) {
  const ready = props.view.checklist.length === 0;
  return (
    <section class="section" aria-labelledby="titre-depot">
      <h2 id="titre-depot">{m.submit.title}</h2>
      <p>{m.submit.intro}</p>
      {props.canSubmit ? (
        <PostForm action={`${props.path}/deposer`}>
          {/* The version the referent has before their eyes; the autosave keeps it current. */}
          <input type="hidden" name="version" value={String(props.view.version)} data-autosave-version="" />
          {ready ? null : <p class="field__hint">{m.submit.notReady}</p>}
          <button type="submit" class="button">
            {m.submit.button}
          </button>
        </PostForm>
      ) : (
        <p>{m.submit.referentOnly}</p>
      )}
    </section>
  );
}

function SubmittedSummary(props: { view: ApplicationView; path: string }) {
  return (
    <Notice kind="success">
      <p>
        <strong>{m.submitted.title(formatDateTime(props.view.submittedAt ?? props.view.updatedAt))}</strong>
      </p>
      <p>{m.submitted.frozen}</p>
      <p>
        <a href={`${props.path}/dossier.pdf`}>{m.submitted.pdf}</a>
      </p>
    </Notice>
  );
}

function HistorySection(props: { view: ApplicationView }) {
  if (props.view.history.length === 0) return null;
  return (
    <section class="section" aria-labelledby="titre-historique">
      <h2 id="titre-historique">{m.history.title}</h2>
      <ul>
        {props.view.history.map((event, i) => (
          <li key={i}>
            {formatDateTime(event.at)} — {m.history.kinds[event.kind]}
            {event.reason ? ` : ${event.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
