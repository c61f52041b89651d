/** A juror's review of one dossier: its input, what a submission needs, progress, blindness. Pure, no I/O. */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.ts';
import { EXCELLENCE_CODE } from '../label/results.rules.ts';
import { reviewMessages as m } from './review.messages.ts';

export const REVIEW_STATES = ['draft', 'submitted'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Each theme is scored from 0 (nothing) to 3 (exemplary). */
export const THEME_SCORE_RANGE = { min: 0, max: 3 } as const;

/** The short comment published with the results, beside the laureate's interview. */
export const PUBLIC_COMMENT_MAX = 600;
/** The comment for the jury only. */
export const JURY_COMMENT_MAX = 5000;

const score = z
  .number({ message: m.score })
  .int({ message: m.score })
  .min(THEME_SCORE_RANGE.min, { message: m.score })
  .max(THEME_SCORE_RANGE.max, { message: m.score });

/** What a juror sends: every part optional but the scores (a save may be partial); `submit` hands it in. */
export const reviewInput = z.object({
  themeScores: z.record(z.string().max(80), score, { message: m.themeScores }).default({}),
  proposedLevel: z.number({ message: m.level }).int({ message: m.level }).min(1, { message: m.level }).max(5, { message: m.level }).nullable().optional(),
  distinctions: z
    .array(z.string({ message: m.distinctions }).max(40), { message: m.distinctions })
    .max(20, { message: m.distinctions })
    .default([]),
  comment: z.string({ message: m.comment }).max(JURY_COMMENT_MAX, { message: m.comment }).default(''),
  publicComment: z.string({ message: m.publicComment }).max(PUBLIC_COMMENT_MAX, { message: m.publicComment }).default(''),
  submit: z.boolean({ message: m.submit }).optional(),
  version: z.number({ message: m.version }).int({ message: m.version }).positive({ message: m.version }).optional(),
});
export type ReviewInput = z.output<typeof reviewInput>;

/** A review as stored, as far as the rules read it. */
export type ReviewFacts = { state: ReviewState; themeScores: Record<string, number>; proposedLevel: number | null };

/**
 * What the dossier allows that the schema cannot know: themes of its referential, distinctions its
 * edition offers (never « Territoire d'excellence numérique », which follows from its rule).
 */
export function reviewRefusals(
  input: Pick<ReviewInput, 'themeScores' | 'distinctions'>,
  dossier: { themeIds: readonly string[]; offeredDistinctions: readonly string[] },
): FieldErrors {
  const errors: FieldErrors = {};
  const themes = new Set(dossier.themeIds);
  for (const themeId of Object.keys(input.themeScores)) if (!themes.has(themeId)) errors[`themeScores.${themeId}`] ??= m.unknownTheme(themeId);
  const offered = new Set(dossier.offeredDistinctions.filter((code) => code !== EXCELLENCE_CODE));
  const wrong = input.distinctions.find((code) => !offered.has(code));
  if (wrong !== undefined) errors.distinctions = wrong === EXCELLENCE_CODE ? m.excellenceByRule : m.unknownDistinction(wrong);
  return errors;
}

/** What is missing before a review can be handed in: every theme scored and a proposed level. */
export function missingForSubmission(
  review: Pick<ReviewFacts, 'themeScores' | 'proposedLevel'>,
  themes: readonly { id: string; name: string }[],
): { field: string; message: string }[] {
  const missing = themes
    .filter((t) => review.themeScores[t.id] === undefined)
    .map((t) => ({ field: `themeScores.${t.id}`, message: m.themeNotScored(t.name) }));
  if (review.proposedLevel === null || review.proposedLevel === undefined) missing.push({ field: 'proposedLevel', message: m.levelMissing });
  return missing;
}

/** How far a review is, from 0 (nothing yet) to 1 (handed in): the themes scored and the level, each one step. */
export function reviewProgress(review: ReviewFacts | null, themeCount: number): number {
  if (!review) return 0;
  if (review.state === 'submitted') return 1;
  const steps = themeCount + 1;
  const done = Object.keys(review.themeScores).length + (review.proposedLevel ? 1 : 0);
  // Below 1 until handed in, even with everything filled: only submission finishes a review.
  return Math.min(1, done / steps) * 0.99;
}

/** Blind first: a juror reads the other reviews of a dossier only once theirs is handed in. */
export const mayReadOtherReviews = (own: Pick<ReviewFacts, 'state'> | null): boolean => own?.state === 'submitted';

/** « Suivant »: the juror's least advanced dossier not handed in yet (ties: by territory name, then id). */
export function nextDossier<T extends { applicationId: string; territoryName: string; progress: number }>(dossiers: readonly T[]): T | null {
  const open = dossiers.filter((d) => d.progress < 1);
  open.sort((a, b) => a.progress - b.progress || a.territoryName.localeCompare(b.territoryName, 'fr') || a.applicationId.localeCompare(b.applicationId));
  return open[0] ?? null;
}
