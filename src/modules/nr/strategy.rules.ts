/**
 * The responsible-digital strategy (REEN): whether the law asks it of a territory, and the document
 * assembled from the diagnostic's weak themes, the roadmap's actions and the followed indicators;
 * a yearly review's input checked. Pure, no I/O.
 */
import type { FieldErrors } from '../../platform/errors.ts';
import { NR_THEMES, NOTE_MAX, STRATEGY_POPULATION_THRESHOLD, type ActionStatus, type NrThemeId } from './nr-themes.rules.ts';
import { isCalendarDate, weakestThemes, type ThemeIndexes } from './roadmap.rules.ts';

/** What an objective raises a weak theme's index by, before rounding up to the next ten. */
export const OBJECTIVE_STEP = 20;
/** The years a review may be recorded for. */
export const REVIEW_FIRST_YEAR = 2021;

export type StrategyTerritory = { kind: string; population: number | null };
export type StrategyRequirement =
  | { required: true; reason: 'population'; kind: 'commune' | 'epci'; population: number }
  | { required: false; reason: 'kind' | 'population' | 'unknownPopulation'; kind: string; population: number | null };

/** The law asks a strategy of a commune or an intercommunality (EPCI) of at least STRATEGY_POPULATION_THRESHOLD inhabitants. */
export function strategyRequirement(territory: StrategyTerritory): StrategyRequirement {
  const { kind, population } = territory;
  if (kind !== 'commune' && kind !== 'epci') return { required: false, reason: 'kind', kind, population };
  if (population === null) return { required: false, reason: 'unknownPopulation', kind, population };
  if (population >= STRATEGY_POPULATION_THRESHOLD) return { required: true, reason: 'population', kind, population };
  return { required: false, reason: 'population', kind, population };
}

export const strategyRequired = (territory: StrategyTerritory): boolean => strategyRequirement(territory).required;

/** An objective's target: the index raised by OBJECTIVE_STEP, rounded up to the next ten, at most 100. */
export function objectiveTarget(index: number): number {
  return Math.min(100, Math.ceil((index + OBJECTIVE_STEP) / 10) * 10);
}

export type StrategyObjective = { themeId: NrThemeId; themeName: string; from: number; to: number };
export type StrategyMeasure = { title: string; status: ActionStatus; dueOn: string | null };
export type StrategyMeasureGroup = { themeId: NrThemeId; themeName: string; measures: StrategyMeasure[] };
export type StrategyIndicatorLine = { name: string; unit: string; latest: { measuredOn: string; value: number } | null };
export type StrategyDocument = {
  objectives: StrategyObjective[];
  measures: StrategyMeasureGroup[];
  indicators: StrategyIndicatorLine[];
};

/**
 * The document: one objective per weak theme of the diagnostic (weakest first), the roadmap's
 * actions by theme in the model's order (abandoned ones left out), and the indicators that have at
 * least one value (followed ones), with their latest value.
 */
export function assembleStrategy(input: {
  themeIndexes: ThemeIndexes | null;
  actions: readonly (StrategyMeasure & { themeId: string })[];
  indicators: readonly StrategyIndicatorLine[];
}): StrategyDocument {
  const name = (id: NrThemeId) => NR_THEMES.find((t) => t.id === id)?.name ?? id;
  const objectives = input.themeIndexes
    ? weakestThemes(input.themeIndexes).map((t) => ({ themeId: t.themeId, themeName: name(t.themeId), from: t.index, to: objectiveTarget(t.index) }))
    : [];
  const measures = NR_THEMES.map((theme) => ({
    themeId: theme.id,
    themeName: theme.name,
    measures: input.actions
      .filter((a) => a.themeId === theme.id && a.status !== 'abandoned')
      .map((a) => ({ title: a.title, status: a.status, dueOn: a.dueOn })),
  })).filter((g) => g.measures.length > 0);
  const indicators = input.indicators.filter((i) => i.latest !== null);
  return { objectives, measures, indicators };
}

export type ReviewInput = { year: number; adoptedOn: string | null; summary: string };
export type ReviewMessages = {
  yearInvalid: (first: number, last: number) => string;
  adoptedOnInvalid: string;
  adoptedOnFuture: string;
  adoptedOnOtherYear: string;
  summaryRequired: string;
  summaryTooLong: (max: number) => string;
};

/**
 * A yearly review: a year from REVIEW_FIRST_YEAR to the current one, an optional adoption date (a
 * real date, not after today, in that year or the next one: a review is often adopted early the
 * following year) and a summary.
 */
export function checkReview(
  raw: { year?: string | null; adoptedOn?: string | null; summary?: string | null },
  today: string,
  m: ReviewMessages,
): { ok: true; value: ReviewInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currentYear = Number(today.slice(0, 4));
  const yearText = (raw.year ?? '').trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= REVIEW_FIRST_YEAR && year <= currentYear)) errors.year = m.yearInvalid(REVIEW_FIRST_YEAR, currentYear);
  const adoptedText = (raw.adoptedOn ?? '').trim();
  let adoptedOn: string | null = null;
  if (adoptedText) {
    if (!isCalendarDate(adoptedText)) errors.adoptedOn = m.adoptedOnInvalid;
    else if (adoptedText > today) errors.adoptedOn = m.adoptedOnFuture;
    else if (!errors.year && Number(adoptedText.slice(0, 4)) !== year && Number(adoptedText.slice(0, 4)) !== year + 1) errors.adoptedOn = m.adoptedOnOtherYear;
    else adoptedOn = adoptedText;
  }
  const summary = (raw.summary ?? '').trim();
  if (!summary) errors.summary = m.summaryRequired;
  else if (summary.length > NOTE_MAX) errors.summary = m.summaryTooLong(NOTE_MAX);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { year, adoptedOn, summary } };
}

/** The publicity choices read from a form: a box ticked sends `on`; anything else is refused, naming the field. */
export const PUBLICITY_PARTS = ['maturity', 'charter', 'indicators', 'roadmap'] as const;
export type PublicityPart = (typeof PUBLICITY_PARTS)[number];
export type PublicityChoices = Record<PublicityPart, boolean>;

export function readPublicityForm(
  raw: Partial<Record<PublicityPart, string | undefined>>,
  invalid: string,
): { ok: true; value: PublicityChoices } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const value = { maturity: false, charter: false, indicators: false, roadmap: false };
  for (const part of PUBLICITY_PARTS) {
    const v = raw[part];
    if (v === undefined || v === '') continue;
    if (v === 'on' || v === '1' || v === 'true') value[part] = true;
    else errors[part] = invalid;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
