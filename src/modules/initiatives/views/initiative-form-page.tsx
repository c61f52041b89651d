import { ACTOR_KINDS } from '../../actors/actor.rules.ts';
import { actorMessages } from '../../actors/messages.ts';
import type { Referential } from '../../referential/referential.service.ts';
import { ErrorSummary, Field, Notice, PostForm, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { FormState } from '../initiative-form-state.ts';
import { AUDIENCES, INITIATIVE_STATUSES, type EditableField } from '../initiative.rules.ts';
import type { Sheet } from '../initiative-sheet.service.ts';
import { initiativeMessages } from '../messages.ts';
import type { RevisionEntry } from '../revisions.service.ts';
import { Checkbox, fieldId } from './form-controls.tsx';
import { ConflictBox, ConflictHiddenFields, ConflictSummary, type ConflictView } from './conflict-box.tsx';
import { NewSheetPhotoFields, PhotosSection } from './photos-section.tsx';
import { ServicePicker, SheetStatusBar } from './sheet-form-parts.tsx';
import { RevisionsSection } from './revisions-section.tsx';

const m = initiativeMessages;
const f = m.form;

// Empty rows offered for each list (actors, indicators, links): two on a new sheet, one when editing
// (each save offers a new one), so that the form stays short to read and to go through with Tab.
const emptyRowsFor = (sheet: Sheet | undefined) => (sheet ? 1 : 2);

export type InitiativeFormProps = {
  territory: { code: string; name: string };
  referential: Referential;
  state: FormState;
  errors: Record<string, string>;
  /** Names of the actors already on the sheet (or chosen before an error). */
  actorNames: Map<string, string>;
  /** Absent when creating. */
  sheet?: Sheet;
  /** The version the form is based on. */
  version?: number;
  revisions?: RevisionEntry[];
  /** Names of the services and actors the revisions' changes name. */
  revisionNames?: Map<string, string>;
  notice?: string;
  conflict?: ConflictView;
  /** The person's changes kept by autosave, shown in the form (when, in words; whether the sheet was saved since). */
  workingCopy?: { savedAt: string; stale: boolean };
  /** After a save merged with others' (`?notice=merged`): the version it started from. */
  mergedSince?: number;
  /** Creating, after a refused form: a photo had been chosen (the browser does not keep it), and its description. */
  photoLost?: boolean;
  photoAlt?: string;
};

export function InitiativeFormPage(props: InitiativeFormProps) {
  const { territory, state, errors, sheet } = props;
  const EMPTY_ROWS = emptyRowsFor(sheet);
  const base = `/espace/${territory.code}`;
  const action = sheet ? `${base}/initiatives/${sheet.id}` : `${base}/initiatives`;
  const title = sheet ? f.editTitle(sheet.content.title) : f.newTitle;
  const labels: Record<string, string> = { ...m.fields, photo: m.photos.file };
  state.newActors.forEach((_, i) => {
    labels[`newActors.${i}.name`] = `${f.newActorName} (${i + 1})`;
    labels[`newActors.${i}.website`] = `${f.newActorWebsite} (${i + 1})`;
    labels[`newActors.${i}.kind`] = `${f.newActorKind} (${i + 1})`;
  });
  state.indicators.forEach((_, i) => {
    Object.assign(labels, {
      [`indicators.${i}.label`]: f.indicatorLabel(i + 1),
      [`indicators.${i}.value`]: f.indicatorValue(i + 1),
      [`indicators.${i}.unit`]: f.indicatorUnit(i + 1),
      [`indicators.${i}.date`]: f.indicatorDate(i + 1),
    });
  });
  state.links.forEach((_, i) => Object.assign(labels, { [`links.${i}.label`]: f.linkLabel(i + 1), [`links.${i}.url`]: f.linkUrl(i + 1) }));
  const conflictOn = (field: EditableField) => (props.conflict?.conflicts.includes(field) ? <ConflictBox conflict={props.conflict} field={field} /> : null);
  // Autosave keeps a private working copy (ADR 0014): on every sheet, published ones too, not on the conflict page.
  const autosave = sheet !== undefined && !props.conflict;
  const scripts = ['/static/js/suggest.js', '/static/js/leave-warning.js', '/static/js/service-picker.js', ...(autosave ? ['/static/js/autosave.js'] : [])];
  // What the form shows is not saved yet: refused, in conflict, or kept by autosave only.
  const unsaved = Object.keys(errors).length > 0 || props.conflict !== undefined || props.workingCopy !== undefined;
  const merged = sheet && props.mergedSince !== undefined ? mergedNotice(props.revisions ?? [], props.mergedSince, sheet.version) : undefined;
  return (
    <Layout
      title={title}
      scripts={scripts}
      breadcrumb={[
        { href: '/espace', label: m.workspace.title },
        { href: base, label: territory.name },
        { href: action, label: sheet ? sheet.content.title : f.newTitle },
      ]}
    >
      <h1>{title}</h1>
      {merged ? <Notice kind="success">{merged}</Notice> : props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.workingCopy ? (
        <Notice kind="info">
          <p>{m.workingCopy.notice(props.workingCopy.savedAt)}</p>
          {sheet?.visibility === 'public' ? <p>{m.workingCopy.noticePublic}</p> : null}
          {props.workingCopy.stale ? <p>{m.workingCopy.staleNotice}</p> : null}
          <PostForm action={`${action}/abandon`} class="inline-form">
            <button type="submit" class="button button--small button--secondary">
              {m.workingCopy.discard}
            </button>
          </PostForm>
        </Notice>
      ) : null}
      {sheet?.moderationReason ? <Notice kind="warning">{m.page.moderatedNotice(sheet.moderationReason)}</Notice> : null}
      {props.conflict ? <ConflictSummary conflict={props.conflict} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      {sheet ? <SheetStatusBar sheet={sheet} base={base} /> : null}

      <PostForm
        action={action}
        class="initiative-form"
        id="fiche"
        leaveWarning={unsaved ? 'dirty' : 'clean'}
        enctype={sheet ? undefined : 'multipart/form-data'}
      >
        {sheet ? <input type="hidden" name="version" value={String(props.version ?? sheet.version)} /> : null}
        {props.conflict ? <ConflictHiddenFields conflict={props.conflict} /> : null}
        {autosave ? (
          <p
            class="autosave"
            id="autosave-status"
            role="status"
            data-autosave={`${action}/brouillon`}
            data-saving={f.autosaveSaving}
            data-saved={f.autosaveSaved('{heure}')}
            data-failed={f.autosaveFailed}
          >
            {sheet.visibility === 'public' ? f.autosaveIdlePublic : f.autosaveIdle}
          </p>
        ) : null}

        <fieldset class="form-section">
          <legend>{f.general}</legend>
          {conflictOn('title')}
          <Field name="title" label={m.fields.title} hint={m.hints.title} value={state.title} error={errors.title} required maxLength={200} />
          {conflictOn('summary')}
          <TextAreaField name="summary" label={m.fields.summary} hint={m.hints.summary} value={state.summary} error={errors.summary} rows={3} maxLength={600} />
          {conflictOn('description')}
          <TextAreaField
            name="description"
            label={m.fields.description}
            hint={m.hints.description}
            value={state.description}
            error={errors.description}
            rows={8}
          />
          {conflictOn('status')}
          <SelectField
            name="status"
            label={m.fields.status}
            value={state.status}
            error={errors.status}
            options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))}
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{f.when}</legend>
          {conflictOn('startDate')}
          {conflictOn('endDate')}
          <div class="field-row">
            <Field name="startDate" type="date" label={m.fields.startDate} value={state.startDate} error={errors.startDate} />
            <Field name="endDate" type="date" label={m.fields.endDate} value={state.endDate} error={errors.endDate} />
          </div>
        </fieldset>

        <fieldset
          class="form-section"
          id={fieldId('serviceIds')}
          aria-describedby={describedBy(`${fieldId('serviceIds')}-aide`, errors.serviceIds && groupErrorId('serviceIds'))}
        >
          <legend>{f.services}</legend>
          <p class="field__hint" id={`${fieldId('serviceIds')}-aide`}>
            {m.hints.services}
          </p>
          {errors.serviceIds ? (
            <p class="field__error" id={groupErrorId('serviceIds')}>
              {errors.serviceIds}
            </p>
          ) : null}
          {conflictOn('serviceIds')}
          <ServicePicker referential={props.referential} chosen={state.serviceIds} sheet={sheet} />
        </fieldset>

        <fieldset class="form-section" id={fieldId('actorIds')} aria-describedby={describedBy(errors.actorIds && groupErrorId('actorIds'))}>
          <legend>{f.actors}</legend>
          <p class="field__hint">{m.hints.actors}</p>
          {errors.actorIds ? (
            <p class="field__error" id={groupErrorId('actorIds')}>
              {errors.actorIds}
            </p>
          ) : null}
          {conflictOn('actorIds')}
          {state.actorIds.length ? (
            <fieldset class="subfieldset">
              <legend>{f.currentActors}</legend>
              {state.actorIds.map((id) => (
                <Checkbox id={`actor-${id}`} name="actorIds" value={id} checked label={props.actorNames.get(id) ?? id} />
              ))}
            </fieldset>
          ) : null}
          {[...state.newActors, ...Array.from({ length: EMPTY_ROWS }, () => ({ name: '', kind: 'company', website: '' }))]
            .slice(0, Math.max(EMPTY_ROWS, state.newActors.length))
            .map((actor, i) => (
              <div class="field-row" key={`new-actor-${i}`}>
                <Field
                  id={`newActors.${i}.name`}
                  name="newActorName"
                  label={`${f.newActorName} (${i + 1})`}
                  value={actor.name}
                  error={errors[`newActors.${i}.name`]}
                  class="field--wide"
                  list="suggestions-acteurs"
                  suggest="/api/v1/actors"
                  autocomplete="off"
                />
                <div class="field">
                  <label for={fieldId(`newActors.${i}.kind`)}>{`${f.newActorKind} (${i + 1})`}</label>
                  <select id={fieldId(`newActors.${i}.kind`)} name="newActorKind">
                    {ACTOR_KINDS.map((kind) => (
                      <option value={kind} selected={actor.kind === kind}>
                        {actorMessages.kinds[kind]}
                      </option>
                    ))}
                  </select>
                </div>
                <Field
                  id={`newActors.${i}.website`}
                  name="newActorWebsite"
                  inputmode="url"
                  autocomplete="url"
                  label={`${f.newActorWebsite} (${i + 1})`}
                  value={actor.website}
                  error={errors[`newActors.${i}.website`]}
                />
              </div>
            ))}
          <datalist id="suggestions-acteurs"></datalist>
        </fieldset>

        <fieldset class="form-section" id={fieldId('audiences')} aria-describedby={describedBy(errors.audiences && groupErrorId('audiences'))}>
          <legend>{f.audiences}</legend>
          {errors.audiences ? (
            <p class="field__error" id={groupErrorId('audiences')}>
              {errors.audiences}
            </p>
          ) : null}
          {conflictOn('audiences')}
          <div class="checkbox-grid">
            {AUDIENCES.map((audience) => (
              <Checkbox
                id={`audience-${audience}`}
                name="audiences"
                value={audience}
                checked={state.audiences.includes(audience)}
                label={m.audiences[audience]}
              />
            ))}
          </div>
          {conflictOn('responsibleDigital')}
          <Checkbox
            id="responsibleDigital"
            name="responsibleDigital"
            checked={state.responsibleDigital}
            label={m.fields.responsibleDigital}
            description={m.hints.responsibleDigital}
          />
        </fieldset>

        <fieldset class="form-section" id={fieldId('indicators')} aria-describedby={describedBy(errors.indicators && groupErrorId('indicators'))}>
          <legend>{f.indicators}</legend>
          <p class="field__hint">{m.hints.indicators}</p>
          {errors.indicators ? (
            <p class="field__error" id={groupErrorId('indicators')}>
              {errors.indicators}
            </p>
          ) : null}
          {conflictOn('indicators')}
          {[...state.indicators, ...Array.from({ length: EMPTY_ROWS }, () => ({ label: '', value: '', unit: '', date: '' }))].map((row, i) => (
            <div class="field-row" key={`indicator-${i}`}>
              <Field
                id={`indicators.${i}.label`}
                name="indicatorLabel"
                label={f.indicatorLabel(i + 1)}
                value={row.label}
                error={errors[`indicators.${i}.label`]}
                class="field--wide"
              />
              <Field
                id={`indicators.${i}.value`}
                name="indicatorValue"
                label={f.indicatorValue(i + 1)}
                value={row.value}
                error={errors[`indicators.${i}.value`]}
                inputmode="decimal"
              />
              <Field id={`indicators.${i}.unit`} name="indicatorUnit" label={f.indicatorUnit(i + 1)} value={row.unit} error={errors[`indicators.${i}.unit`]} />
              <Field
                id={`indicators.${i}.date`}
                name="indicatorDate"
                type="date"
                label={f.indicatorDate(i + 1)}
                value={row.date}
                error={errors[`indicators.${i}.date`]}
              />
            </div>
          ))}
        </fieldset>

        <fieldset class="form-section" id={fieldId('links')} aria-describedby={describedBy(errors.links && groupErrorId('links'))}>
          <legend>{f.links}</legend>
          <p class="field__hint">{m.hints.links}</p>
          {errors.links ? (
            <p class="field__error" id={groupErrorId('links')}>
              {errors.links}
            </p>
          ) : null}
          {conflictOn('links')}
          {[...state.links, ...Array.from({ length: EMPTY_ROWS }, () => ({ label: '', url: '' }))].map((row, i) => (
            <div class="field-row" key={`link-${i}`}>
              <Field id={`links.${i}.label`} name="linkLabel" label={f.linkLabel(i + 1)} value={row.label} error={errors[`links.${i}.label`]} />
              <Field
                id={`links.${i}.url`}
                name="linkUrl"
                inputmode="url"
                label={f.linkUrl(i + 1)}
                value={row.url}
                error={errors[`links.${i}.url`]}
                class="field--wide"
              />
            </div>
          ))}
        </fieldset>

        {sheet ? null : <NewSheetPhotoFields error={errors.photo} lost={props.photoLost} alt={props.photoAlt} />}

        <fieldset class="form-section">
          <legend>{f.contact}</legend>
          {conflictOn('contactName')}
          {conflictOn('contactEmail')}
          <div class="field-row">
            <Field name="contactName" label={m.fields.contactName} value={state.contactName} error={errors.contactName} />
            <Field name="contactEmail" type="email" label={m.fields.contactEmail} value={state.contactEmail} error={errors.contactEmail} autocomplete="off" />
          </div>
        </fieldset>

        <div class="form-actions">
          <button type="submit" class="button" name="intent" value="save">
            {sheet ? (props.conflict ? m.conflict.save : f.save) : f.create}
          </button>
          {sheet && sheet.visibility === 'draft' ? (
            <button type="submit" class="button button--secondary" name="intent" value="publish">
              {f.saveAndPublish}
            </button>
          ) : null}
        </div>
      </PostForm>

      {sheet ? (
        <PhotosSection sheet={sheet} action={`${action}/photos`} error={errors.photo} />
      ) : (
        <section class="section" aria-labelledby="titre-photos">
          <h2 id="titre-photos">{m.photos.heading}</h2>
          <p>{m.hints.photosAfterCreation}</p>
        </section>
      )}
      {sheet && props.revisions ? <RevisionsSection revisions={props.revisions} names={props.revisionNames ?? new Map()} /> : null}
    </Layout>
  );
}

/** Who saved the sheet between the version a merged save started from and the one it made, and what they changed. */
function mergedNotice(revisions: RevisionEntry[], since: number, saved: number): string | undefined {
  const between = revisions.filter((r) => r.version > since && r.version < saved);
  if (between.length === 0) return undefined;
  const who = [...new Set(between.map((r) => r.by ?? m.revisions.unknownUser))].join(', ');
  const fields = [...new Set(between.flatMap((r) => r.changedFields))].map((k) => m.fields[k as EditableField] ?? k);
  return m.conflict.mergedNotice(who, fields.join(', ') || (m.revisions.events.edited ?? '').toLowerCase());
}

/** Id of the error of a group of fields (a fieldset), which the fieldset's aria-describedby names. */
const groupErrorId = (field: string) => `${fieldId(field)}-erreur`;

/** An aria-describedby value from the ids that apply, or none. */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
