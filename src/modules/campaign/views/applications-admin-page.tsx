import { DataTable, ErrorSummary, Notice, PostForm, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDateTime, formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { editionAdminMessages } from '../../label/messages.ts';
import type { EditionApplication } from '../applications-admin.service.ts';
import { dossierMessages } from '../dossier.messages.ts';
import { campaignMessages } from '../messages.ts';
import { applicationPath } from './application-page.tsx';

const m = dossierMessages.admin;

export type ApplicationsAdminPageProps = {
  year: number;
  applications: EditionApplication[];
  notice?: string;
  /** A refused reopening: which dossier, the reason as typed, and why. */
  refused?: { id: string; reason: string; message: string };
};

export const applicationsAdminPath = (year: number) => `/admin/editions/${year}/candidatures`;
const reasonId = (id: string) => `reason-${id}`;

/** /admin/editions/:year/candidatures: every dossier of the edition, and a « Rouvrir » form for each submitted one. */
export function ApplicationsAdminPage(props: ApplicationsAdminPageProps) {
  const { year, applications, refused } = props;
  const submitted = applications.filter((a) => a.state === 'submitted');
  // A reason refused is shown beside its field; a dossier no longer submitted has no field: the message alone.
  const withField = refused && submitted.some((a) => a.id === refused.id);
  const errors: Record<string, string> = refused ? (withField ? { [reasonId(refused.id)]: refused.message } : { _: refused.message }) : {};
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: m.editionLink(year) },
        { href: applicationsAdminPath(year), label: m.title(year) },
      ]}
    >
      <h1>{m.title(year)}</h1>
      <p class="lead">{m.lead(applications.length)}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} labels={refused ? { [reasonId(refused.id)]: m.reason } : {}} />
      {applications.length ? (
        <DataTable id="candidatures-table" caption={m.caption(year)}>
          <thead>
            <tr>
              <th scope="col">{m.columns.territory}</th>
              <th scope="col">{m.columns.state}</th>
              <th scope="col" class="numeric">
                {m.columns.sheets}
              </th>
              <th scope="col">{m.columns.saved}</th>
              <th scope="col">{m.columns.submitted}</th>
              <th scope="col">{m.columns.action}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={applicationPath(a.territory.code, year)}>{a.territory.name}</a>
                </th>
                <td>{campaignMessages.applicationStates[a.state]}</td>
                <td class="numeric">{formatNumber(a.sheets)}</td>
                <td>{formatDateTime(a.updatedAt)}</td>
                <td>{a.submittedAt ? formatDateTime(a.submittedAt) : m.notSubmitted}</td>
                <td>{a.state === 'submitted' ? <a href={`#rouvrir-${a.id}`}>{m.reopenFor(a.territory.name)}</a> : m.notSubmitted}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {submitted.map((a) => (
        <section aria-labelledby={`rouvrir-${a.id}-titre`}>
          <h2 id={`rouvrir-${a.id}-titre`}>{m.reopenFor(a.territory.name)}</h2>
          <PostForm action={`${applicationsAdminPath(year)}/${a.id}/rouvrir`} id={`rouvrir-${a.id}`} class="form-section">
            <TextAreaField
              name="reason"
              id={reasonId(a.id)}
              label={m.reason}
              hint={m.reasonHint}
              value={refused?.id === a.id ? refused.reason : ''}
              error={refused?.id === a.id ? refused.message : undefined}
              required
              rows={3}
            />
            <button type="submit" class="button button--secondary">
              {m.reopen}
            </button>
          </PostForm>
        </section>
      ))}
    </Layout>
  );
}
