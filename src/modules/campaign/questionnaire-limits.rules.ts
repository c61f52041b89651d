import { estimatedMinutes } from '../../platform/questionnaire/questionnaire.rules.ts';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';
import { questionnaireAdminMessages } from './questionnaire-messages.ts';

/**
 * What a category's questionnaire may ask of a territory, the one place these limits live: a
 * village's is answered in under ten minutes, with 12 questions at most (issue 13). The other
 * categories have only the engine's own maximum (MAX_QUESTIONS).
 */
export const QUESTIONNAIRE_LIMITS: Record<TerritoryCategory, { maxQuestions?: number; minutesUnder?: number }> = {
  village: { maxQuestions: 12, minutesUnder: 10 },
  ville: {},
  territoire: {},
};

/** Why this definition is too long for its category (a French sentence), or null when it fits. */
export function questionnaireLimitRefusal(category: TerritoryCategory, def: Questionnaire): string | null {
  const limits = QUESTIONNAIRE_LIMITS[category];
  const m = questionnaireAdminMessages.limits;
  if (limits.maxQuestions !== undefined && def.questions.length > limits.maxQuestions)
    return m.tooManyQuestions(category, limits.maxQuestions, def.questions.length);
  const minutes = estimatedMinutes(def);
  if (limits.minutesUnder !== undefined && minutes >= limits.minutesUnder) return m.tooLong(category, limits.minutesUnder, minutes);
  return null;
}
