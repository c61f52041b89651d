/**
 * The responsible-digital strategy (REEN) of a territory: whether the law asks it, the document
 * assembled from the diagnostic, the roadmap and the indicators, and its yearly reviews
 * (nrStrategyReviews, one per year). 'nr.view' reads, 'nr.publish' (referents) records a review.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { diagnosticScores } from './diagnostic.rules.ts';
import { listTerritoryIndicators } from './indicators.service.ts';
import { NR_MODEL } from './nr-model.data.ts';
import type { NrThemeId } from './nr-themes.rules.ts';
import { publicMessages as m } from './public.messages.ts';
import { nrTerritoryFor } from './publicity.service.ts';
import { getRoadmap, parisToday } from './roadmap.service.ts';
import { latestCompletedDiagnostic } from './diagnostic.service.ts';
import { nrStrategyReviews } from './schema.ts';
import { assembleStrategy, checkReview, strategyRequirement, type ReviewInput, type StrategyDocument, type StrategyRequirement } from './strategy.rules.ts';

export type StrategyTerritoryInfo = { code: string; name: string; kind: string; population: number | null };
export type StrategyReview = ReviewInput & { recordedAt: Date };
export type StrategyPage = {
  territory: StrategyTerritoryInfo;
  requirement: StrategyRequirement;
  document: StrategyDocument;
  diagnostic: { completedAt: Date } | null;
  reviews: StrategyReview[];
  today: string;
};

export async function getStrategy(db: Db, caller: Caller | null, code: string, now = new Date()): Promise<StrategyPage> {
  const row = await nrTerritoryFor(db, caller, code, 'nr.view');
  const territory = { code: row.code, name: row.name, kind: row.kind, population: row.population };
  const [diagnostic, roadmap, indicators, reviews] = await Promise.all([
    latestCompletedDiagnostic(db, territory.code),
    getRoadmap(db, caller, territory.code, now),
    listTerritoryIndicators(db, caller, territory.code),
    db
      .select({
        year: nrStrategyReviews.year,
        adoptedOn: nrStrategyReviews.adoptedOn,
        summary: nrStrategyReviews.summary,
        recordedAt: nrStrategyReviews.recordedAt,
      })
      .from(nrStrategyReviews)
      .where(eq(nrStrategyReviews.territoryCode, territory.code))
      .orderBy(desc(nrStrategyReviews.year)),
  ]);
  // The themes' indexes as the diagnostic page computes them (over the model's questions).
  const themeIndexes = diagnostic
    ? new Map(
        diagnosticScores(
          NR_MODEL,
          [...diagnostic.answers].map(([questionId, level]) => ({ questionId, level })),
        )
          .themes.filter((t) => t.index !== null)
          .map((t) => [t.themeId as NrThemeId, t.index ?? 0]),
      )
    : null;
  const document = assembleStrategy({
    themeIndexes,
    actions: roadmap.actions,
    indicators: indicators.indicators.map((i) => ({ name: i.name, unit: i.unit, latest: i.latest })),
  });
  return {
    territory,
    requirement: strategyRequirement(territory),
    document,
    diagnostic: diagnostic ? { completedAt: diagnostic.completedAt } : null,
    reviews,
    today: parisToday(now),
  };
}

/** A yearly review recorded; one per year: a new one replaces that year's. Bad input refused, nothing written. */
export async function recordReview(
  db: Db,
  caller: Caller | null,
  code: string,
  raw: { year?: string; adoptedOn?: string; summary?: string },
  now = new Date(),
): Promise<ReviewInput> {
  const territory = await nrTerritoryFor(db, caller, code, 'nr.publish');
  const checked = checkReview(raw, parisToday(now), m.strategy.review);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  const set = { adoptedOn: checked.value.adoptedOn, summary: checked.value.summary, recordedBy: caller ? personIdOf(caller) : null, recordedAt: now };
  await db
    .insert(nrStrategyReviews)
    .values({ territoryCode: territory.code, year: checked.value.year, ...set })
    .onConflictDoUpdate({ target: [nrStrategyReviews.territoryCode, nrStrategyReviews.year], set });
  return checked.value;
}
