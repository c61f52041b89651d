/** A territory's label history as its page and API show it. Pure, no I/O. */
import type { TerritoryLabelHistory } from '../label/results.service.ts';

export type TimelineEntry = { year: number; level: number | null; distinctions: string[] };

/**
 * One entry per published edition from the territory's first label to the latest edition: an
 * edition it did not take part in has no level (a gap in the chart, a line in the table).
 */
export function labelTimeline(results: readonly { year: number; level: number; distinctions: string[] }[], editionYears: readonly number[]): TimelineEntry[] {
  if (results.length === 0) return [];
  const byYear = new Map(results.map((r) => [r.year, r]));
  const first = Math.min(...byYear.keys());
  const years = new Set([...editionYears.filter((year) => year >= first), ...byYear.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const result = byYear.get(year);
      return { year, level: result?.level ?? null, distinctions: result?.distinctions ?? [] };
    });
}

export type ApiLabel = {
  current: { year: number; level: number } | null;
  history: { year: number; level: number; distinctions: string[] }[];
  excellence: { grantYears: number[]; validUntil: number | null; validNow: boolean };
};

/** The `label` property of `GET /api/v1/territories/:code`. */
export function apiLabel(history: TerritoryLabelHistory): ApiLabel {
  const { grantYears, validUntil, validNow } = history.excellence;
  return {
    current: history.current,
    history: history.results.map((r) => ({ year: r.year, level: r.level, distinctions: r.distinctions })),
    excellence: { grantYears, validUntil, validNow },
  };
}
