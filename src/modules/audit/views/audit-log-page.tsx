import type { FieldErrors } from '../../../platform/errors.ts';
import { DataTable, Field, Notice, SelectField } from '../../../platform/views/components.tsx';
import { countOf, formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE } from '../audit.rules.ts';
import { auditMessages as m } from '../messages.ts';
import type { AuditEntryView, AuditFilters } from '../read-audit.service.ts';

const PATH = '/admin/journal';

/** The filters as query parameters, for the pagination links and the person links. */
function paramsOf(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['action', 'personne', 'territoire', 'du', 'au'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

function Details(props: { entry: AuditEntryView }) {
  const pairs = Object.entries(props.entry.details).filter(([, value]) => value !== null && value !== '');
  if (pairs.length === 0) return null;
  return (
    <ul class="plain-list">
      {pairs.map(([key, value]) => (
        <li key={key}>
          {key}&nbsp;: {String(value)}
        </li>
      ))}
    </ul>
  );
}

export function AuditLogPage(props: {
  entries: AuditEntryView[];
  total: number;
  filters: AuditFilters;
  invalid: FieldErrors;
  personName?: string;
  retentionDays: number;
}) {
  const { filters } = props;
  const f = m.filters;
  const params = paramsOf(filters);
  const withPerson = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('personne', id);
    p.delete('page');
    return `${PATH}?${p.toString()}`;
  };
  const ignored = Object.entries(props.invalid);
  return (
    <Layout
      title={m.title}
      breadcrumb={[
        { href: '/admin', label: platformMessages.layout.admin },
        { href: PATH, label: m.title },
      ]}
    >
      <h1>{m.title}</h1>
      <p>{m.intro(props.retentionDays)}</p>
      {ignored.length ? (
        <Notice kind="warning">
          {ignored.map(([field, message]) => (
            <p key={field}>
              {f.ignored} {field}, {message}
            </p>
          ))}
        </Notice>
      ) : null}
      <form method="get" action={PATH} class="filters" aria-labelledby="titre-filtres">
        <h2 id="titre-filtres" class="visually-hidden">
          {f.legend}
        </h2>
        <div class="filters__row">
          <SelectField
            name="action"
            label={f.action}
            emptyOption={f.allActions}
            value={filters.action}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: m.actions[a] }))}
          />
          <Field name="territoire" label={f.territory} value={filters.territoire} maxLength={20} />
          <Field name="du" type="date" label={f.from} value={filters.du} />
          <Field name="au" type="date" label={f.to} value={filters.au} />
          {filters.personne ? <input type="hidden" name="personne" value={filters.personne} /> : null}
          <p class="filters__actions">
            <button type="submit" class="button">
              {f.submit}
            </button>
          </p>
        </div>
        <p>
          <a href={PATH}>{f.reset}</a>
        </p>
      </form>
      {filters.personne ? <p>{f.person(props.personName ?? m.formerMember)}</p> : null}
      <p role="status">{countOf(props.total, 'entrée', 'entrées')}</p>
      {props.entries.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <DataTable id="journal" caption={m.caption}>
          <thead>
            <tr>
              <th scope="col">{m.columns.at}</th>
              <th scope="col">{m.columns.action}</th>
              <th scope="col">{m.columns.person}</th>
              <th scope="col">{m.columns.subject}</th>
              <th scope="col">{m.columns.territory}</th>
              <th scope="col">{m.columns.ip}</th>
              <th scope="col">{m.columns.details}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{m.actions[entry.action]}</td>
                <td>
                  {entry.personId ? <a href={withPerson(entry.personId)}>{entry.personName}</a> : entry.action === 'login.failed' ? m.anonymous : m.system}
                </td>
                <td>{entry.subjectKind ? `${entry.subjectKind} ${entry.subjectId ?? ''}` : ''}</td>
                <td>{entry.territoryCode ?? ''}</td>
                <td>{entry.ip ?? ''}</td>
                <td>
                  <Details entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Pagination basePath={PATH} params={params} page={filters.page} total={props.total} pageSize={AUDIT_PAGE_SIZE} />
    </Layout>
  );
}
