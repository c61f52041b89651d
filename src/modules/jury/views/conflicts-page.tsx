import { ErrorSummary, Field, Notice, PostForm, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { formatDateTime } from '../../../platform/views/format.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import { CONFLICT_REASON_MAX } from '../conflicts.rules.ts';
import type { ConflictsView } from '../juror-conflicts.service.ts';
import { juryMessages } from '../jury.messages.ts';
import { juryAdminPath } from './jury-admin-page.tsx';

const m = juryMessages.conflicts;
const f = juryMessages.fields;

/** The juror's own page, or the staff's page about one juror. */
export const ownConflictsPath = (year: number) => `/jury/${year}/conflits`;
export const jurorConflictsPath = (year: number, jurorId: string) => `${juryAdminPath(year)}/${jurorId}`;

export type ConflictsPageProps = {
  view: ConflictsView;
  /** Set on the staff's page: the juror's name, and the form that removes them from the jury. */
  staff?: { name: string; removable: boolean };
  errors?: Record<string, string>;
  notice?: string;
  values?: Record<string, string | undefined>;
};

/** A juror's conflicts of interest: relevés from their memberships, declared ones, suggestions, the declaration form. */
export function ConflictsPage(props: ConflictsPageProps) {
  const { view, staff } = props;
  const year = view.juror.year;
  const base = staff ? jurorConflictsPath(year, view.juror.id) : ownConflictsPath(year);
  // The juror's page is itself the declarations' address; the staff's page has them under /conflits.
  const declareAction = staff ? `${base}/conflits` : base;
  const errors = props.errors ?? {};
  const title = staff ? m.adminTitle(staff.name, year) : m.title(year);
  const breadcrumb = staff
    ? [
        { href: '/admin', label: platformMessages.layout.admin },
        { href: `/admin/editions/${year}`, label: String(year) },
        { href: juryAdminPath(year), label: juryMessages.page.breadcrumb },
        { href: base, label: staff.name },
      ]
    : [
        { href: '/jury', label: 'Jury' },
        { href: base, label: m.title(year) },
      ];
  const describe = (d: ConflictsView['declared'][number]) =>
    d.kind === 'department'
      ? m.departmentItem(d.name, d.code)
      : d.kind === 'territory'
        ? m.territoryItem(d.name, d.code)
        : m.otherItem(d.name, d.code, d.reason ?? '');
  return (
    <Layout title={title} breadcrumb={breadcrumb}>
      <h1>{title}</h1>
      <p class="lead">{m.lead}</p>
      <ErrorSummary errors={errors} labels={f} />
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}

      <section aria-labelledby="releves">
        <h2 id="releves">{m.derivedTitle}</h2>
        {view.memberships.length ? (
          <ul>
            {view.memberships.map((t) => (
              <li key={t.code}>{m.derivedItem(t.name)}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{m.derivedNone}</p>
        )}
      </section>

      <section aria-labelledby="declares">
        <h2 id="declares">{m.declaredTitle}</h2>
        {view.declared.length ? (
          <ul>
            {view.declared.map((d) => (
              <li key={d.id}>
                {describe(d)} <span class="muted">({juryMessages.sources[d.source]})</span>
                {d.removable ? (
                  <PostForm action={`${declareAction}/${d.id}/retirer`} class="inline-form">
                    <button type="submit" class="button button--secondary" aria-label={m.removeLabel(describe(d))}>
                      {m.remove}
                    </button>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{m.declaredNone}</p>
        )}
      </section>

      {view.suggestions.length ? (
        <section aria-labelledby="suggestions">
          <h2 id="suggestions">{m.suggestionsTitle}</h2>
          <ul>
            {view.suggestions.map((s) => (
              <li key={s.departmentCode}>
                {m.suggestion(s.name, s.becauseName)}
                <PostForm action={declareAction} class="inline-form">
                  <input type="hidden" name="kind" value="department" />
                  <input type="hidden" name="departmentCode" value={s.departmentCode} />
                  <button type="submit" class="button button--secondary">
                    {m.declareSuggestion(s.name)}
                  </button>
                </PostForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="declarer">
        <h2 id="declarer">{m.formTitle}</h2>
        <PostForm action={declareAction} aria-labelledby="declarer">
          <SelectField
            name="kind"
            label={f.kind}
            required
            options={(['department', 'territory', 'other'] as const).map((k) => ({ value: k, label: m.kindOptions[k] }))}
            value={props.values?.kind}
            error={errors.kind}
          />
          <Field
            name="departmentCode"
            label={f.departmentCode}
            hint={m.departmentHint}
            autocomplete="off"
            value={props.values?.departmentCode}
            error={errors.departmentCode}
          />
          <Field
            name="territoryCode"
            label={f.territoryCode}
            hint={m.territoryHint}
            autocomplete="off"
            value={props.values?.territoryCode}
            error={errors.territoryCode}
          />
          <TextAreaField
            name="reason"
            label={f.reason}
            hint={m.reasonHint}
            rows={3}
            maxLength={CONFLICT_REASON_MAX}
            value={props.values?.reason}
            error={errors.reason}
          />
          <button type="submit" class="button">
            {m.declare}
          </button>
        </PostForm>
      </section>

      {staff ? (
        <section aria-labelledby="retirer-jure">
          <h2 id="retirer-jure">{juryMessages.page.removeJuror}</h2>
          {staff.removable ? (
            <PostForm action={`${base}/retirer`}>
              <button type="submit" class="button button--secondary">
                {juryMessages.page.removeJuror}
              </button>
            </PostForm>
          ) : (
            <p class="muted">{juryMessages.errors.hasStartedReviews}</p>
          )}
          <p>
            <a href={juryAdminPath(year)}>{m.back}</a>
          </p>
        </section>
      ) : (
        <section aria-labelledby="confirmer">
          <h2 id="confirmer">{m.confirmTitle}</h2>
          {view.juror.conflictsConfirmedAt ? <p>{m.confirmedOn(formatDateTime(view.juror.conflictsConfirmedAt))}</p> : <p>{m.confirmLead}</p>}
          <PostForm action={`${base}/confirmer`}>
            <button type="submit" class="button">
              {m.confirm}
            </button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
