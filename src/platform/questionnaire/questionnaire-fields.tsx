import { questionnaireMessages } from './messages.ts';
import { questionFieldName } from './questionnaire-form.ts';
import { textMaxLength } from './questionnaire.rules.ts';
import type { Answers, Question, Questionnaire } from './questionnaire.schema.ts';

const m = questionnaireMessages.fields;

/**
 * The questionnaire as a territory fills it: one accessible field per question, in order. Reused by
 * the application page, the editor's preview and (later) the responsible-digital diagnostic.
 * - names: `<namePrefix>.<question id>` (read back by `answersFromForm`, questionnaire-form.ts);
 * - ids: `<idPrefix>-<question id>` (`idPrefix` defaults to `champ-<namePrefix>`), so an
 *   ErrorSummary keyed `<namePrefix>-<question id>` links to the field (`questionErrorKey`);
 * - choices (yes/no, single, multiple) are a fieldset with a legend; hint and error are linked to the
 *   control or the fieldset with aria-describedby; `required` shows the marker, without the HTML
 *   attribute: a dossier is saved as a draft before it is complete, completeness is checked at submission;
 * - a question with `showWhen` is always in the page (without JavaScript the person reads when to fill
 *   it); public/js/questionnaire.js hides it while its condition does not hold (`data-show-when`).
 */
export type QuestionnaireFieldsProps = {
  questionnaire: Questionnaire;
  answers: Answers | Record<string, unknown>;
  /** Errors by question id. */
  errors?: Record<string, string>;
  namePrefix: string;
  idPrefix?: string;
  disabled?: boolean;
};

/** The id of a question's control (or fieldset). */
export const questionFieldId = (idPrefix: string, questionId: string): string => `${idPrefix}-${questionId}`;
/** The key an ErrorSummary uses for a question so that its link reaches the field with the default `idPrefix`. */
export const questionErrorKey = (namePrefix: string, questionId: string): string => `${namePrefix}-${questionId}`;

/** The script that hides conditional questions until their condition holds. */
export const QUESTIONNAIRE_SCRIPT = '/static/js/questionnaire.js';

/** The labels of a question's answers, by value (yes/no in French). */
function answerLabels(question: Question): Map<string, string> {
  if (question.kind === 'yes_no')
    return new Map([
      ['yes', m.yes],
      ['no', m.no],
    ]);
  return new Map((question.options ?? []).map((o) => [o.value, o.label]));
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : value === undefined || value === null ? [] : [String(value)];
const asText = (value: unknown): string => (value === undefined || value === null ? '' : Array.isArray(value) ? String(value[0] ?? '') : String(value));

export function QuestionnaireFields(props: QuestionnaireFieldsProps) {
  const idPrefix = props.idPrefix ?? `champ-${props.namePrefix}`;
  const byId = new Map(props.questionnaire.questions.map((q) => [q.id, q]));
  return (
    <div class="questionnaire-fields" data-questionnaire>
      {props.questionnaire.questions.map((question) => {
        const condition = question.showWhen;
        const target = condition ? byId.get(condition.questionId) : undefined;
        const labels = target ? answerLabels(target) : new Map<string, string>();
        return (
          <div
            key={question.id}
            class="questionnaire-question"
            data-show-when={condition ? questionFieldName(props.namePrefix, condition.questionId) : undefined}
            data-show-when-values={condition ? condition.anyOf.join(' ') : undefined}
          >
            {condition && target ? (
              <p class="questionnaire-question__condition" id={`${questionFieldId(idPrefix, question.id)}-condition`}>
                {m.showWhen(
                  condition.anyOf.map((v) => labels.get(v) ?? v),
                  target.label,
                )}
              </p>
            ) : null}
            <QuestionField
              question={question}
              value={Object.hasOwn(props.answers, question.id) ? (props.answers as Record<string, unknown>)[question.id] : undefined}
              error={props.errors?.[question.id]}
              name={questionFieldName(props.namePrefix, question.id)}
              id={questionFieldId(idPrefix, question.id)}
              conditional={Boolean(condition && target)}
              disabled={props.disabled}
            />
          </div>
        );
      })}
    </div>
  );
}

type QuestionFieldProps = {
  question: Question;
  value: unknown;
  error: string | undefined;
  name: string;
  id: string;
  /** The question has a « À remplir si… » sentence (id `<id>-condition`), read with the field. */
  conditional: boolean;
  disabled: boolean | undefined;
};

function Hint(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <p class="field__hint" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

function Required(props: { required: boolean }) {
  return props.required ? <span class="field__required"> {m.required}</span> : null;
}

function QuestionField(props: QuestionFieldProps) {
  const { question, id, name, error, disabled } = props;
  const hintParts = [question.help, hintOf(question)].filter((t): t is string => Boolean(t));
  const hint = hintParts.length ? hintParts.join(' ') : undefined;
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  // The condition first: without JavaScript, a screen reader user tabbing to the field learns when to answer it.
  const describedBy = [props.conditional ? `${id}-condition` : null, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const errorLine = error ? (
    <p class="field__error" id={errorId}>
      {error}
    </p>
  ) : null;
  const fieldClass = ['field', error ? 'field--error' : ''].filter(Boolean).join(' ');

  if (question.kind === 'yes_no' || question.kind === 'single_choice' || question.kind === 'multiple_choice') {
    const multiple = question.kind === 'multiple_choice';
    const chosen = new Set(asList(props.value));
    const options = [...answerLabels(question)];
    return (
      <fieldset class={`${fieldClass} questionnaire-choices`} id={id} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
        <legend>
          {question.label}
          <Required required={question.required} />
        </legend>
        <Hint id={hintId} text={hint} />
        {errorLine}
        <div class={question.kind === 'yes_no' ? 'questionnaire-choices__list questionnaire-choices__list--inline' : 'questionnaire-choices__list'}>
          {options.map(([value, label]) => (
            <div class="palmares-choice" key={value}>
              <input type={multiple ? 'checkbox' : 'radio'} id={`${id}--${value}`} name={name} value={value} checked={chosen.has(value)} disabled={disabled} />
              <label for={`${id}--${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }

  const common = { id, name, disabled, 'aria-describedby': describedBy, 'aria-invalid': error ? ('true' as const) : undefined };
  return (
    <div class={fieldClass}>
      <label for={id}>
        {question.label}
        <Required required={question.required} />
      </label>
      <Hint id={hintId} text={hint} />
      {errorLine}
      {question.kind === 'number' ? (
        <span class="questionnaire-number">
          <input {...common} type="text" inputMode="decimal" value={asText(props.value)} size={12} />
          {question.unit ? (
            <span class="questionnaire-number__unit" aria-hidden="true">
              {question.unit}
            </span>
          ) : null}
        </span>
      ) : question.kind === 'short_text' ? (
        <input {...common} type="text" value={asText(props.value)} maxLength={textMaxLength(question)} />
      ) : (
        <textarea {...common} rows={5} maxLength={textMaxLength(question)}>
          {asText(props.value)}
        </textarea>
      )}
    </div>
  );
}

/** What the field's hint adds to the help: bounds and unit of a number, the length of a text, « plusieurs réponses ». */
function hintOf(question: Question): string | undefined {
  switch (question.kind) {
    case 'number':
      return m.bounds(question.min, question.max, question.unit);
    case 'short_text':
      return question.maxLength ? m.maxLength(question.maxLength) : undefined;
    case 'long_text':
      return m.maxLength(textMaxLength(question));
    case 'multiple_choice':
      return m.manyChoices;
    default:
      return undefined;
  }
}
