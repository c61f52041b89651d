import { DataTable, ErrorSummary, Field, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { toParisLocal } from '../../../platform/paris-time.ts';
import { editionAdminMessages } from '../../label/messages.ts';
import { publicationMessages } from '../publication.messages.ts';
import type { PublicationView } from '../publication.service.ts';
import { deliberationPath } from './deliberation-agenda-page.tsx';

const m = publicationMessages.page;

export const publicationPath = (year: number) => `/admin/editions/${year}/publication`;

export type PublicationPageProps = {
  view: PublicationView;
  /** What the form sent back, after a refusal. */
  at?: string;
  errors?: Record<string, string>;
  notice?: string;
};

/** /admin/editions/:year/publication: where the publication stands, and the form that schedules or cancels it. */
export function PublicationPage(props: PublicationPageProps) {
  const { view } = props;
  const { edition } = view;
  const year = edition.year;
  const scheduled = edition.publishedAt ? formatDateTime(edition.publishedAt) : null;
  const proposed = props.at ?? toParisLocal(edition.publishedAt ?? edition.ceremonyAt ?? new Date());
  // Scheduling waits for every decision: until then the page says which dossiers are left.
  const schedulable = (view.status === 'ready' || view.status === 'scheduled') && view.missing.length === 0 && view.dossiers > 0;
  return (
    <Layout
      title={m.title(year)}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: editionAdminMessages.title },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: publicationPath(year), label: m.breadcrumb },
      ]}
    >
      <h1>{m.title(year)}</h1>
      <p class="lead">{m.lead}</p>
      <ErrorSummary errors={props.errors ?? {}} labels={{ at: m.atLabel }} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {view.status === 'public' && scheduled ? <Notice kind="info">{m.published(scheduled)}</Notice> : null}
      {view.status === 'scheduled' && scheduled ? <Notice kind="warning">{m.scheduledAt(scheduled)}</Notice> : null}
      {view.status === 'notYet' ? <Notice kind="info">{m.notYet}</Notice> : null}
      <p>
        <strong>{m.ready(view.decided)}</strong> <a href={deliberationPath(year)}>{m.toDeliberation}</a>
      </p>
      {view.missing.length > 0 ? <Notice kind="warning">{publicationMessages.errors.missingDecisions(view.missing.length)}</Notice> : null}
      {view.missing.length > 0 ? (
        <DataTable id="sans-decision" caption={m.missing}>
          <thead>
            <tr>
              <th scope="col">{m.territory}</th>
            </tr>
          </thead>
          <tbody>
            {view.missing.map((d) => (
              <tr key={d.applicationId}>
                <td>
                  <a href={`${deliberationPath(year)}/${d.applicationId}`}>{d.territoryName}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {schedulable ? (
        <section aria-labelledby="programmer">
          <h2 id="programmer">{view.status === 'scheduled' ? m.reschedule : m.schedule}</h2>
          <PostForm action={publicationPath(year)}>
            <Field name="at" type="datetime-local" label={m.atLabel} hint={m.atHint} value={proposed} error={props.errors?.at} required />
            <p>
              <button type="submit" class="button">
                {view.status === 'scheduled' ? m.reschedule : m.schedule}
              </button>
            </p>
          </PostForm>
        </section>
      ) : null}
      {view.status === 'scheduled' ? (
        <section aria-labelledby="annuler">
          <h2 id="annuler">{m.cancel}</h2>
          <p>{m.cancelHint}</p>
          <PostForm action={`${publicationPath(year)}/annuler`}>
            <p>
              <button type="submit" class="button button--secondary">
                {m.cancel}
              </button>
            </p>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}
