import { DataTable, ErrorSummary, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { isImportedEdition } from '../edition-admin.rules.ts';
import { EDITION_CALENDAR_FIELDS } from '../edition-calendar.rules.ts';
import type { Edition } from '../editions.service.ts';
import { editionAdminMessages } from '../messages.ts';

const m = editionAdminMessages;

export type EditionsAdminPageProps = {
  editions: Edition[];
  nextYear: number;
  /** The edition the next one is prepared from (the latest), or null for the first. */
  latest: number | null;
  error?: string;
};

/** The calendar of an edition as a short list, on the Paris clock. */
export function CalendarSummary(props: { edition: Edition }) {
  const e = props.edition;
  if (!e.opensAt) return <span class="muted">{m.noCalendar}</span>;
  return (
    <ul class="link-list">
      {EDITION_CALENDAR_FIELDS.map((field) => {
        const when = e[field];
        return when ? <li key={field}>{m.calendarLine(m.edition.fields[field], formatDateTime(when))}</li> : null;
      })}
    </ul>
  );
}

/** /admin/editions: every edition, the most recent first, and the form preparing the next one. */
export function EditionsAdminPage(props: EditionsAdminPageProps) {
  return (
    <Layout
      title={m.title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: '/admin/editions', label: m.title },
      ]}
    >
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      {props.error ? <ErrorSummary errors={{ _: props.error }} /> : null}
      <section class="card" aria-labelledby="preparer">
        <h2 id="preparer">{m.prepare.title}</h2>
        <p>{props.latest === null ? m.prepare.explainFirst : m.prepare.explainFrom(props.latest)}</p>
        <PostForm action="/admin/editions">
          <input type="hidden" name="year" value={String(props.nextYear)} />
          <button type="submit" class="button">
            {m.prepare.button(props.nextYear)}
          </button>
        </PostForm>
      </section>
      {props.editions.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <DataTable id="editions" caption={m.caption}>
          <thead>
            <tr>
              <th scope="col">{m.columns.year}</th>
              <th scope="col">{m.columns.state}</th>
              <th scope="col">{m.columns.calendar}</th>
              <th scope="col">{m.columns.referential}</th>
              <th scope="col">{m.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {props.editions.map((e) => {
              const imported = isImportedEdition(e);
              return (
                <tr key={e.year}>
                  <th scope="row">{e.year}</th>
                  <td>{imported ? `${m.states[e.state]} (${m.imported})` : m.states[e.state]}</td>
                  <td>
                    <CalendarSummary edition={e} />
                  </td>
                  <td>{e.referentialVersion ?? m.noReferential}</td>
                  <td>{imported ? <span class="muted">{m.imported}</span> : <a href={`/admin/editions/${e.year}`}>{m.manage(e.year)}</a>}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {props.editions.some(isImportedEdition) ? <Notice>{m.importedHint}</Notice> : null}
    </Layout>
  );
}
