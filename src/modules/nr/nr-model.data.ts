import { z } from 'zod';
import { ORGANISATION_THEMES } from './nr-model-organisation.data.ts';
import { SERVICES_THEMES } from './nr-model-services.data.ts';
import { MATURITY_LEVELS, NR_THEME_IDS, type NrThemeId } from './nr-themes.rules.ts';

/**
 * The responsible-digital diagnostic's questions (issue 15), written for a French commune or
 * intercommunality: per theme, 4 to 6 questions, each with what its four maturity levels (0 nothing
 * done, 1 started, 2 organised, 3 done, measured and improved) mean concretely. A question's id is
 * stable: answers are stored under it, so a question is reworded, never renumbered. A new wording
 * that changes the meaning is a new question in a new model version.
 */

const levelsSchema = z.tuple([z.string().min(1), z.string().min(1), z.string().min(1), z.string().min(1)]);

export const nrQuestionSchema = z.object({
  id: z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/),
  text: z.string().min(1),
  /** What levels 0, 1, 2 and 3 mean for this question. */
  levels: levelsSchema,
});

export const nrModelSchema = z.object({
  version: z.string().min(1),
  themes: z
    .array(
      z.object({
        id: z.enum(NR_THEME_IDS as unknown as [NrThemeId, ...NrThemeId[]]),
        name: z.string().min(1),
        questions: z.array(nrQuestionSchema).min(1),
      }),
    )
    .length(NR_THEME_IDS.length),
});

export type NrQuestion = z.output<typeof nrQuestionSchema>;
export type NrModel = z.output<typeof nrModelSchema>;
export type NrModelTheme = NrModel['themes'][number];

export const NR_MODEL = nrModelSchema.parse({
  version: '2026-1',
  themes: [...ORGANISATION_THEMES, ...SERVICES_THEMES],
});

/** Every question of the model, with its theme. */
export const NR_QUESTIONS: readonly (NrQuestion & { themeId: NrThemeId })[] = NR_MODEL.themes.flatMap((theme) =>
  theme.questions.map((q) => ({ ...q, themeId: theme.id })),
);

export const nrQuestionById = new Map(NR_QUESTIONS.map((q) => [q.id, q]));

/** The levels a question is answered on, 0 to 3. */
export const NR_LEVELS = MATURITY_LEVELS;
