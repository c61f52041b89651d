/** The jury's final decision on a dossier and the level the platform suggests beside it. Pure, no I/O. */

export const RATIONALE_MAX = 2000;

/**
 * The share of the referential covered (in %) from which each level 1 to 5 @ is suggested, as the
 * ADEME's comparable label does: 0 / 35 / 50 / 65 / 75 %.
 */
export const DEFAULT_LEVEL_THRESHOLDS: readonly number[] = [0, 35, 50, 65, 75];

/** How much the reviews' average level weighs beside the coverage (0: coverage alone; 1: reviews alone). */
export const DEFAULT_REVIEW_WEIGHT = 0.5;

/** Reviews whose proposed levels differ by this much or more are flagged and put first on the agenda. */
export const DIVERGENCE_THRESHOLD = 2;

export type SuggestionParameters = { levelThresholds: readonly number[]; reviewWeight: number };

/** The level the coverage alone gives: the highest whose threshold it reaches, at least 1. */
export function coverageLevel(coverage: number, thresholds: readonly number[]): number {
  let level = 1;
  thresholds.forEach((threshold, index) => {
    if (coverage >= threshold) level = Math.max(level, index + 1);
  });
  return Math.min(5, level);
}

export type SuggestedLevel = {
  level: number;
  /** The parts, for the page's explanation. */
  coverageLevel: number;
  reviewsAverage: number | null;
};

/**
 * The level suggested beside the decision: the coverage's level and the reviews' average level,
 * weighted by `reviewWeight`, rounded half up, between 1 and 5. Without a review, the coverage alone.
 * `coverage` is the share of the referential covered at submission, 0 to 100.
 */
export function suggestedLevel(coverage: number, reviewLevels: readonly number[], parameters: SuggestionParameters): SuggestedLevel {
  const fromCoverage = coverageLevel(coverage, parameters.levelThresholds);
  if (!reviewLevels.length) return { level: fromCoverage, coverageLevel: fromCoverage, reviewsAverage: null };
  const average = reviewLevels.reduce((sum, l) => sum + l, 0) / reviewLevels.length;
  const weighted = (1 - parameters.reviewWeight) * fromCoverage + parameters.reviewWeight * average;
  // Rounded half up on a value kept to two decimals, so 3.4999999 from floating point is 3.5 → 4.
  const level = Math.min(5, Math.max(1, Math.floor(Math.round(weighted * 100) / 100 + 0.5)));
  return { level, coverageLevel: fromCoverage, reviewsAverage: Math.round(average * 100) / 100 };
}

/** How far apart the reviews' proposed levels are (0 with fewer than two). */
export const divergence = (reviewLevels: readonly number[]): number => (reviewLevels.length < 2 ? 0 : Math.max(...reviewLevels) - Math.min(...reviewLevels));

export const isDiverging = (reviewLevels: readonly number[]): boolean => divergence(reviewLevels) >= DIVERGENCE_THRESHOLD;

/** The deliberation's agenda: diverging dossiers first, the widest gaps first, then by territory name. */
export function agendaOrder<T extends { territoryName: string; reviewLevels: readonly number[] }>(dossiers: readonly T[]): T[] {
  return [...dossiers].sort((a, b) => {
    const da = divergence(a.reviewLevels);
    const db = divergence(b.reviewLevels);
    return Number(db >= DIVERGENCE_THRESHOLD) - Number(da >= DIVERGENCE_THRESHOLD) || db - da || a.territoryName.localeCompare(b.territoryName, 'fr');
  });
}

/** Null when the parameters hold (five ascending thresholds from 0 to 100, the first 0; a weight from 0 to 1), else why not. */
export function parametersRefusal(parameters: SuggestionParameters): 'thresholds' | 'weight' | null {
  const t = parameters.levelThresholds;
  const ascending = t.every((value, i) => i === 0 || value > (t[i - 1] ?? -1));
  if (t.length !== 5 || t[0] !== 0 || !ascending || t.some((v) => !Number.isFinite(v) || v < 0 || v > 100)) return 'thresholds';
  if (!Number.isFinite(parameters.reviewWeight) || parameters.reviewWeight < 0 || parameters.reviewWeight > 1) return 'weight';
  return null;
}
