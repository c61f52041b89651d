import { editorFieldName, isBlankRow, type EditorRow } from '../../../platform/questionnaire/questionnaire-editor-form.ts';
import { QUESTION_KINDS } from '../../../platform/questionnaire/questionnaire.schema.ts';
import { Field, SelectField, TextAreaField } from '../../../platform/views/components.tsx';
import { questionnaireAdminMessages } from '../questionnaire-messages.ts';

const m = questionnaireAdminMessages.editor;

export type EditorRowProps = {
  row: EditorRow;
  index: number;
  /** The rows before this one that can be a condition (saved ids, with labels). */
  earlier: { id: string; label: string }[];
  errors: Record<string, string>;
  isFirst: boolean;
  isLast: boolean;
};

/** One question of the editor: a fieldset of plain fields (ids `champ-question-<i>-<field>`, the error summary's targets). */
export function QuestionEditorRow(props: EditorRowProps) {
  const { row, index, errors } = props;
  const name = (field: Parameters<typeof editorFieldName>[1]) => editorFieldName(index, field);
  const blank = isBlankRow(row);
  const position = index + 1;
  const checkbox = (field: 'required' | 'remove', label: string) => (
    <div class="checkbox">
      <input type="checkbox" id={`champ-${name(field)}`} name={name(field)} value="on" checked={row[field]} />
      <label for={`champ-${name(field)}`}>{label}</label>
    </div>
  );
  return (
    <fieldset class="form-section questionnaire-editor__question" id={`question-${index}`}>
      <legend>{blank && !row.id ? m.newQuestionLegend : `${m.questionLegend(position)} : ${row.label}`}</legend>
      <input type="hidden" name={name('id')} value={row.id} />
      {row.id ? <p class="muted">{m.identifier(row.id)}</p> : null}
      <Field name={name('label')} label={m.fields.label} value={row.label} error={errors[name('label')]} required={!blank} maxLength={300} />
      <SelectField
        name={name('kind')}
        label={m.fields.kind}
        value={row.kind}
        error={errors[name('kind')]}
        options={QUESTION_KINDS.map((kind) => ({ value: kind, label: m.kinds[kind] }))}
      />
      <TextAreaField name={name('help')} label={m.fields.help} hint={m.hints.help} value={row.help} rows={2} maxLength={1000} />
      {checkbox('required', m.fields.required)}
      <TextAreaField name={name('options')} label={m.fields.options} hint={m.hints.options} value={row.options} error={errors[name('options')]} rows={4} />
      <div class="field-row">
        <Field name={name('min')} label={m.fields.min} hint={m.hints.number} value={row.min} error={errors[name('min')]} inputmode="decimal" />
        <Field name={name('max')} label={m.fields.max} hint={m.hints.number} value={row.max} error={errors[name('max')]} inputmode="decimal" />
        <Field name={name('unit')} label={m.fields.unit} hint={m.hints.number} value={row.unit} error={errors[name('unit')]} maxLength={40} />
      </div>
      <Field
        name={name('maxLength')}
        label={m.fields.maxLength}
        hint={m.hints.maxLength}
        value={row.maxLength}
        error={errors[name('maxLength')]}
        inputmode="numeric"
      />
      <div class="subfieldset">
        <SelectField
          name={name('showWhenQuestion')}
          label={m.fields.showWhenQuestion}
          value={row.showWhenQuestion}
          error={errors[name('showWhenQuestion')]}
          emptyOption={m.always}
          options={props.earlier.map((q) => ({ value: q.id, label: q.label }))}
        />
        <TextAreaField
          name={name('showWhenValues')}
          label={m.fields.showWhenValues}
          hint={m.hints.showWhenValues}
          value={row.showWhenValues}
          error={errors[name('showWhenValues')]}
          rows={2}
        />
      </div>
      {blank ? null : (
        <div class="form-actions questionnaire-editor__actions">
          {checkbox('remove', m.fields.remove)}
          {props.isFirst ? null : (
            <button type="submit" class="button button--secondary button--small" name="intent" value={`up:${index}`}>
              {m.moveUp(position)}
            </button>
          )}
          {props.isLast ? null : (
            <button type="submit" class="button button--secondary button--small" name="intent" value={`down:${index}`}>
              {m.moveDown(position)}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
