import type { FieldErrors } from '../../../platform/http/errors.ts';
import { DataTable, ErrorSummary, FieldFrame, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatNumber } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { describeIssue, referentialMessages } from '../messages.ts';
import type { DraftIssue } from '../referential.rules.ts';
import { serviceIndex, type Referential, type ReferentialVersionInfo } from '../referential.service.ts';
import { formatDate, ReferentialTree } from './referential-tree.tsx';
import { DraftEditor, versionPath, type FailedForm, type Values, type VersionPageProps } from './referential-draft-editor.tsx';

const m = referentialMessages.admin;
const adminCrumb = { href: '/admin', label: platformMessages.layout.admin };
const referentialCrumb = { href: '/admin/referentiel', label: m.title };

export type { FailedForm };

// — /admin/referentiel

export function AdminReferentialPage(props: {
  versions: ReferentialVersionInfo[];
  serviceCounts: Map<string, number>;
  notice?: string;
  errors?: FieldErrors;
  values?: Values;
}) {
  const draft = props.versions.find((v) => v.state === 'draft');
  const current = props.versions.find((v) => v.current);
  const errors = props.errors ?? {};
  return (
    <Layout title={m.title} breadcrumb={[adminCrumb, referentialCrumb]}>
      <h1>{m.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ version: m.fields.version }} unlinked={draft ? Object.keys(errors) : []} />
      <section class="section" aria-labelledby="titre-versions">
        <h2 id="titre-versions">{m.versionsTitle}</h2>
        <DataTable id="legende-versions" caption={m.versionsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.versionColumn}</th>
              <th scope="col">{m.stateColumn}</th>
              <th scope="col">{m.basedOnColumn}</th>
              <th scope="col">{m.publishedAtColumn}</th>
              <th scope="col" class="num">
                {m.servicesColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  <a href={versionPath(v.version)}>{v.version}</a>
                </th>
                <td>{v.current ? m.inForce : referentialMessages.states[v.state]}</td>
                <td>{v.basedOn ?? m.none}</td>
                <td>{v.publishedAt ? formatDate(v.publishedAt) : m.none}</td>
                <td class="num">{formatNumber(props.serviceCounts.get(v.version) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section class="section" aria-labelledby="titre-preparer">
        <h2 id="titre-preparer">{m.prepareTitle}</h2>
        {draft ? (
          <>
            <p>{m.draftInProgress(draft.version)}</p>
            <p>
              <a class="button" href={versionPath(draft.version)}>
                {m.openDraft(draft.version)}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{m.prepareIntro(current?.version ?? m.none)}</p>
            <PostForm action="/admin/referentiel">
              <FieldFrame
                name="version"
                label={m.versionLabel}
                hint={m.versionHint}
                error={errors.version}
                required
                control={(aria) => (
                  <input {...aria} type="text" name="version" value={props.values?.version ?? ''} required maxLength={20} autocomplete="off" />
                )}
              />
              <button type="submit" class="button">
                {m.prepareSubmit}
              </button>
            </PostForm>
          </>
        )}
      </section>
    </Layout>
  );
}

// — /admin/referentiel/:version

const CONTROLS: Record<FailedForm['form'], string[]> = {
  rename: ['name', 'description', 'responsibleDigital'],
  move: ['themeId'],
  add: ['themeId', 'name', 'description', 'responsibleDigital'],
  retire: [],
  restore: [],
  publish: [],
  delete: [],
};

const prefixOf = (failed: FailedForm) => (failed.form === 'add' ? 'nouveau-' : failed.serviceId ? `s-${failed.serviceId}-` : '');

/** The error summary of a refused form: each error links to its field when the field is on the page. */
function FailedSummary(props: { failed: FailedForm; editable: boolean }) {
  const { failed } = props;
  if (failed.issues?.length) return null;
  const prefix = prefixOf(failed);
  const errors: FieldErrors = {};
  const labels: Record<string, string> = {};
  const unlinked: string[] = [];
  for (const [field, message] of Object.entries(failed.errors)) {
    const label = failed.form === 'move' && field === 'themeId' ? m.fields.moveTo : ((m.fields as Record<string, string>)[field] ?? field);
    if (props.editable && CONTROLS[failed.form].includes(field)) {
      errors[prefix + field] = message;
      labels[prefix + field] = label;
    } else {
      errors[field] = message;
      labels[field] = label;
      unlinked.push(field);
    }
  }
  return <ErrorSummary errors={errors} labels={labels} unlinked={unlinked} />;
}

/** What prevents publication, each problem linked to its theme or service. */
function PublishIssues(props: { issues: DraftIssue[]; referential: Referential }) {
  const services = serviceIndex(props.referential);
  const themes = new Map(props.referential.axes.flatMap((a) => a.themes).map((t) => [t.id, t.name]));
  return (
    <div class="alert alert--error" role="alert" tabIndex={-1} id="erreurs">
      <h2 class="alert__title">{m.publishIssuesTitle}</h2>
      <ul>
        {props.issues.map((issue, i) => {
          const [href, what] =
            issue.kind === 'themeTooSmall'
              ? [`#enjeu-${issue.themeId}`, themes.get(issue.themeId) ?? issue.themeId]
              : [`#service-${issue.serviceId}`, services.get(issue.serviceId)?.service.name || issue.serviceId];
          return (
            <li key={i}>
              <a href={href}>{m.issueTarget(what, describeIssue(issue))}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function AdminReferentialVersionPage(props: VersionPageProps) {
  const { referential } = props;
  const draft = referential.state === 'draft';
  const title = draft ? m.draftTitle(referential.version) : m.publishedTitle(referential.version);
  return (
    <Layout title={title} breadcrumb={[adminCrumb, referentialCrumb, { href: versionPath(referential.version), label: referential.version }]}>
      <h1>{title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.failed ? <FailedSummary failed={props.failed} editable={draft} /> : null}
      {props.failed?.issues?.length ? <PublishIssues issues={props.failed.issues} referential={referential} /> : null}
      {draft ? (
        <DraftEditor {...props} />
      ) : (
        <>
          <p class="lead">{m.publishedNotice}</p>
          <p>
            <a href={`/referentiel/${encodeURIComponent(referential.version)}`}>{m.publicLink}</a> · <a href="/admin/referentiel">{m.backToList}</a>
          </p>
          <ReferentialTree referential={referential} />
        </>
      )}
    </Layout>
  );
}
