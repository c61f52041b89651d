import { foldText } from '../text.ts';
import { questionnaireMessages } from './messages.ts';
import {
  isChoiceKind,
  isTextKind,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  questionnaireSchema,
  type Question,
  type QuestionKind,
  type Questionnaire,
} from './questionnaire.schema.ts';

const m = questionnaireMessages.editor;

/**
 * The editor of a questionnaire as a plain HTML form, for a non-technical administrator, working
 * without JavaScript: one row of fields per question (`question-<i>-<field>`), `count` the rows sent.
 * Options are written one per line, « valeur | libellé » or just « libellé » (the value is then the
 * label as a slug), optionally « valeur | libellé | points ». A condition is an earlier question
 * and the answers that show it, written one per line as their values or labels (« Oui », « Non »).
 * Fields that do not apply to the chosen kind are ignored, so changing the kind never blocks a save.
 * A row with no id and no label (the empty row to add a question) is no question.
 */
export type EditorRow = {
  /** Empty for a question being added: derived from the label on save. */
  id: string;
  kind: string;
  label: string;
  help: string;
  required: boolean;
  options: string;
  min: string;
  max: string;
  unit: string;
  maxLength: string;
  showWhenQuestion: string;
  showWhenValues: string;
  remove: boolean;
};

export const EDITOR_ROW_FIELDS = [
  'id',
  'kind',
  'label',
  'help',
  'required',
  'options',
  'min',
  'max',
  'unit',
  'maxLength',
  'showWhenQuestion',
  'showWhenValues',
  'remove',
] as const satisfies readonly (keyof EditorRow)[];

/** The form field of one row: `question-3-label`. */
export const editorFieldName = (index: number, field: (typeof EDITOR_ROW_FIELDS)[number]): string => `question-${index}-${field}`;

export const emptyEditorRow = (): EditorRow => ({
  id: '',
  kind: 'yes_no',
  label: '',
  help: '',
  required: false,
  options: '',
  min: '',
  max: '',
  unit: '',
  maxLength: '',
  showWhenQuestion: '',
  showWhenValues: '',
  remove: false,
});

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

/** The rows showing a stored definition. */
export function rowsFromDefinition(def: Questionnaire): EditorRow[] {
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  return def.questions.map((q) => {
    const target = q.showWhen ? byId.get(q.showWhen.questionId) : undefined;
    return {
      id: q.id,
      kind: q.kind,
      label: q.label,
      help: q.help ?? '',
      required: q.required,
      options: (q.options ?? []).map((o) => [o.value, o.label, ...(o.score === undefined ? [] : [numberText(o.score)])].join(' | ')).join('\n'),
      min: numberText(q.min),
      max: numberText(q.max),
      unit: q.unit ?? '',
      maxLength: q.maxLength === undefined ? '' : String(q.maxLength),
      showWhenQuestion: q.showWhen?.questionId ?? '',
      showWhenValues: (q.showWhen?.anyOf ?? []).map((v) => (target ? (answerChoices(target).find((c) => c.value === v)?.label ?? v) : v)).join('\n'),
      remove: false,
    };
  });
}

type Body = Readonly<Record<string, string | string[] | undefined>>;
const textOf = (body: Body, name: string): string => {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return (Array.isArray(value) ? value.at(-1) : value) ?? '';
};
const ticked = (body: Body, name: string) => {
  const value = textOf(body, name);
  return value !== '' && value !== '0';
};

/** The rows a posted editor form holds, in order (at most one more than a questionnaire's maximum). */
export function rowsFromForm(body: Body): EditorRow[] {
  const count = Math.min(Number.parseInt(textOf(body, 'count'), 10) || 0, MAX_QUESTIONS + 1);
  return Array.from({ length: count }, (_, i) => {
    const row = emptyEditorRow();
    for (const field of EDITOR_ROW_FIELDS) {
      const name = editorFieldName(i, field);
      if (field === 'required' || field === 'remove') row[field] = ticked(body, name);
      else row[field] = textOf(body, name);
    }
    return row;
  });
}

/** A row with neither id nor label: the empty row offered to add a question. */
export const isBlankRow = (row: EditorRow): boolean => row.id.trim() === '' && row.label.trim() === '';

/** A move asked by a button (`up:3`, `down:0`): the rows reordered, or unchanged for anything else. */
export function moveRow(rows: readonly EditorRow[], intent: string): EditorRow[] {
  const match = /^(up|down):(\d{1,3})$/.exec(intent);
  const copy = [...rows];
  if (!match) return copy;
  const from = Number(match[2]);
  const to = match[1] === 'up' ? from - 1 : from + 1;
  const [moving, other] = [copy[from], copy[to]];
  if (!moving || !other || to < 0 || isBlankRow(moving) || isBlankRow(other)) return copy;
  copy[from] = other;
  copy[to] = moving;
  return copy;
}

/** A label as an identifier: « Qui porte le numérique ? » → `qui-porte-le-numerique`. */
export const slugOf = (text: string): string => foldText(text).replace(/ /g, '-').slice(0, 60).replace(/-+$/, '');

/** The answers a question offers to a condition: value and label. */
function answerChoices(question: Pick<Question, 'kind' | 'options'>): { value: string; label: string }[] {
  if (question.kind === 'yes_no')
    return [
      { value: 'yes', label: questionnaireMessages.fields.yes },
      { value: 'no', label: questionnaireMessages.fields.no },
    ];
  return question.options ?? [];
}

const parseNumber = (raw: string): number | undefined | null => {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '') return undefined;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
};

export type EditorParse = { ok: true; questionnaire: Questionnaire } | { ok: false; errors: Record<string, string> };

/**
 * The definition the rows describe, checked by `questionnaireSchema`: deleted and blank rows dropped,
 * ids of new questions derived from their labels (unique), fields foreign to a kind ignored. Errors
 * are keyed by the row's field (`question-2-options`), each naming the question.
 */
export function definitionFromRows(rows: readonly EditorRow[]): EditorParse {
  const errors: Record<string, string> = {};
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !row.remove && !isBlankRow(row));
  const name = (position: number, row: EditorRow) => m.row(position + 1, row.label.trim());
  const fail = (index: number, field: (typeof EDITOR_ROW_FIELDS)[number], position: number, row: EditorRow, message: string) => {
    errors[editorFieldName(index, field)] ??= `${name(position, row)} : ${message}`;
  };
  const usedIds = new Set(kept.map(({ row }) => row.id.trim()).filter(Boolean));
  const questions: Record<string, unknown>[] = kept.map(({ row, index }, position) => {
    const kind = (QUESTION_KINDS as readonly string[]).includes(row.kind) ? (row.kind as QuestionKind) : null;
    if (!kind) fail(index, 'kind', position, row, m.kindUnknown);
    let id = row.id.trim();
    if (!id) {
      const base = slugOf(row.label) || 'question';
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
    }
    const question: Record<string, unknown> = { id, kind: kind ?? 'yes_no', label: row.label, required: row.required };
    if (row.help.trim()) question.help = row.help;
    if (kind && isChoiceKind(kind)) {
      const options: Record<string, unknown>[] = [];
      row.options
        .split(/\r?\n/)
        .map((line, i) => ({ line: line.trim(), i }))
        .filter(({ line }) => line !== '')
        .forEach(({ line, i }) => {
          const parts = line.split('|').map((p) => p.trim());
          if (parts.length > 3 || parts.some((p) => p === '')) return fail(index, 'options', position, row, m.optionLine(i + 1));
          const [first, second, third] = parts as [string, string | undefined, string | undefined];
          const option: Record<string, unknown> = second === undefined ? { value: slugOf(first), label: first } : { value: first, label: second };
          if (third !== undefined) {
            const score = parseNumber(third);
            if (score === null || score === undefined) return fail(index, 'options', position, row, m.optionScore(i + 1));
            option.score = score;
          }
          options.push(option);
        });
      question.options = options;
    }
    if (kind === 'number') {
      for (const field of ['min', 'max'] as const) {
        const value = parseNumber(row[field]);
        if (value === null) fail(index, field, position, row, m.numberInvalid(field === 'min' ? 'minimum' : 'maximum'));
        else if (value !== undefined) question[field] = value;
      }
      if (row.unit.trim()) question.unit = row.unit;
    }
    if (kind && isTextKind(kind) && row.maxLength.trim()) {
      const value = parseNumber(row.maxLength);
      if (value === null || value === undefined || !Number.isInteger(value)) fail(index, 'maxLength', position, row, m.integerInvalid('longueur maximale'));
      else question.maxLength = value;
    }
    return question;
  });
  // Conditions, once every id is known: the earlier question and the answers, as values or labels.
  kept.forEach(({ row, index }, position) => {
    const question = questions[position] ?? {};
    const values = row.showWhenValues
      .split(/\r?\n|;/)
      .map((v) => v.trim())
      .filter(Boolean);
    const targetId = row.showWhenQuestion.trim();
    if (!targetId) {
      if (values.length) fail(index, 'showWhenQuestion', position, row, m.showWhenWithoutQuestion);
      return;
    }
    const target = questions.find((q) => q.id === targetId);
    if (!target) return fail(index, 'showWhenQuestion', position, row, m.showWhenQuestionUnknown);
    if (!values.length) return fail(index, 'showWhenValues', position, row, m.showWhenValuesRequired);
    const choices = answerChoices(target as Pick<Question, 'kind' | 'options'>);
    const anyOf: string[] = [];
    for (const value of values) {
      const found = choices.find((c) => c.value === value || foldText(c.label) === foldText(value));
      if (!found) return fail(index, 'showWhenValues', position, row, m.showWhenValueUnknown(value, String(target.label)));
      if (!anyOf.includes(found.value)) anyOf.push(found.value);
    }
    question.showWhen = { questionId: targetId, anyOf };
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = questionnaireSchema.safeParse({ questions });
  if (parsed.success) return { ok: true, questionnaire: parsed.data };
  for (const issue of parsed.error.issues) {
    const [, position, field] = issue.path as [string, number | undefined, string | undefined];
    const at = typeof position === 'number' ? kept[position] : undefined;
    if (!at || position === undefined) {
      errors._ ??= issue.message;
      continue;
    }
    const rowField =
      (EDITOR_ROW_FIELDS as readonly string[]).includes(field ?? '') && field !== 'id'
        ? (field as (typeof EDITOR_ROW_FIELDS)[number])
        : field === 'showWhen'
          ? 'showWhenQuestion'
          : 'label';
    const message = issue.message.startsWith('Question «')
      ? `${name(position, at.row)} ${issue.message.replace(/^Question « [^»]* »/, '').trim()}`
      : `${name(position, at.row)} : ${lowerFirst(issue.message)}`;
    errors[editorFieldName(at.index, rowField)] ??= message;
  }
  return { ok: false, errors };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
