import { DataTable, ErrorSummary, Field, Notice, PostForm } from '../../../platform/views/components.tsx';
import { formatDate } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { NAME_MAX } from '../nr-themes.rules.ts';
import type { CharterPage as PageData } from '../charter.service.ts';
import { roadmapMessages } from '../roadmap.messages.ts';
import { charterPath, nrBreadcrumb } from './quick-wins-page.tsx';

const m = roadmapMessages.charter;
const labels = { signedOn: m.signedOn, signatory: m.signatory, role: m.role };

export type CharterPageProps = {
  data: PageData;
  canSign: boolean;
  notice?: string;
  values?: { signedOn?: string; signatory?: string; role?: string };
  errors?: Record<string, string>;
};

/** The charter: its commitments, the latest signature, those recorded and, for referents, the form to record one. */
export function CharterPage(props: CharterPageProps) {
  const { territory, signatures, latest, today } = props.data;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  return (
    <Layout title={m.title(territory.name)} breadcrumb={nrBreadcrumb(territory, { href: charterPath(territory.code), label: m.breadcrumb })}>
      <h1>{m.title(territory.name)}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>
        <strong>{latest ? m.signedBy(latest.signedOn, latest.signatory, latest.role) : m.notSigned}</strong>
      </p>

      <section class="section" aria-labelledby="titre-engagements">
        <h2 id="titre-engagements">{m.lead}</h2>
        <ol>
          {m.commitments.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </section>

      {signatures.length ? (
        <section class="section" aria-labelledby="titre-signatures">
          <h2 id="titre-signatures">{m.historyTitle}</h2>
          <DataTable id="tableau-signatures" caption={m.historyCaption}>
            <thead>
              <tr>
                <th scope="col">{m.columns.signedOn}</th>
                <th scope="col">{m.columns.signatory}</th>
                <th scope="col">{m.columns.role}</th>
              </tr>
            </thead>
            <tbody>
              {signatures.map((s) => (
                <tr key={s.id}>
                  <td>{formatDate(s.signedOn)}</td>
                  <td>{s.signatory}</td>
                  <td>{s.role}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {props.canSign ? (
        <section class="section" aria-labelledby="titre-signer">
          <h2 id="titre-signer">{m.signTitle}</h2>
          <p>{m.signLead}</p>
          <PostForm action={charterPath(territory.code)} class="form-section">
            <Field name="signedOn" type="date" label={m.signedOn} hint={m.signedOnHint} value={values.signedOn ?? today} error={errors.signedOn} required />
            <Field
              name="signatory"
              label={m.signatory}
              hint={m.signatoryHint}
              value={values.signatory}
              error={errors.signatory}
              required
              maxLength={NAME_MAX}
              autocomplete="name"
            />
            <Field name="role" label={m.role} hint={m.roleHint} value={values.role} error={errors.role} required maxLength={NAME_MAX} />
            <div class="form-actions">
              <button type="submit" class="button">
                {m.sign}
              </button>
            </div>
          </PostForm>
        </section>
      ) : (
        <p class="muted">{m.onlyReferents}</p>
      )}
    </Layout>
  );
}
