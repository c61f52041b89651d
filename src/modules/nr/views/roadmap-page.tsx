import { DataTable, ErrorSummary, Field, Notice, PostForm, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ACTION_STATUSES, NAME_MAX, NOTE_MAX, NR_THEMES, TITLE_MAX, nrThemeName } from '../nr-themes.rules.ts';
import { roadmapMessages } from '../roadmap.messages.ts';
import { timelineOf, type ActionRaw } from '../roadmap.rules.ts';
import type { RoadmapAction, RoadmapPage as PageData } from '../roadmap.service.ts';
import { nrBreadcrumb, quickWinsPath, roadmapPath } from './quick-wins-page.tsx';
import { capitalise } from '../../../platform/text.ts';

const m = roadmapMessages.roadmap;
const f = roadmapMessages.form;

export const themeOptions = NR_THEMES.map((t) => ({ value: t.id, label: t.name }));
export const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: roadmapMessages.statuses[s] }));
export const actionPath = (code: string, id: string) => `${roadmapPath(code)}/${id}`;
export const actionLabels = { title: f.title, description: f.description, themeId: f.themeId, owner: f.owner, dueOn: f.dueOn, status: f.status };

/** The fields of an action, new or edited. */
export function ActionFields(props: { values: ActionRaw; errors: Record<string, string> }) {
  const { values, errors } = props;
  return (
    <>
      <Field name="title" label={f.title} value={values.title} error={errors.title} required maxLength={TITLE_MAX} />
      <TextAreaField name="description" label={f.description} value={values.description} error={errors.description} rows={3} maxLength={NOTE_MAX} />
      <SelectField name="themeId" label={f.themeId} options={themeOptions} value={values.themeId} error={errors.themeId} required />
      <Field name="owner" label={f.owner} hint={f.ownerHint} value={values.owner} error={errors.owner} maxLength={NAME_MAX} />
      <Field name="dueOn" label={f.dueOn} hint={f.dueOnHint} type="date" value={values.dueOn} error={errors.dueOn} />
      <SelectField name="status" label={f.status} options={statusOptions} value={values.status ?? 'planned'} error={errors.status} />
    </>
  );
}

export type RoadmapPageProps = {
  data: PageData;
  by: 'month' | 'quarter';
  canEdit: boolean;
  notice?: string;
  /** A refusal of the proposal (no diagnostic) or of the new action's form. */
  refused?: string;
  values?: ActionRaw;
  errors?: Record<string, string>;
};

function StatusText(props: { action: RoadmapAction; overdue: boolean }) {
  return (
    <>
      {props.action.status === 'done' ? <span class="badge badge--public">{m.done}</span> : roadmapMessages.statuses[props.action.status]}
      {props.overdue ? (
        <>
          {' '}
          <strong class="field__error">{m.overdue}</strong>
        </>
      ) : null}
    </>
  );
}

/** The roadmap: the list of actions, the timeline by month or quarter, the PDF link, the proposal and the new action's form. */
export function RoadmapPage(props: RoadmapPageProps) {
  const { territory, actions, today, diagnostic, proposable } = props.data;
  const base = roadmapPath(territory.code);
  const timeline = timelineOf(actions, today, props.by);
  const overdueIds = new Set([...timeline.periods.flatMap((p) => p.entries), ...timeline.undated].filter((e) => e.overdue).map((e) => e.action.id));
  const errors = props.errors ?? {};
  return (
    <Layout title={m.title(territory.name)} breadcrumb={nrBreadcrumb(territory, { href: base, label: m.breadcrumb })}>
      <h1>{m.title(territory.name)}</h1>
      <ErrorSummary errors={props.refused ? { _: props.refused, ...errors } : errors} labels={actionLabels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p class="lead">{m.lead}</p>
      <ul class="link-list">
        <li>
          <a href={`${base}.pdf`}>{m.pdf}</a>
        </li>
        <li>
          <a href={quickWinsPath(territory.code)}>{m.quickWinsLink}</a>
        </li>
      </ul>
      {!props.canEdit ? <p class="muted">{m.readOnly}</p> : null}

      <section class="section" aria-labelledby="titre-actions">
        <h2 id="titre-actions">{m.listTitle}</h2>
        {actions.length === 0 ? (
          <p>{m.empty}</p>
        ) : (
          <DataTable id="tableau-actions" caption={m.listCaption}>
            <thead>
              <tr>
                <th scope="col">{m.columns.title}</th>
                <th scope="col">{m.columns.theme}</th>
                <th scope="col">{m.columns.owner}</th>
                <th scope="col">{m.columns.dueOn}</th>
                <th scope="col">{m.columns.status}</th>
                <th scope="col">{m.columns.origin}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {props.canEdit ? (
                      <a href={actionPath(territory.code, a.id)} aria-label={m.editLabel(a.title)}>
                        {a.title}
                      </a>
                    ) : (
                      a.title
                    )}
                  </th>
                  <td>{nrThemeName(a.themeId)}</td>
                  <td>{a.owner || m.noOwner}</td>
                  <td>{a.dueOn ? formatDate(a.dueOn) : m.noDueOn}</td>
                  <td>
                    <StatusText action={a} overdue={overdueIds.has(a.id)} />
                  </td>
                  <td>{roadmapMessages.origins[a.origin]}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      {actions.length ? (
        <section class="section" aria-labelledby="titre-calendrier">
          <h2 id="titre-calendrier">{m.timelineTitle}</h2>
          <nav class="view-switch" aria-label={m.timelineNav}>
            <ul>
              <li>
                <a href={`${base}#titre-calendrier`} aria-current={props.by === 'month' ? 'page' : undefined}>
                  {m.byMonth}
                </a>
              </li>
              <li>
                <a href={`${base}?par=trimestre#titre-calendrier`} aria-current={props.by === 'quarter' ? 'page' : undefined}>
                  {m.byQuarter}
                </a>
              </li>
            </ul>
          </nav>
          <p>{m.overdueCount(timeline.overdue)}</p>
          <ol class="history__list">
            {[
              ...timeline.periods.map((p) => ({
                key: p.key,
                // A heading begins with a capital: « Décembre 2026 ».
                label: props.by === 'month' ? capitalise(roadmapMessages.month(p.year, p.part)) : roadmapMessages.quarter(p.year, p.part),
                entries: p.entries,
              })),
              ...(timeline.undated.length ? [{ key: 'sans-echeance', label: m.undated, entries: timeline.undated }] : []),
            ].map((period) => (
              <li class="history__entry" key={period.key}>
                <h3 class="history__head">{period.label}</h3>
                <ul>
                  {period.entries.map(({ action, overdue, done }) => (
                    <li key={action.id}>
                      {done ? <s>{action.title}</s> : action.title}
                      {action.dueOn ? <span class="muted"> ({formatDate(action.dueOn)})</span> : null} — <StatusText action={action} overdue={overdue} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {props.canEdit ? (
        <>
          <section class="section" aria-labelledby="titre-proposer">
            <h2 id="titre-proposer">{m.proposeTitle}</h2>
            <p>{m.proposeLead}</p>
            {diagnostic ? (
              proposable.length ? (
                <>
                  <ul>
                    {proposable.map((t) => (
                      <li key={t.themeId}>{roadmapMessages.proposalDescription(nrThemeName(t.themeId), t.index)}</li>
                    ))}
                  </ul>
                  <PostForm action={`${base}/proposer`}>
                    <button type="submit" class="button button--secondary">
                      {m.proposeButton}
                    </button>
                  </PostForm>
                </>
              ) : (
                <p class="muted">{roadmapMessages.errors.nothingToPropose}</p>
              )
            ) : (
              <p class="muted">{roadmapMessages.errors.noDiagnostic}</p>
            )}
          </section>

          <section class="section" aria-labelledby="titre-ajouter">
            <h2 id="titre-ajouter">{m.addTitle}</h2>
            <PostForm action={`${base}/actions`} class="form-section">
              <ActionFields values={props.values ?? {}} errors={errors} />
              <div class="form-actions">
                <button type="submit" class="button">
                  {m.add}
                </button>
              </div>
            </PostForm>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

export type ActionEditPageProps = {
  territory: { code: string; name: string };
  action: RoadmapAction;
  values?: ActionRaw;
  errors?: Record<string, string>;
};

/** One action's page: its form (with the version it is based on) and its deletion. */
export function ActionEditPage(props: ActionEditPageProps) {
  const { territory, action } = props;
  const e = roadmapMessages.edit;
  const path = actionPath(territory.code, action.id);
  const values: ActionRaw = props.values ?? { ...action, dueOn: action.dueOn ?? '' };
  const errors = props.errors ?? {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== '_'));
  return (
    <Layout
      title={e.title(action.title)}
      breadcrumb={nrBreadcrumb(territory, { href: roadmapPath(territory.code), label: m.breadcrumb }, { href: path, label: e.breadcrumb })}
    >
      <h1>{e.title(action.title)}</h1>
      <ErrorSummary errors={errors} labels={actionLabels} />
      <p class="muted">{e.origin(roadmapMessages.origins[action.origin])}</p>
      <PostForm action={path} class="form-section">
        <input type="hidden" name="version" value={String(action.version)} />
        <ActionFields values={values} errors={fieldErrors} />
        <div class="form-actions">
          <button type="submit" class="button">
            {e.save}
          </button>
          <a href={roadmapPath(territory.code)}>{e.back}</a>
        </div>
      </PostForm>
      <section class="section" aria-labelledby="titre-supprimer">
        <h2 id="titre-supprimer">{e.deleteTitle}</h2>
        <p>{e.deleteLead}</p>
        <PostForm action={`${path}/suppression`}>
          <input type="hidden" name="version" value={String(action.version)} />
          <button type="submit" class="button button--danger">
            {e.delete}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}
