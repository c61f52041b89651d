/** The jury's final decision on a dossier and the level the platform suggests beside it. Pure, no I/O. */

export const RATIONALE_MAX = 2000;

/**
 * The share of the referential covered (in %) from which each level 1 to 5 @ is suggested, as the
 * ADEME's comparable label does: 0 / 35 / 50 / 65 / 75 %.
 */
export const DEFAULT_LEVEL_THRESHOLDS: readonly number[] = [0, 35, 50, 65, 75];

/** How much the reviews' average level weighs beside the coverage (0: coverage alone; 1: reviews alone). */
export const DEFAULT_REVIEW_WEIGHT = 0.5;
