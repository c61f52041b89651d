import { DataTable, ErrorSummary, FieldFrame, Notice, PostForm, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { EDITABLE_IN_STATE, handEditionEvents, STATE_CHANGE_REASON_MAX } from '../edition-admin.rules.ts';
import { EDITION_CALENDAR_FIELDS } from '../edition-calendar.rules.ts';
import type { EditionEvent } from '../edition-lifecycle.rules.ts';
import type { EditionStateChange } from '../edition-state.service.ts';
import type { Edition } from '../editions.service.ts';
import { editionAdminMessages } from '../messages.ts';
import { CalendarSummary } from './editions-admin-page.tsx';

const m = editionAdminMessages;
const e = m.edition;

/** What the settings' form shows: the Paris clock texts, the chosen version and distinctions. */
export type EditionSettingsValues = Record<(typeof EDITION_CALENDAR_FIELDS)[number], string> & { referentialVersion: string; distinctions: string[] };

export type EditionAdminPageProps = {
  edition: Edition;
  values: EditionSettingsValues;
  choices: { referentialVersions: string[]; distinctions: { code: string; name: string }[] };
  history: EditionStateChange[];
  notice?: string;
  /** A refused settings form: errors by field. */
  settingsErrors?: Record<string, string>;
  /** A refused state change: which event, and why. */
  stateError?: { event: string; reason: string; errors: Record<string, string> };
};

/** /admin/editions/:year: the edition's settings (what its state lets change), its hand state changes, its history. */
export function EditionAdminPage(props: EditionAdminPageProps) {
  const { edition, values } = props;
  const parts = EDITABLE_IN_STATE[edition.state];
  const errors = props.settingsErrors ?? {};
  const events = handEditionEvents(edition.state);
  const stateLabel = m.states[edition.state];
  const editableNow = edition.state === 'draft' || edition.state === 'open' || edition.state === 'closed' ? e.editableNow[edition.state] : e.editableNow.frozen;
  return (
    <Layout
      title={e.title(edition.year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: m.title },
        { href: `/admin/editions/${edition.year}`, label: e.title(edition.year) },
      ]}
    >
      <h1>{e.title(edition.year)}</h1>
      <p class="lead">
        <strong>{e.state(stateLabel)}</strong>
        {edition.basedOn ? ` — ${e.basedOn(edition.basedOn)}` : null}
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ ...e.fields, referentialVersion: e.referential, distinctions: e.distinctionsLegend }} />
      {props.stateError ? <StateErrors {...props.stateError} /> : null}

      <section aria-labelledby="reglages">
        <h2 id="reglages">{e.settingsTitle}</h2>
        <p>{editableNow}</p>
        {parts.length === 0 ? (
          <CalendarSummary edition={edition} />
        ) : (
          <PostForm action={`/admin/editions/${edition.year}`} class="settings-form">
            {parts.includes('calendar') ? (
              <fieldset class="form-section">
                <legend>{e.calendarLegend}</legend>
                {EDITION_CALENDAR_FIELDS.map((field) => (
                  <FieldFrame
                    name={field}
                    label={e.fields[field]}
                    hint={e.calendarHint}
                    error={errors[field]}
                    required
                    control={(aria) => <input {...aria} type="datetime-local" name={field} value={values[field]} required />}
                  />
                ))}
              </fieldset>
            ) : (
              <CalendarSummary edition={edition} />
            )}
            {parts.includes('referential') ? (
              <SelectField
                name="referentialVersion"
                label={e.referential}
                hint={e.referentialHint}
                value={values.referentialVersion}
                error={errors.referentialVersion}
                required
                options={props.choices.referentialVersions.map((v) => ({ value: v, label: v }))}
              />
            ) : (
              <p>
                {e.referential} : <strong>{edition.referentialVersion ?? m.noReferential}</strong>
              </p>
            )}
            {parts.includes('distinctions') ? (
              <fieldset class="form-section" id="champ-distinctions">
                <legend>{e.distinctionsLegend}</legend>
                {errors.distinctions ? <p class="field__error">{errors.distinctions}</p> : null}
                <div class="checkbox-grid">
                  {props.choices.distinctions.map((d) => (
                    <div class="checkbox" key={d.code}>
                      <input
                        type="checkbox"
                        id={`champ-distinction-${d.code}`}
                        name="distinctions"
                        value={d.code}
                        checked={values.distinctions.includes(d.code)}
                      />
                      <label for={`champ-distinction-${d.code}`}>{d.name}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <button type="submit" class="button">
              {e.save}
            </button>
          </PostForm>
        )}
        <p>
          <a href={`/admin/editions/${edition.year}/questionnaires`}>{e.questionnaires}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/auto-evaluation`}>{e.selfAssessmentWeights}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/candidatures`}>{e.applications}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/jury`}>{e.jury}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/jury/parametres`}>{e.juryParameters}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/deliberation`}>{e.deliberation}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/publication`}>{e.publication}</a>
        </p>
        <p>
          <a href={`/admin/editions/${edition.year}/dossier-de-presse`}>{e.pressKit}</a>
        </p>
      </section>

      <section aria-labelledby="etat">
        <h2 id="etat">{m.stateChange.title}</h2>
        <p>{m.stateChange.lead}</p>
        {events.length === 0 ? <p class="muted">{m.stateChange.none}</p> : null}
        {events.map((event) => (
          <StateChangeForm year={edition.year} event={event} refused={props.stateError?.event === event ? props.stateError : undefined} />
        ))}
      </section>

      <section aria-labelledby="historique">
        <h2 id="historique">{m.history.title}</h2>
        {props.history.length === 0 ? (
          <p>{m.history.empty}</p>
        ) : (
          <DataTable id="historique-table" caption={m.history.caption}>
            <thead>
              <tr>
                <th scope="col">{m.history.columns.at}</th>
                <th scope="col">{m.history.columns.from}</th>
                <th scope="col">{m.history.columns.to}</th>
                <th scope="col">{m.history.columns.by}</th>
                <th scope="col">{m.history.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {props.history.map((h) => (
                <tr>
                  <td>{formatDateTime(h.changedAt)}</td>
                  <td>{h.fromState ? m.states[h.fromState] : m.history.creation}</td>
                  <td>{m.states[h.toState]}</td>
                  <td>{h.by ? h.by.name : m.history.calendar}</td>
                  <td>{h.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </Layout>
  );
}

/** A refused state change: the reason's error links to that event's field. */
function StateErrors(props: { event: string; errors: Record<string, string> }) {
  const key = (field: string) => (field === 'reason' ? `reason-${props.event}` : field);
  const errors = Object.fromEntries(Object.entries(props.errors).map(([field, message]) => [key(field), message]));
  return <ErrorSummary errors={errors} labels={{ [key('reason')]: m.stateChange.reason }} />;
}

/** One hand state change: its reason (required) and its button. */
function StateChangeForm(props: { year: number; event: EditionEvent; refused?: { reason: string; errors: Record<string, string> } }) {
  return (
    <PostForm action={`/admin/editions/${props.year}/etat`} class="form-section">
      <input type="hidden" name="event" value={props.event} />
      <TextAreaField
        name="reason"
        id={`reason-${props.event}`}
        label={`${m.stateChange.reason} (${m.events[props.event]})`}
        hint={m.stateChange.reasonHint}
        value={props.refused?.reason ?? ''}
        error={props.refused?.errors.reason}
        required
        rows={2}
        maxLength={STATE_CHANGE_REASON_MAX}
      />
      <button type="submit" class="button button--secondary">
        {m.events[props.event]}
      </button>
    </PostForm>
  );
}
