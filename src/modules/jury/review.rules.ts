/** A juror's review of one dossier: its shape's limits and its two states. Pure, no I/O. */

export const REVIEW_STATES = ['draft', 'submitted'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Each theme is scored from 0 (nothing) to 3 (exemplary). */
export const THEME_SCORE_RANGE = { min: 0, max: 3 } as const;

/** The short comment published with the results, beside the laureate's interview. */
export const PUBLIC_COMMENT_MAX = 600;
/** The comment for the jury only. */
export const JURY_COMMENT_MAX = 5000;
