/** Rules of the label's results: levels, edition states, the multi-year distinction. Pure, no I/O. */
import { foldText } from '../../platform/text.ts';

/** The label exists since 1999 (DESIGN.md, "Facts about the real label"). */
export const FIRST_EDITION_YEAR = 1999;

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];
export const TOP_LEVEL: Level = 5;

export const DISTINCTION_KINDS = ['mention', 'excellence'] as const;
export type DistinctionKind = (typeof DISTINCTION_KINDS)[number];

/** Code of the multi-year distinction granted by rule, never by hand. */
export const EXCELLENCE_CODE = 'excellence';

export const RESULT_SOURCES = ['import', 'deliberation'] as const;
export type ResultSource = (typeof RESULT_SOURCES)[number];

/** An uploaded palmarès file is checked first, then applied once the admin confirms. */
export const PALMARES_IMPORT_STATES = ['checked', 'applied'] as const;
export type PalmaresImportState = (typeof PALMARES_IMPORT_STATES)[number];

/** The latest edition that may exist: the one named after next year's ceremony. */
export function lastPossibleEditionYear(today: Date = new Date()): number {
  return today.getUTCFullYear() + 1;
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export type ExcellenceParameters = {
  /** Consecutive editions at the top level that earn the distinction (default 6). */
  consecutiveTopLevels: number;
  /** Editions for which it stays valid, the granting one included (default 3). */
  validityYears: number;
};

export const DEFAULT_EXCELLENCE: ExcellenceParameters = { consecutiveTopLevels: 6, validityYears: 3 };

/** Bounds of each parameter, both included: enforced by the form and by a check constraint. */
export const EXCELLENCE_PARAMETER_RANGE = { min: 1, max: 30 } as const;

/**
 * The editions in which a territory is granted "Territoire d'excellence numérique".
 * `editionYears` are the label's published editions; a streak counts editions in a row at the top
 * level (an edition without a result breaks it). The distinction is granted when the streak reaches
 * the required length and the territory does not already hold a valid one: a territory that stays at
 * the top is granted it again when the previous one expires.
 */
export function excellenceGrantYears(levelsByYear: ReadonlyMap<number, number>, editionYears: readonly number[], params: ExcellenceParameters): number[] {
  const grants: number[] = [];
  let streak = 0;
  const years = [...editionYears].sort((a, b) => a - b);
  for (const year of years) {
    streak = levelsByYear.get(year) === TOP_LEVEL ? streak + 1 : 0;
    if (streak < params.consecutiveTopLevels) continue;
    const last = grants.at(-1);
    if (last === undefined || !isExcellenceValid(last, year, params)) grants.push(year);
  }
  return grants;
}

/** Whether a distinction granted in `grantYear` is still valid for the edition `year`. */
export function isExcellenceValid(grantYear: number, year: number, params: ExcellenceParameters): boolean {
  return year >= grantYear && year < grantYear + params.validityYears;
}

/** The last year of validity of a grant. */
export function excellenceValidUntil(grantYear: number, params: ExcellenceParameters): number {
  return grantYear + params.validityYears - 1;
}

/**
 * The one answer to "does this territory hold the title in edition `year`?": a grant of that year or
 * of an earlier one still valid. The grant is stored on its year only; every page, the API and the
 * exports ask this rule for the years after it.
 */
export function holdsExcellence(grantYears: readonly number[], year: number, params: ExcellenceParameters): boolean {
  return grantYears.some((grant) => isExcellenceValid(grant, year, params));
}

export type ExcellenceStatus = { grantYears: number[]; validUntil: number | null; validNow: boolean };

/** A territory's title as of the latest published edition: when it was granted, until when it is valid. */
export function excellenceStatus(grantYears: readonly number[], latestEditionYear: number | null, params: ExcellenceParameters): ExcellenceStatus {
  const sorted = [...grantYears].sort((a, b) => a - b);
  const last = sorted.at(-1);
  return {
    grantYears: sorted,
    validUntil: last === undefined ? null : excellenceValidUntil(last, params),
    validNow: latestEditionYear !== null && holdsExcellence(sorted, latestEditionYear, params),
  };
}

/**
 * A result's distinctions as published: the stored ones without the title, then the title where it
 * is held that year, in the catalogue's order (`order`, codes by position).
 */
export function distinctionsHeld(stored: readonly string[], holdsTitle: boolean, order: readonly string[]): string[] {
  const held = stored.filter((code) => code !== EXCELLENCE_CODE);
  if (holdsTitle) held.push(EXCELLENCE_CODE);
  const rank = (code: string) => {
    const i = order.indexOf(code);
    return i === -1 ? order.length : i;
  };
  return held.sort((a, b) => rank(a) - rank(b));
}

export type LevelCounts = Record<Level, number>;

export function emptyLevelCounts(): LevelCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

export function countLevels(levels: Iterable<number>): LevelCounts {
  const counts = emptyLevelCounts();
  for (const level of levels) if (isLevel(level)) counts[level] += 1;
  return counts;
}

/** Sum of the counts. */
export function totalOf(counts: LevelCounts): number {
  return LEVELS.reduce((sum, level) => sum + counts[level], 0);
}

/** Average level of counted results, one decimal; null when none. */
export function averageOfCounts(counts: LevelCounts): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  const sum = LEVELS.reduce((acc, level) => acc + level * counts[level], 0);
  return Math.round((sum / total) * 10) / 10;
}

/** Average level, one decimal; null without results. */
export function averageLevel(levels: readonly number[]): number | null {
  return averageOfCounts(countLevels(levels));
}

/** A distinction as press lists write it, reduced for comparison: "@ Verte" and "arobase verte" meet. */
export function normaliseDistinctionLabel(label: string): string {
  return foldText(label.replace(/@/g, ' arobase ')).replace(/^mention /, '');
}
