import { z } from 'zod';
import { questionnaireMessages as m } from './messages.ts';

/**
 * The definition of a questionnaire (the label's questionnaires per category, the responsible-digital
 * diagnostic): an ordered list of questions. One zod schema is the source of truth; the types below
 * are its output. The rules that read definitions and answers are in questionnaire.rules.ts.
 */

/** The kinds of question, in the order an editor offers them. */
export const QUESTION_KINDS = ['yes_no', 'single_choice', 'multiple_choice', 'number', 'short_text', 'long_text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The kinds answered by picking offered options; they, and only they, carry `options`. */
export const CHOICE_KINDS = ['single_choice', 'multiple_choice'] as const satisfies readonly QuestionKind[];
/** The kinds answered with a text; they, and only they, may carry `maxLength`. */
export const TEXT_KINDS = ['short_text', 'long_text'] as const satisfies readonly QuestionKind[];
/** The answers of a yes/no question, as stored and as `showWhen.anyOf` names them. */
export const YES_NO_VALUES = ['yes', 'no'] as const;

/** The longest answer of a text question without `maxLength`, in characters. */
export const DEFAULT_TEXT_MAX_LENGTH: Record<(typeof TEXT_KINDS)[number], number> = { short_text: 200, long_text: 4000 };
/** The most an editor may set as `maxLength`, whatever the kind. */
export const TEXT_MAX_LENGTH_LIMIT = 20_000;
/** The most questions a questionnaire holds. */
export const MAX_QUESTIONS = 100;

export const isChoiceKind = (kind: QuestionKind): kind is (typeof CHOICE_KINDS)[number] => (CHOICE_KINDS as readonly string[]).includes(kind);
export const isTextKind = (kind: QuestionKind): kind is (typeof TEXT_KINDS)[number] => (TEXT_KINDS as readonly string[]).includes(kind);

const slug = z
  .string()
  .max(60)
  .regex(/^[a-z0-9-]+$/, m.definition.idInvalid);
const text = (max: number) => z.string().trim().min(1, m.definition.labelRequired).max(max);

/** One offered answer of a choice question; `score` is what the answer is worth to a scored questionnaire. */
export const questionOptionSchema = z.object({
  value: slug,
  label: text(200),
  score: z.number().finite().optional(),
});
export type QuestionOption = z.output<typeof questionOptionSchema>;

/** One question. Which optional fields a kind takes is checked by the questionnaire's refinements. */
export const questionSchema = z.object({
  id: slug,
  kind: z.enum(QUESTION_KINDS),
  label: text(300),
  help: z.string().trim().max(1000).optional(),
  required: z.boolean(),
  /** Choice kinds only, at least two, unique values. */
  options: z.array(questionOptionSchema).optional(),
  /** Number kind only. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  unit: z.string().trim().max(40).optional(),
  /** Text kinds only; DEFAULT_TEXT_MAX_LENGTH when absent. */
  maxLength: z.number().int().min(1).max(TEXT_MAX_LENGTH_LIMIT).optional(),
  /** Shown only when the answer of that earlier yes/no or choice question is one of these values. */
  showWhen: z.object({ questionId: slug, anyOf: z.array(slug).min(1) }).optional(),
});
export type Question = z.output<typeof questionSchema>;

/** A questionnaire's definition, checked as a whole: unique ids, options by kind, `showWhen` pointing back. */
export const questionnaireSchema = z
  .object({ questions: z.array(questionSchema).min(1, m.definition.noQuestion).max(MAX_QUESTIONS, m.definition.tooManyQuestions(MAX_QUESTIONS)) })
  .superRefine(({ questions }, ctx) => {
    const issue = (index: number, field: string, message: string) => ctx.addIssue({ code: 'custom', message, path: ['questions', index, field] });
    const seen = new Map<string, { index: number; question: Question }>();
    questions.forEach((question, index) => {
      const { id, kind } = question;
      if (seen.has(id)) issue(index, 'id', m.definition.duplicateId(id));
      if (isChoiceKind(kind)) {
        if (!question.options || question.options.length < 2) issue(index, 'options', m.definition.optionsRequired(id));
        const values = new Set<string>();
        for (const option of question.options ?? []) {
          if (values.has(option.value)) issue(index, 'options', m.definition.duplicateOption(id, option.value));
          values.add(option.value);
        }
      } else if (question.options !== undefined) issue(index, 'options', m.definition.optionsNotAllowed(id));
      if (kind !== 'number' && (question.min !== undefined || question.max !== undefined || question.unit !== undefined)) {
        issue(index, 'min', m.definition.numberBoundsNotAllowed(id));
      }
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) issue(index, 'min', m.definition.minAboveMax(id));
      if (!isTextKind(kind) && question.maxLength !== undefined) issue(index, 'maxLength', m.definition.maxLengthNotAllowed(id));
      if (question.showWhen) {
        const targetId = question.showWhen.questionId;
        const target = seen.get(targetId)?.question;
        if (!target) {
          const later = questions.some((other, i) => i >= index && other.id === targetId);
          issue(index, 'showWhen', later ? m.definition.showWhenNotEarlier(id, targetId) : m.definition.showWhenUnknown(id, targetId));
        } else if (target.kind !== 'yes_no' && !isChoiceKind(target.kind)) {
          issue(index, 'showWhen', m.definition.showWhenNotChoice(id, targetId));
        } else {
          const offered = new Set<string>(target.kind === 'yes_no' ? YES_NO_VALUES : (target.options ?? []).map((o) => o.value));
          for (const value of question.showWhen.anyOf) {
            if (!offered.has(value)) issue(index, 'showWhen', m.definition.showWhenValueUnknown(id, targetId, value));
          }
        }
      }
      if (!seen.has(id)) seen.set(id, { index, question });
    });
  });
export type Questionnaire = z.output<typeof questionnaireSchema>;

/**
 * One answer, in its one stored form: yes_no → 'yes' | 'no'; single_choice → the option's value;
 * multiple_choice → the chosen values (non-empty, in the options' order); number → a finite number;
 * short_text and long_text → the trimmed, non-empty text. An unanswered question has no key.
 */
export type AnswerValue = string | string[] | number;
/** The answers to one questionnaire, by question id. */
export type Answers = Record<string, AnswerValue>;
