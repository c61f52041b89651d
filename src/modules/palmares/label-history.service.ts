import type { Db } from '../../platform/db/database.ts';
import { labelTimeline, type TimelineEntry } from './label-history.rules.ts';
import { getTerritoryLabelHistory, listDistinctions, listPublishedEditionYears, type TerritoryLabelHistory } from '../label/results.service.ts';

export type TerritoryLabel = {
  history: TerritoryLabelHistory;
  /** Every published edition since the first label, with or without a result. */
  timeline: TimelineEntry[];
  distinctionNames: Record<string, string>;
};

/** What a territory page shows of the label: published editions only. */
export async function getTerritoryLabel(db: Db, territoryCode: string): Promise<TerritoryLabel> {
  const [history, published, distinctions] = await Promise.all([
    getTerritoryLabelHistory(db, territoryCode),
    listPublishedEditionYears(db),
    listDistinctions(db),
  ]);
  return {
    history,
    timeline: labelTimeline(history.results, published),
    distinctionNames: Object.fromEntries(distinctions.map((d) => [d.code, d.name])),
  };
}
