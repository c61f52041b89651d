import { Fragment } from 'preact';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import { Field, FieldFrame, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { referentialMessages } from '../messages.ts';
import { compareVersions, MIN_SERVICES_PER_THEME, SERVICE_NAME_MAX, YEARLY_CHANGE_WARNING_SHARE, type DraftIssue } from '../referential.rules.ts';
import { serviceIndex, type Referential, type ReferentialServiceEntry, type ServiceSummary } from '../referential.service.ts';
import { ResponsibleDigitalBadge, serviceCount } from './referential-tree.tsx';

const m = referentialMessages.admin;

// The draft of a version, as the admin edits it on /admin/referentiel/:version: what changed since
// the version it was copied from, and one form per service (rename, move, retire) and to add one.

export type Values = Record<string, string | undefined>;

/** A form of the version page that was refused: its errors are shown next to its fields. */
export type FailedForm = {
  form: 'rename' | 'move' | 'retire' | 'restore' | 'add' | 'publish' | 'delete';
  serviceId?: string;
  errors: FieldErrors;
  values: Values;
  /** What prevents publication, when publishing failed. */
  issues?: DraftIssue[];
};

export const versionPath = (version: string) => `/admin/referentiel/${encodeURIComponent(version)}`;
const servicePath = (version: string, serviceId: string, action: string) => `${versionPath(version)}/services/${encodeURIComponent(serviceId)}/${action}`;

export type VersionPageProps = {
  referential: Referential;
  /** The version the draft was copied from, to show what changed. */
  base: Referential | null;
  notice?: string;
  /** The service a success notice is about: its theme is opened. */
  focusServiceId?: string;
  failed?: FailedForm;
  /** Services of earlier published versions that the draft no longer has. */
  restorable?: ServiceSummary[];
};

// — Form controls with ids of their own: the version page holds one form per service.

/** A required text input with an id of its own (one form per service). */
function TextInput(props: { id: string; name: string; label: string; value: string; error?: string; hint?: string; maxLength?: number }) {
  return <Field {...props} required />;
}

function TextArea(props: { id: string; name: string; label: string; value: string; error?: string; hint?: string }) {
  return <TextAreaField {...props} required rows={3} />;
}

function Checkbox(props: { id: string; name: string; label: string; checked: boolean; error?: string }) {
  const id = `champ-${props.id}`;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      {props.error ? (
        <p class="field__error" id={`${id}-erreur`}>
          {props.error}
        </p>
      ) : null}
      <label for={id}>
        <input type="checkbox" id={id} name={props.name} value="1" checked={props.checked} aria-describedby={props.error ? `${id}-erreur` : undefined} />{' '}
        {props.label}
      </label>
    </div>
  );
}

function ThemeSelect(props: { id: string; label: string; referential: Referential; value: string; error?: string; withEmpty?: boolean }) {
  return (
    <FieldFrame
      {...props}
      name="themeId"
      required
      control={(aria) => (
        <select {...aria} name="themeId" required>
          {props.withEmpty ? <option value="">{m.chooseTheme}</option> : null}
          {props.referential.axes.map((axis) => (
            <optgroup label={axis.name} key={axis.id}>
              {axis.themes.map((theme) => (
                <option value={theme.id} selected={props.value === theme.id} key={theme.id}>
                  {theme.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    />
  );
}

type Flat = ReferentialServiceEntry & { themeId: string };
const flatten = (r: Referential): Flat[] => r.axes.flatMap((a) => a.themes.flatMap((t) => t.services.map((s) => ({ ...s, themeId: t.id }))));

export function DraftEditor(props: VersionPageProps) {
  const { referential, failed } = props;
  const version = referential.version;
  const changes = compareVersions(props.base ? flatten(props.base) : [], flatten(referential));
  const marks = new Map<string, string[]>();
  const mark = (ids: string[], label: string) => ids.forEach((id) => marks.set(id, [...(marks.get(id) ?? []), label]));
  mark(changes.added, m.marks.added);
  mark(changes.edited, m.marks.edited);
  mark(changes.moved, m.marks.moved);
  const base = props.base;
  const retired = base
    ? changes.retired.map((id) => {
        const entry = serviceIndex(base).get(id);
        if (!entry) throw new Error(`retired service ${id} is not in the version before`);
        return entry.service;
      })
    : [];
  const addFailed = failed?.form === 'add' ? failed : undefined;
  const themesWithIssues = new Set<string>();
  const index = serviceIndex(referential);
  for (const issue of failed?.issues ?? []) {
    const themeId = issue.kind === 'themeTooSmall' ? issue.themeId : index.get(issue.serviceId)?.theme.id;
    if (themeId) themesWithIssues.add(themeId);
  }
  const openServiceId = failed?.serviceId ?? props.focusServiceId;
  const openThemeId = openServiceId ? index.get(openServiceId)?.theme.id : undefined;

  return (
    <>
      <p class="lead">{m.draftIntro(referential.basedOn)}</p>
      <p>
        <a href="/admin/referentiel">{m.backToList}</a>
      </p>

      <section class="section" aria-labelledby="titre-changements">
        <h2 id="titre-changements">{m.changesTitle}</h2>
        <dl class="facts">
          <div>
            <dt>{referentialMessages.public.facts.services}</dt>
            <dd>{formatNumber(serviceCount(referential))}</dd>
          </div>
          <div>
            <dt>{m.changes.added}</dt>
            <dd>{formatNumber(changes.added.length)}</dd>
          </div>
          <div>
            <dt>{m.changes.retired}</dt>
            <dd>{formatNumber(changes.retired.length)}</dd>
          </div>
          <div>
            <dt>{m.changes.edited}</dt>
            <dd>{formatNumber(changes.edited.length)}</dd>
          </div>
          <div>
            <dt>{m.changes.moved}</dt>
            <dd>{formatNumber(changes.moved.length)}</dd>
          </div>
        </dl>
        {changes.turnover > YEARLY_CHANGE_WARNING_SHARE ? <Notice kind="warning">{m.turnoverWarning(Math.round(changes.turnover * 100))}</Notice> : null}
        {retired.length ? (
          <p>
            {m.retiredList} {retired.map((s) => `${s.name} (${s.id})`).join(' ; ')}
          </p>
        ) : null}
      </section>

      <section class="section" aria-labelledby="titre-publier">
        <h2 id="titre-publier">{m.publishTitle}</h2>
        <p>{m.publishIntro(MIN_SERVICES_PER_THEME)}</p>
        <p>
          <a class="button" href={`${versionPath(version)}/publier`}>
            {m.reviewPublication(version)}
          </a>
        </p>
        <PostForm action={`${versionPath(version)}/supprimer`} class="inline-fields">
          <button type="submit" class="button button--danger">
            {m.deleteSubmit}
          </button>
          <p class="field__hint">{m.deleteHint}</p>
        </PostForm>
      </section>

      <section class="section" aria-labelledby="titre-ajouter">
        <h2 id="titre-ajouter">{m.addTitle}</h2>
        <p>{m.addIntro}</p>
        <PostForm action={`${versionPath(version)}/services`}>
          <ThemeSelect
            id="nouveau-themeId"
            label={m.fields.themeId}
            referential={referential}
            value={addFailed?.values.themeId ?? ''}
            error={addFailed?.errors.themeId}
            withEmpty
          />
          <TextInput
            id="nouveau-name"
            name="name"
            label={m.fields.name}
            value={addFailed?.values.name ?? ''}
            error={addFailed?.errors.name}
            maxLength={SERVICE_NAME_MAX}
          />
          <TextArea
            id="nouveau-description"
            name="description"
            label={m.fields.description}
            hint={m.fields.descriptionHint}
            value={addFailed?.values.description ?? ''}
            error={addFailed?.errors.description}
          />
          <Checkbox
            id="nouveau-responsibleDigital"
            name="responsibleDigital"
            label={m.fields.responsibleDigital}
            checked={!!addFailed?.values.responsibleDigital}
            error={addFailed?.errors.responsibleDigital}
          />
          <button type="submit" class="button">
            {m.addSubmit}
          </button>
        </PostForm>
      </section>

      <RestoreSection
        version={version}
        referential={referential}
        restorable={props.restorable ?? []}
        failed={failed?.form === 'restore' ? failed : undefined}
      />

      <section class="section" aria-labelledby="titre-services">
        <h2 id="titre-services">{m.servicesTitle}</h2>
        <p>{m.servicesIntro}</p>
        {referential.axes.map((axis) => (
          <Fragment key={axis.id}>
            <h3 id={`axe-${axis.id}`}>{axis.name}</h3>
            {axis.themes.map((theme) => (
              <details id={`enjeu-${theme.id}`} key={theme.id} open={theme.id === openThemeId || themesWithIssues.has(theme.id)}>
                <summary>
                  <strong>{m.themeSummary(theme.name, theme.services.length)}</strong>
                </summary>
                <ul class="result-list">
                  {theme.services.map((service) => (
                    <ServiceEditor
                      key={service.id}
                      version={version}
                      referential={referential}
                      service={service}
                      marks={marks.get(service.id) ?? []}
                      failed={failed?.serviceId === service.id ? failed : undefined}
                    />
                  ))}
                </ul>
              </details>
            ))}
          </Fragment>
        ))}
      </section>
    </>
  );
}

function ServiceEditor(props: { version: string; referential: Referential; service: ReferentialServiceEntry; marks: string[]; failed?: FailedForm }) {
  const { service, failed, version } = props;
  const entry = serviceIndex(props.referential).get(service.id);
  if (!entry) throw new Error(`service ${service.id} is not in version ${version}`);
  const themeId = entry.theme.id;
  const renameFailed = failed?.form === 'rename' ? failed : undefined;
  const moveFailed = failed?.form === 'move' ? failed : undefined;
  const p = `s-${service.id}-`;
  const forService = <span class="visually-hidden">{m.forService(service.name)}</span>;
  return (
    <li class="result-list__item" id={`service-${service.id}`}>
      <span class="result-list__title">{service.name}</span>
      {service.responsibleDigital ? (
        <>
          {' '}
          <ResponsibleDigitalBadge />
        </>
      ) : null}
      {props.marks.length ? <span class="muted"> ({props.marks.join(', ')})</span> : null}
      <span class="result-list__meta">{service.description}</span>
      <span class="result-list__meta">{m.serviceId(service.id)}</span>
      <details open={!!failed}>
        <summary>
          {m.editSummary}
          {forService}
        </summary>
        {/* A grey panel sets the forms apart from the list. */}
        <div class="filters">
          <PostForm action={servicePath(version, service.id, 'renommer')}>
            <TextInput
              id={`${p}name`}
              name="name"
              label={m.fields.name}
              value={renameFailed?.values.name ?? service.name}
              error={renameFailed?.errors.name}
              maxLength={SERVICE_NAME_MAX}
            />
            <TextArea
              id={`${p}description`}
              name="description"
              label={m.fields.description}
              value={renameFailed?.values.description ?? service.description}
              error={renameFailed?.errors.description}
            />
            <Checkbox
              id={`${p}responsibleDigital`}
              name="responsibleDigital"
              label={m.fields.responsibleDigital}
              checked={renameFailed ? !!renameFailed.values.responsibleDigital : service.responsibleDigital}
              error={renameFailed?.errors.responsibleDigital}
            />
            <button type="submit" class="button button--small">
              {m.renameSubmit}
              {forService}
            </button>
          </PostForm>
          <PostForm action={servicePath(version, service.id, 'deplacer')} class="inline-fields">
            <ThemeSelect
              id={`${p}themeId`}
              label={m.fields.moveTo}
              referential={props.referential}
              value={moveFailed?.values.themeId ?? themeId}
              error={moveFailed?.errors.themeId}
            />
            <button type="submit" class="button button--small button--secondary">
              {m.moveSubmit}
              {forService}
            </button>
          </PostForm>
          <PostForm action={servicePath(version, service.id, 'retirer')} class="inline-fields">
            <button type="submit" class="button button--small button--danger">
              {m.retireSubmit}
              {forService}
            </button>
          </PostForm>
        </div>
      </details>
    </li>
  );
}

/** The services retired from this draft or an earlier version, each with a form to bring it back with its id. */
function RestoreSection(props: { version: string; referential: Referential; restorable: ServiceSummary[]; failed?: FailedForm }) {
  const { failed } = props;
  return (
    <section class="section" aria-labelledby="titre-retablir">
      <h2 id="titre-retablir">{m.restoreTitle}</h2>
      <p>{m.restoreIntro}</p>
      {props.restorable.length === 0 ? (
        <p>{m.restoreNone}</p>
      ) : (
        <details open={!!failed}>
          <summary>{m.restoreSummary(props.restorable.length)}</summary>
          <ul class="result-list">
            {props.restorable.map((service) => {
              const error = failed?.serviceId === service.id ? failed : undefined;
              const forService = <span class="visually-hidden">{m.forService(service.name)}</span>;
              return (
                <li class="result-list__item" id={`retire-${service.id}`} key={service.id}>
                  <span class="result-list__title">{service.name}</span>
                  <span class="result-list__meta">{m.serviceId(service.id)}</span>
                  <span class="result-list__meta">{m.restoredFrom(service.theme.name)}</span>
                  {error?.errors.serviceId || error?.errors.name ? <p class="field__error">{error.errors.serviceId ?? error.errors.name}</p> : null}
                  <PostForm action={servicePath(props.version, service.id, 'retablir')} class="inline-fields">
                    <ThemeSelect
                      id={`r-${service.id}-themeId`}
                      label={m.restoreIn}
                      referential={props.referential}
                      value={error?.values.themeId ?? service.theme.id}
                      error={error?.errors.themeId}
                    />
                    <button type="submit" class="button button--small button--secondary">
                      {m.restoreSubmit}
                      {forService}
                    </button>
                  </PostForm>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
