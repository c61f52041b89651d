import { emptyEditorRow, isBlankRow, type EditorRow } from '../../../platform/questionnaire/questionnaire-editor-form.ts';
import { QUESTIONNAIRE_SCRIPT, QuestionnaireFields } from '../../../platform/questionnaire/questionnaire-fields.tsx';
import { estimatedMinutes } from '../../../platform/questionnaire/questionnaire.rules.ts';
import type { Questionnaire } from '../../../platform/questionnaire/questionnaire.schema.ts';
import { DataTable, ErrorSummary, Notice, PostForm } from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { platformMessages } from '../../../platform/views/messages.ts';
import type { EditionState } from '../../label/edition-lifecycle.rules.ts';
import type { TerritoryCategory } from '../../territories/territory.rules.ts';
import { QUESTIONNAIRE_LIMITS } from '../questionnaire-limits.rules.ts';
import { questionnaireAdminMessages } from '../questionnaire-messages.ts';
import type { StoredQuestionnaire } from '../questionnaire.service.ts';
import { QuestionEditorRow } from './questionnaire-editor-row.tsx';
import { selfAssessmentWeightsPath } from './self-assessment-weights-page.tsx';
import { selfAssessmentWeightsMessages } from '../self-assessment-weights.messages.ts';

const m = questionnaireAdminMessages;

export const questionnairesPath = (year: number) => `/admin/editions/${year}/questionnaires`;
export const questionnairePath = (year: number, category: TerritoryCategory) => `${questionnairesPath(year)}/${category}`;

const breadcrumb = (year: number) => [
  { href: '/admin', label: platformMessages.layout.admin },
  { href: '/admin/editions', label: m.list.editions },
  { href: `/admin/editions/${year}`, label: String(year) },
  { href: questionnairesPath(year), label: m.card.title },
];

/** /admin/editions/:year/questionnaires: the three categories, their size and estimated time. */
export function QuestionnaireListPage(props: { year: number; state: EditionState; questionnaires: Record<TerritoryCategory, StoredQuestionnaire> }) {
  const editable = props.state === 'draft';
  return (
    <Layout title={m.list.title(props.year)} breadcrumb={breadcrumb(props.year)}>
      <h1>{m.list.title(props.year)}</h1>
      <p class="lead">{m.list.lead}</p>
      {editable ? null : <Notice kind="info">{m.editor.readOnly(m.editionStates[props.state])}</Notice>}
      <DataTable id="questionnaires-table" caption={m.list.caption(props.year)}>
        <thead>
          <tr>
            <th scope="col">{m.list.category}</th>
            <th scope="col">{m.list.questions}</th>
            <th scope="col">{m.list.minutes}</th>
            <th scope="col">{m.list.version}</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(props.questionnaires).map((q) => (
            <tr key={q.category}>
              <th scope="row">
                <a href={questionnairePath(props.year, q.category)}>{m.categories[q.category]}</a>
                {q.stored ? null : <p class="muted">{m.list.defaults}</p>}
              </th>
              <td>{q.definition.questions.length}</td>
              <td>{m.list.minutesValue(estimatedMinutes(q.definition))}</td>
              <td>{q.version}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p>
        <a href={selfAssessmentWeightsPath(props.year)}>{selfAssessmentWeightsMessages.page.link}</a>
      </p>
    </Layout>
  );
}

export type QuestionnaireEditorPageProps = {
  year: number;
  category: TerritoryCategory;
  state: EditionState;
  stored: StoredQuestionnaire;
  /** The rows shown: the stored definition's, or those sent back after a refused save or a move. */
  rows: EditorRow[];
  /** The version the form started from (kept across a refused save). */
  version: number;
  errors?: Record<string, string>;
  notice?: string;
  /** What the preview shows: the stored definition, or the one sent when it parses. */
  preview: Questionnaire;
};

/** /admin/editions/:year/questionnaires/:category: the editor (while the edition is a draft) and the preview. */
export function QuestionnaireEditorPage(props: QuestionnaireEditorPageProps) {
  const { year, category, stored } = props;
  const errors = props.errors ?? {};
  const editable = props.state === 'draft';
  const title = m.editor.title(category, year);
  const limits = QUESTIONNAIRE_LIMITS[category];
  // The questions, then one empty row to add a question.
  const withBlank = editable ? [...props.rows.filter((r) => !isBlankRow(r)), emptyEditorRow()] : [];
  const labels = Object.fromEntries(Object.keys(errors).map((k) => [k, m.editor.fields[(k.split('-').at(-1) ?? '') as keyof typeof m.editor.fields] ?? k]));
  return (
    <Layout
      title={title}
      breadcrumb={[...breadcrumb(year), { href: questionnairePath(year, category), label: m.categories[category] }]}
      scripts={[QUESTIONNAIRE_SCRIPT]}
    >
      <h1>{title}</h1>
      <p>
        <a href={questionnairesPath(year)}>{m.editor.back}</a>
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {stored.stored && stored.updatedAt ? (
        <p class="muted">{m.editor.lastChange(stored.version, stored.updatedAt)}</p>
      ) : (
        <p class="muted">{m.editor.defaults}</p>
      )}
      <p>{m.editor.summary(props.preview.questions.length, estimatedMinutes(props.preview))}</p>
      {limits.maxQuestions !== undefined && limits.minutesUnder !== undefined ? (
        <p class="muted">{m.editor.limits(limits.maxQuestions, limits.minutesUnder)}</p>
      ) : null}
      {editable ? (
        <>
          <p class="lead">{m.editor.lead}</p>
          <ErrorSummary errors={errors} labels={labels} unlinked={Object.keys(errors).filter((k) => !k.startsWith('question-'))} />
          <PostForm action={questionnairePath(year, category)} class="questionnaire-editor" leaveWarning={Object.keys(errors).length ? 'dirty' : 'clean'}>
            <input type="hidden" name="version" value={String(props.version)} />
            <input type="hidden" name="count" value={String(withBlank.length)} />
            {/* First in the form: the button Enter presses. */}
            <div class="form-actions">
              <button type="submit" class="button" name="intent" value="save">
                {m.editor.save}
              </button>
            </div>
            {withBlank.map((row, index) => (
              <QuestionEditorRow
                key={`${index}-${row.id}`}
                row={row}
                index={index}
                earlier={withBlank
                  .slice(0, index)
                  .filter((r) => r.id && !r.remove)
                  .map((r) => ({ id: r.id, label: r.label || r.id }))}
                errors={errors}
                isFirst={index === 0}
                isLast={index === withBlank.length - 1 || isBlankRow(withBlank[index + 1] ?? row)}
              />
            ))}
            <div class="form-actions">
              <button type="submit" class="button" name="intent" value="save">
                {m.editor.save}
              </button>
            </div>
          </PostForm>
        </>
      ) : (
        <Notice kind="info">{m.editor.readOnly(m.editionStates[props.state])}</Notice>
      )}
      <section class="questionnaire-preview" aria-labelledby="apercu">
        <h2 id="apercu">{m.editor.preview}</h2>
        <p class="muted">{m.editor.previewLead}</p>
        <div class="questionnaire-preview__fields">
          <QuestionnaireFields questionnaire={props.preview} answers={{}} namePrefix="apercu" />
        </div>
      </section>
    </Layout>
  );
}
