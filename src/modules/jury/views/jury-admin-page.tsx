import { DataTable, ErrorSummary, Field, Notice, PostForm, SelectField } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import type { SubmittedDossier } from '../../campaign/applications-admin.service.ts';
import type { AssignmentRow } from '../assignment.service.ts';
import type { JurorSummary } from '../jurors.service.ts';
import { juryMessages } from '../jury.messages.ts';

const m = juryMessages.page;
const f = juryMessages.fields;

export const juryAdminPath = (year: number) => `/admin/editions/${year}/jury`;

export type JuryAdminPageProps = {
  year: number;
  jurors: JurorSummary[];
  dossiers: SubmittedDossier[];
  assignments: AssignmentRow[];
  /** Per juror, the submitted dossiers in conflict with them (declared or derived). */
  conflicted: ReadonlyMap<string, number>;
  reviewersPerDossier: number;
  assignable: boolean;
  errors?: Record<string, string>;
  notice?: string;
  shortfalls?: { territoryName: string; missing: number }[];
  /** The invitation form's values after a refusal. */
  values?: Record<string, string | undefined>;
};

/** /admin/editions/:year/jury: the jurors, the invitation, the assignment of the submitted dossiers. */
export function JuryAdminPage(props: JuryAdminPageProps) {
  const { year } = props;
  const errors = props.errors ?? {};
  const names = new Map(props.jurors.map((j) => [j.id, j.displayName]));
  const byDossier = new Map<string, AssignmentRow[]>();
  for (const a of props.assignments) byDossier.set(a.applicationId, [...(byDossier.get(a.applicationId) ?? []), a]);
  return (
    <Layout
      title={juryMessages.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: 'Éditions' },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: juryAdminPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{juryMessages.title(year)}</h1>
      <p class="lead">{juryMessages.lead}</p>
      <ErrorSummary errors={errors} labels={{ ...f, applicationId: m.dossierField, jurorId: m.jurorField }} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}

      <section aria-labelledby="jures">
        <h2 id="jures">{m.jurorsTitle}</h2>
        {props.jurors.length === 0 ? (
          <p class="muted">{m.none}</p>
        ) : (
          <DataTable id="tableau-jures" caption={m.jurorsCaption(year)}>
            <thead>
              <tr>
                <th scope="col">{m.columns.name}</th>
                <th scope="col">{m.columns.expertise}</th>
                <th scope="col">{m.columns.green}</th>
                <th scope="col">{m.columns.load}</th>
                <th scope="col">{m.columns.declared}</th>
                <th scope="col">{m.columns.conflicted}</th>
                <th scope="col">{m.columns.conflicts}</th>
              </tr>
            </thead>
            <tbody>
              {props.jurors.map((j) => (
                <tr key={j.id}>
                  <th scope="row">
                    <a href={`${juryAdminPath(year)}/${j.id}`} aria-label={m.seeConflicts(j.displayName)}>
                      {j.displayName}
                    </a>
                    <br />
                    <span class="muted">{j.email}</span>
                  </th>
                  <td>{j.expertise ?? ''}</td>
                  <td>{j.greenReviewer ? m.yes : m.no}</td>
                  <td>{j.load}</td>
                  <td>{j.declaredConflicts}</td>
                  <td>{props.conflicted.get(j.id) ?? 0}</td>
                  <td>{j.conflictsConfirmedAt ? m.confirmed(formatDateTime(j.conflictsConfirmedAt)) : m.notConfirmed}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <h3 id="inviter">{m.inviteTitle}</h3>
        <p>{m.inviteLead}</p>
        <PostForm action={`${juryAdminPath(year)}/jures`} aria-labelledby="inviter">
          <Field name="email" type="email" label={f.email} required autocomplete="off" value={props.values?.email} error={errors.email} />
          <Field name="displayName" label={f.displayName} autocomplete="off" value={props.values?.displayName} error={errors.displayName} />
          <Field name="expertise" label={f.expertise} autocomplete="off" value={props.values?.expertise} error={errors.expertise} />
          <div class="checkbox">
            <input type="checkbox" id="champ-greenReviewer" name="greenReviewer" value="1" checked={props.values?.greenReviewer === '1'} />
            <label for="champ-greenReviewer">{f.greenReviewer}</label>
          </div>
          <p>
            <button type="submit" class="button">
              {m.invite}
            </button>
          </p>
        </PostForm>
      </section>

      <section aria-labelledby="repartition">
        <h2 id="repartition">{m.assignTitle}</h2>
        <p>{m.assignLead(props.reviewersPerDossier, props.dossiers.length, props.jurors.length)}</p>
        {props.assignable ? (
          <PostForm action={`${juryAdminPath(year)}/repartition`}>
            <button type="submit" class="button">
              {m.assign}
            </button>
          </PostForm>
        ) : (
          <p class="muted">{m.assignNotYet}</p>
        )}
        {props.shortfalls?.length ? (
          <>
            <h3>{m.shortfallsTitle}</h3>
            <ul>
              {props.shortfalls.map((s) => (
                <li key={s.territoryName}>{m.shortfall(s.territoryName, s.missing)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {props.dossiers.length ? (
          <DataTable id="tableau-affectations" caption={m.tableCaption(year)}>
            <thead>
              <tr>
                <th scope="col">{m.tableColumns.territory}</th>
                <th scope="col">{m.tableColumns.reviewers}</th>
              </tr>
            </thead>
            <tbody>
              {props.dossiers.map((d) => {
                const rows = byDossier.get(d.applicationId) ?? [];
                return (
                  <tr key={d.applicationId}>
                    <th scope="row">{d.territoryName}</th>
                    <td>
                      {rows.length ? rows.map((a) => `${names.get(a.jurorId) ?? ''} (${a.started ? m.started : m.notStarted})`).join(' ; ') : m.noAssignment}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        ) : null}
        {props.assignable && props.dossiers.length && props.jurors.length ? (
          <>
            <h3 id="modifier">{m.changeTitle}</h3>
            <p>{m.changeLead}</p>
            <PostForm action={`${juryAdminPath(year)}/affectations`} aria-labelledby="modifier">
              <SelectField
                name="applicationId"
                label={m.dossierField}
                required
                options={props.dossiers.map((d) => ({ value: d.applicationId, label: d.territoryName }))}
                value={props.values?.applicationId}
                error={errors.applicationId}
              />
              <SelectField
                name="jurorId"
                label={m.jurorField}
                required
                options={props.jurors.map((j) => ({ value: j.id, label: j.displayName }))}
                value={props.values?.jurorId}
                error={errors.jurorId}
              />
              <button type="submit" class="button" name="action" value="add">
                {m.add}
              </button>{' '}
              <button type="submit" class="button button--secondary" name="action" value="remove">
                {m.remove}
              </button>
            </PostForm>
          </>
        ) : null}
      </section>
    </Layout>
  );
}
