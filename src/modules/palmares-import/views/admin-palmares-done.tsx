import { Notice, formatDateTime } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { importMessages } from '../messages.ts';
import type { StoredImport } from '../import-palmares-store.service.ts';
import { adminCrumb, CountList, ImportSteps, importPath, palmaresAdminCrumb } from './admin-palmares-steps.tsx';

const m = importMessages.report;

/** An applied import: what it wrote, and the palmarès of each edition it touched. */
export function AdminPalmaresDonePage(props: {
  stored: StoredImport;
  /** 'applied' just now, or 'again' when applied a second time. */ outcome?: 'applied' | 'again';
}) {
  const { stored } = props;
  const d = m.done;
  const summary = stored.summary;
  const appliedAt = stored.appliedAt ? formatDateTime(stored.appliedAt) : '';
  return (
    <Layout title={m.documentTitle(stored.fileName)} breadcrumb={[adminCrumb, palmaresAdminCrumb, { href: importPath(stored.id), label: stored.fileName }]}>
      <h1>{m.title(stored.fileName)}</h1>
      <ImportSteps current={3} finished />
      {props.outcome === 'again' ? <Notice kind="info">{d.alreadyApplied(appliedAt)}</Notice> : null}
      {props.outcome === 'applied' ? <Notice kind="success">{d.justApplied}</Notice> : null}
      <section class="section" aria-labelledby="titre-importe">
        <h2 id="titre-importe">{d.title}</h2>
        <p>{d.applied(appliedAt)}</p>
        {summary ? (
          <>
            <p>
              {d.counts(summary.imported, summary.inserted, summary.updated, summary.unchanged)}
              {summary.leftOut ? ` ${d.leftOut(summary.leftOut)}` : ''}
            </p>
            <CountList
              label={d.title}
              items={[
                { label: m.counts.rows(summary.rows), value: summary.rows },
                { label: d.countLabels.inserted(summary.inserted), value: summary.inserted },
                { label: d.countLabels.updated(summary.updated), value: summary.updated },
                { label: d.countLabels.unchanged(summary.unchanged), value: summary.unchanged },
                { label: d.countLabels.leftOut(summary.leftOut), value: summary.leftOut },
              ]}
            />
          </>
        ) : null}
      </section>
      {summary?.editions.length ? (
        <section class="section" aria-labelledby="titre-editions-importees">
          <h2 id="titre-editions-importees">{d.editionsTitle}</h2>
          <ul class="palmares-done__editions">
            {summary.editions.map((e) => (
              <li key={e.year}>
                <a href={`/palmares/${e.year}`}>{d.edition(e.year)}</a>
                {d.editionRows(e.rows)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="form-links">
        <a href="/admin/palmares">{d.back}</a>
      </p>
    </Layout>
  );
}
