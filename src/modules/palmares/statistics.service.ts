import type { Db } from '../../platform/db/database.ts';
import { listEditionResults, listPublishedEditions } from '../label/results.service.ts';
import {
  countByCategory,
  countByRegion,
  countByStratum,
  editionTrends,
  summarise,
  type EditionTrend,
  type GroupCounts,
  type StatisticsSummary,
} from './statistics.rules.ts';

export type EditionDetail = {
  year: number;
  total: number;
  byRegion: GroupCounts[];
  byStratum: ReturnType<typeof countByStratum>;
  byCategory: ReturnType<typeof countByCategory>;
};

export type LabelStatistics = {
  /** Published editions, oldest first, with their counts per level. */
  trends: EditionTrend[];
  summary: StatisticsSummary | null;
  /** The edition shown in detail: the one asked for if it is published, else the latest. */
  detail: EditionDetail | null;
};

/** The statistics of the label over its published editions only: an edition under review counts nowhere. */
export async function getLabelStatistics(db: Db, year: number | null = null): Promise<LabelStatistics> {
  const trends = editionTrends(await listPublishedEditions(db));
  const years = trends.map((t) => t.year);
  const detailYear = year !== null && years.includes(year) ? year : (years.at(-1) ?? null);
  const results = detailYear === null ? null : await listEditionResults(db, detailYear);
  return {
    trends,
    summary: summarise(trends),
    detail:
      detailYear === null || !results
        ? null
        : {
            year: detailYear,
            total: results.length,
            byRegion: countByRegion(results),
            byStratum: countByStratum(results),
            byCategory: countByCategory(results),
          },
  };
}
