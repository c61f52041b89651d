import type { Questionnaire } from './questionnaire.schema.ts';

/**
 * A questionnaire posted as an HTML form (the fields of questionnaire-fields.tsx), turned into what
 * `validateAnswers` takes. Field names are `<namePrefix>.<question id>`.
 */

/** The form field's name of a question: `q.budget` for the prefix `q`. */
export const questionFieldName = (namePrefix: string, questionId: string): string => `${namePrefix}.${questionId}`;

/**
 * The answers a posted form gives, by question id, for `validateAnswers`:
 * - an empty or absent field is no answer (no key);
 * - a multiple choice is always a list (one ticked box comes as a lone text);
 * - the other kinds keep their text (a number as typed, « 1,5 »: the engine reads French numbers);
 *   a field sent several times for a one-answer question stays a list, so the engine refuses it
 *   instead of a value being picked silently;
 * - fields that name no question of this questionnaire, or another prefix, are ignored.
 */
export function answersFromForm(
  questionnaire: Questionnaire,
  body: Readonly<Record<string, string | string[] | undefined>>,
  namePrefix: string,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of questionnaire.questions) {
    const name = questionFieldName(namePrefix, question.id);
    const raw = Object.hasOwn(body, name) ? body[name] : undefined;
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    if (question.kind === 'multiple_choice') answers[question.id] = values;
    else answers[question.id] = values.length === 1 ? values[0] : values;
  }
  return answers;
}
