/** The jury's final decision on a dossier and the level the platform suggests beside it. Pure, no I/O. */
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.ts';
import { INT4_MAX } from '../../platform/validation.ts';
import type { EditionState } from '../label/edition-lifecycle.rules.ts';
import { EXCELLENCE_CODE, excellenceValidUntil, isExcellenceValid, LEVELS, TOP_LEVEL, type ExcellenceParameters } from '../label/results.rules.ts';
import { REVIEWERS_PER_DOSSIER_RANGE } from './assignment.rules.ts';
import { deliberationMessages as m } from './deliberation.messages.ts';
import { PUBLIC_COMMENT_MAX } from './review.rules.ts';

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

// ——— What the staff send: the jury's parameters, a decision ———

/** A number as typed in a French form, « 0,5 » as well as « 0.5 »; a number passes as is; null when it is not one. */
export function parseDecimal(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/** Decimals kept in a threshold (%) and in the weight: what the form shows is what is stored. */
export const PARAMETER_DECIMALS = 2;

export type JuryParametersInput = { reviewersPerDossier: number; levelThresholds: number[]; reviewWeight: number };

/**
 * The jury's parameters sent by the staff (numbers, or a form's texts with a decimal comma), checked
 * all at once: reviewers per dossier a whole number within REVIEWERS_PER_DOSSIER_RANGE; five
 * thresholds from 0 to 100, the first 0, each above the one before; a weight from 0 to 1. Errors are
 * keyed by field (`levelThresholds.2` for the third threshold), in French.
 */
export function juryParametersFromInput(input: {
  reviewersPerDossier: unknown;
  levelThresholds: unknown;
  reviewWeight: unknown;
}): { ok: true; parameters: JuryParametersInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const reviewers = parseDecimal(input.reviewersPerDossier);
  const { min, max } = REVIEWERS_PER_DOSSIER_RANGE;
  if (reviewers === null || !Number.isInteger(reviewers) || reviewers < min || reviewers > max) errors.reviewersPerDossier = m.input.reviewers(min, max);

  const thresholds: number[] = [];
  if (!Array.isArray(input.levelThresholds) || input.levelThresholds.length !== LEVEL_COUNT) errors.levelThresholds = m.input.thresholdsCount(LEVEL_COUNT);
  else
    input.levelThresholds.forEach((raw: unknown, index) => {
      const field = `levelThresholds.${index}`;
      const value = parseDecimal(raw);
      if (value === null) errors[field] = m.input.notANumber;
      else if (value < 0 || value > 100) errors[field] = m.input.thresholdRange;
      else if (!hasDecimalsAtMost(value, PARAMETER_DECIMALS)) errors[field] = m.input.tooPrecise(PARAMETER_DECIMALS);
      else if (index === 0 && value !== 0) errors[field] = m.input.firstThreshold;
      else if (index > 0 && value <= (thresholds[index - 1] ?? Number.NaN)) errors[field] = m.input.ascending(index + 1);
      thresholds.push(value ?? Number.NaN);
    });

  const weight = parseDecimal(input.reviewWeight);
  if (weight === null || weight < 0 || weight > 1) errors.reviewWeight = m.input.weight;
  else if (!hasDecimalsAtMost(weight, PARAMETER_DECIMALS)) errors.reviewWeight = m.input.tooPrecise(PARAMETER_DECIMALS);

  if (Object.keys(errors).length || reviewers === null || weight === null) return { ok: false, errors };
  const parameters = { reviewersPerDossier: reviewers, levelThresholds: thresholds, reviewWeight: weight };
  // The same rule as the stored parameters' (parametersRefusal): one definition of what holds.
  const refusal = parametersRefusal(parameters);
  if (refusal) return { ok: false, errors: { [refusal === 'thresholds' ? 'levelThresholds' : 'reviewWeight']: m.input.invalid } };
  return { ok: true, parameters };
}

const LEVEL_COUNT = LEVELS.length;
const MIN_LEVEL = Math.min(...LEVELS);
const hasDecimalsAtMost = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals === value;

/** A decision as the staff send it: the level (every participant gets at least 1 @), distinctions, the rationale, the public comment. */
export const decisionInput = z.object({
  level: z
    .number({ message: m.input.level })
    .int({ message: m.input.level })
    .min(MIN_LEVEL, { message: m.input.level })
    .max(TOP_LEVEL, { message: m.input.level }),
  distinctions: z
    .array(z.string({ message: m.input.distinctions }).max(40, { message: m.input.distinctions }), { message: m.input.distinctions })
    .max(20, { message: m.input.distinctions })
    .default([]),
  rationale: z
    .string({ message: m.input.rationale })
    .trim()
    .min(1, { message: m.input.rationale })
    .max(RATIONALE_MAX, { message: m.input.rationaleTooLong(RATIONALE_MAX) }),
  publicComment: z
    .string({ message: m.input.publicComment(PUBLIC_COMMENT_MAX) })
    .trim()
    .max(PUBLIC_COMMENT_MAX, { message: m.input.publicComment(PUBLIC_COMMENT_MAX) })
    .default(''),
  /** The version of the decision the staff started from; absent or 0 when there was none yet. */
  version: z.number({ message: m.input.version }).int({ message: m.input.version }).min(0, { message: m.input.version }).max(INT4_MAX).optional(),
});
export type DecisionInput = z.output<typeof decisionInput>;

/**
 * What the edition allows that the schema cannot know: distinctions it offers, never « Territoire
 * d'excellence numérique », which follows from its rule. The distinctions kept, without repeats,
 * in the catalogue's order.
 */
export function decisionRefusals(distinctions: readonly string[], offered: readonly string[]): { errors: FieldErrors; distinctions: string[] } {
  const errors: FieldErrors = {};
  const allowed = offered.filter((code) => code !== EXCELLENCE_CODE);
  const wrong = distinctions.find((code) => !allowed.includes(code));
  if (wrong !== undefined) errors.distinctions = wrong === EXCELLENCE_CODE ? m.input.excellenceByRule : m.input.unknownDistinction(wrong);
  return { errors, distinctions: allowed.filter((code) => distinctions.includes(code)) };
}

/** Where a decision may still be recorded or changed: once the publication is scheduled, never (cancel it first). */
export type DeliberationWindow = 'open' | 'notYet' | 'scheduled' | 'published';

export function deliberationWindow(edition: { state: EditionState; publishedAt: Date | null }): DeliberationWindow {
  if (edition.state === 'published') return 'published';
  if (edition.publishedAt !== null) return 'scheduled';
  return edition.state === 'under_review' || edition.state === 'deliberated' ? 'open' : 'notYet';
}

/** The jury's parameters change until the deliberation is over: refused once the edition is deliberated or published. */
export const parametersEditable = (state: EditionState): boolean => state !== 'deliberated' && state !== 'published';

// ——— « Territoire d'excellence numérique »: what a decision does to the title ———

export type ExcellenceOutlook = {
  /** `granted`: this edition grants it; `kept`: a grant still valid covers this edition; `none`: neither. */
  outcome: 'granted' | 'kept' | 'none';
  /** Editions in a row at the top level ending with this one (0 when this decision is not at the top). */
  streak: number;
  /** The grant that holds (this edition's or the earlier one), and its last year of validity. */
  grantYear: number | null;
  validUntil: number | null;
};

/**
 * What a decision at `level` in edition `year` does to the title, by label's rule
 * (results.rules.ts): the territory keeps it when an earlier grant is still valid this year; else it is
 * granted when this edition ends a run of `consecutiveTopLevels` published editions in a row at the
 * top level (an edition without a result breaks the run).
 */
export function excellenceOutlook(input: {
  year: number;
  level: number;
  /** The territory's published levels by edition year. */
  levelsByYear: ReadonlyMap<number, number>;
  /** The published editions' years (this one is added). */
  editionYears: readonly number[];
  /** The years the territory was granted the title. */
  grantYears: readonly number[];
  parameters: ExcellenceParameters;
}): ExcellenceOutlook {
  const { year, parameters } = input;
  const earlier = input.grantYears.filter((g) => g < year && isExcellenceValid(g, year, parameters)).sort((a, b) => b - a);
  const years = [...new Set([...input.editionYears.filter((y) => y < year), year])].sort((a, b) => b - a);
  let streak = 0;
  for (const y of years) {
    const level = y === year ? input.level : input.levelsByYear.get(y);
    if (level !== TOP_LEVEL) break;
    streak += 1;
  }
  if (earlier[0] !== undefined) return { outcome: 'kept', streak, grantYear: earlier[0], validUntil: excellenceValidUntil(earlier[0], parameters) };
  if (streak < parameters.consecutiveTopLevels) return { outcome: 'none', streak, grantYear: null, validUntil: null };
  return { outcome: 'granted', streak, grantYear: year, validUntil: excellenceValidUntil(year, parameters) };
}
