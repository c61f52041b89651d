import { questionnaireMessages as m } from './messages.ts';
import {
  DEFAULT_TEXT_MAX_LENGTH,
  isTextKind,
  YES_NO_VALUES,
  type AnswerValue,
  type Answers,
  type Question,
  type Questionnaire,
} from './questionnaire.schema.ts';

/**
 * The questionnaire engine's rules, pure: which questions are shown for some answers, checking and
 * cleaning answers (a draft saved as it goes, or complete at submission), what is still missing, how
 * long it takes, and what the answers score. Answers come from a form or the API: a number may come
 * as a French text (« 1,5 »), a yes/no as a boolean, one checked box as a lone value; the cleaned
 * answers are always in the stored form documented on `AnswerValue`.
 */

/** One refused answer: the question it is about (or the unknown key) and a French message naming it. */
export type AnswerError = { questionId: string; message: string };
export type AnswersValidation = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

type Normalized = { state: 'empty' } | { state: 'ok'; value: AnswerValue } | { state: 'error'; message: string };
const EMPTY: Normalized = { state: 'empty' };

/** « 1 200,5 » → 1200.5; undefined when the text is not a number. */
function parseNumber(raw: string): number | undefined {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The answer of one question in its stored form, nothing when unanswered, or why it is refused. */
function normalize(question: Question, raw: unknown): Normalized {
  if (raw === undefined || raw === null) return EMPTY;
  const { id } = question;
  switch (question.kind) {
    case 'yes_no': {
      if (raw === true || raw === false) return { state: 'ok', value: raw ? 'yes' : 'no' };
      if (raw === '') return EMPTY;
      return typeof raw === 'string' && (YES_NO_VALUES as readonly string[]).includes(raw)
        ? { state: 'ok', value: raw }
        : { state: 'error', message: m.answers.yesNoExpected(id) };
    }
    case 'single_choice': {
      if (raw === '') return EMPTY;
      if (typeof raw !== 'string') return { state: 'error', message: m.answers.choiceExpected(id) };
      return question.options?.some((o) => o.value === raw) ? { state: 'ok', value: raw } : { state: 'error', message: m.answers.optionNotOffered(id, raw) };
    }
    case 'multiple_choice': {
      const values = typeof raw === 'string' ? (raw === '' ? [] : [raw]) : raw;
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return { state: 'error', message: m.answers.choicesExpected(id) };
      const chosen = new Set(values as string[]);
      const offered = (question.options ?? []).map((o) => o.value);
      const foreign = [...chosen].find((v) => !offered.includes(v));
      if (foreign !== undefined) return { state: 'error', message: m.answers.optionNotOffered(id, foreign) };
      return chosen.size ? { state: 'ok', value: offered.filter((v) => chosen.has(v)) } : EMPTY;
    }
    case 'number': {
      let n: number | undefined;
      if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : undefined;
      else if (typeof raw === 'string') {
        if (raw.trim() === '') return EMPTY;
        n = parseNumber(raw);
      }
      if (n === undefined) return { state: 'error', message: m.answers.numberExpected(id) };
      if (question.min !== undefined && n < question.min) return { state: 'error', message: m.answers.belowMin(id, question.min) };
      if (question.max !== undefined && n > question.max) return { state: 'error', message: m.answers.aboveMax(id, question.max) };
      return { state: 'ok', value: n };
    }
    case 'short_text':
    case 'long_text': {
      if (typeof raw !== 'string') return { state: 'error', message: m.answers.textExpected(id) };
      const text = raw.trim();
      if (!text) return EMPTY;
      const max = textMaxLength(question);
      return [...text].length > max ? { state: 'error', message: m.answers.tooLong(id, max) } : { state: 'ok', value: text };
    }
  }
}

/** The longest accepted answer of a text question, in characters (its `maxLength` or the kind's default). */
export function textMaxLength(question: Question): number {
  return question.maxLength ?? (isTextKind(question.kind) ? DEFAULT_TEXT_MAX_LENGTH[question.kind] : 0);
}

/**
 * Walks the questions in order and says for each whether it is shown and its normalized answer. A
 * question with `showWhen` is shown when its (earlier) question is shown and answered validly with one
 * of `anyOf` (for a multiple choice, one of the chosen values): hidden questions hide their own
 * dependants, so chains work in one pass.
 */
function walk(def: Questionnaire, answers: Readonly<Record<string, unknown>>): { question: Question; visible: boolean; normalized: Normalized }[] {
  const shownValues = new Map<string, AnswerValue>();
  return def.questions.map((question) => {
    const condition = question.showWhen;
    let visible = true;
    if (condition) {
      const answer = shownValues.get(condition.questionId);
      const given = answer === undefined ? [] : Array.isArray(answer) ? answer : [String(answer)];
      visible = given.some((v) => condition.anyOf.includes(v));
    }
    const normalized = visible ? normalize(question, Object.hasOwn(answers, question.id) ? answers[question.id] : undefined) : EMPTY;
    if (normalized.state === 'ok') shownValues.set(question.id, normalized.value);
    return { question, visible, normalized };
  });
}

const asRecord = (answers: unknown): Record<string, unknown> | undefined =>
  typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : undefined;

/** The questions shown for these answers, in order. */
export function visibleQuestions(def: Questionnaire, answers: Readonly<Record<string, unknown>>): Question[] {
  return walk(def, answers)
    .filter((step) => step.visible)
    .map((step) => step.question);
}

/**
 * Checks answers against a definition. Refused: a key that is no question, a value of the wrong type,
 * an option not offered, a number out of range, a text too long; with `complete` (submission) also a
 * required shown question left unanswered. Answers of hidden questions are dropped without error (an
 * earlier answer changed since) and so are empty ones; `answers` is then the cleaned, stored form.
 */
export function validateAnswers(def: Questionnaire, answers: unknown, options: { complete: boolean }): AnswersValidation {
  const record = asRecord(answers);
  if (!record) return { ok: false, errors: [{ questionId: '_', message: m.answers.notAnObject }] };
  const known = new Set(def.questions.map((q) => q.id));
  const errors: AnswerError[] = Object.keys(record)
    .filter((key) => !known.has(key))
    .map((key) => ({ questionId: key, message: m.answers.unknownQuestion(key) }));
  const cleaned: Answers = {};
  for (const { question, visible, normalized } of walk(def, record)) {
    if (!visible) continue;
    if (normalized.state === 'error') errors.push({ questionId: question.id, message: normalized.message });
    else if (normalized.state === 'ok') cleaned[question.id] = normalized.value;
    else if (options.complete && question.required) errors.push({ questionId: question.id, message: m.answers.required(question.id) });
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: cleaned };
}

/** The required questions shown for these answers and not validly answered yet, in order: the dossier's checklist. */
export function missingAnswers(def: Questionnaire, answers: Readonly<Record<string, unknown>>): Question[] {
  return walk(def, answers)
    .filter((step) => step.visible && step.question.required && step.normalized.state !== 'ok')
    .map((step) => step.question);
}

/**
 * Seconds it takes to read and answer one question of each kind, for someone who knows the answers:
 * ticking yes/no is quick, choices take reading the options, a number may be looked up, a short text
 * is a line, a long text a few sentences.
 */
export const SECONDS_PER_KIND: Record<Question['kind'], number> = {
  yes_no: 15,
  single_choice: 25,
  multiple_choice: 40,
  number: 30,
  short_text: 45,
  long_text: 180,
};

/** Whole minutes, rounded up, to answer every question, conditional ones included (an upper bound). */
export function estimatedMinutes(def: Questionnaire): number {
  const seconds = def.questions.reduce((sum, q) => sum + SECONDS_PER_KIND[q.kind], 0);
  return Math.ceil(seconds / 60);
}

/**
 * What the answers are worth, over the shown questions whose options carry at least one score (an
 * option without score is worth 0): `sum` of the chosen options' scores (a multiple choice adds its
 * chosen ones), `max` the best possible over those questions (answered or not: the highest option of
 * a single choice, the positive ones of a multiple choice), `mean` = sum / answered scored questions,
 * `ratio` = sum / max. Null `mean` when none is answered, null `ratio` when `max` is not positive.
 */
export type AnswerScore = { scoredQuestions: number; answered: number; sum: number; max: number; mean: number | null; ratio: number | null };

export function answerScore(def: Questionnaire, answers: Readonly<Record<string, unknown>>): AnswerScore {
  let scoredQuestions = 0;
  let answered = 0;
  let sum = 0;
  let max = 0;
  for (const { question, visible, normalized } of walk(def, answers)) {
    const options = question.options ?? [];
    if (!visible || !options.some((o) => o.score !== undefined)) continue;
    const scoreOf = (value: string) => options.find((o) => o.value === value)?.score ?? 0;
    scoredQuestions++;
    max += question.kind === 'multiple_choice' ? options.reduce((s, o) => s + Math.max(0, o.score ?? 0), 0) : Math.max(...options.map((o) => o.score ?? 0));
    if (normalized.state !== 'ok') continue;
    answered++;
    const chosen = Array.isArray(normalized.value) ? normalized.value : [String(normalized.value)];
    sum += chosen.reduce((s, v) => s + scoreOf(v), 0);
  }
  return { scoredQuestions, answered, sum, max, mean: answered ? sum / answered : null, ratio: max > 0 ? sum / max : null };
}
