import type { Db } from '../../platform/db/database.ts';
import { summarisePublicInitiatives } from '../initiatives/public-initiatives.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { getPublishedEdition, listPublishedEditions, listPublishedResults } from '../label/results.service.ts';
import type { Dataset, DatasetId, DatasetRow, LoadContext } from './dataset.ts';
import { DATASETS } from './datasets.ts';
import { buildWorkbook } from './workbook.ts';

export type DatasetOverview = {
  dataset: Dataset;
  rowCount: number;
  /** What the data is up to date with: an edition, a moment, a referential version. */
  updated: { edition: number } | { at: Date } | { version: string; at: Date | null } | null;
};

export type OpenDataOverview = {
  generatedAt: Date;
  /** Published editions, newest first. */
  editions: number[];
  datasets: DatasetOverview[];
};

/** What the open-data page says about each dataset, without building the files. */
export async function getOpenDataOverview(db: Db): Promise<OpenDataOverview> {
  const [editions, results, initiatives, referential] = await Promise.all([
    listPublishedEditions(db),
    listPublishedResults(db),
    summarisePublicInitiatives(db),
    getCurrentReferential(db),
  ]);
  const latest = editions[0]?.year;
  const edition = latest === undefined ? null : { edition: latest };
  const counts: Record<DatasetId, number> = {
    'territoires-labellises': new Set(results.map((r) => r.territoryCode)).size,
    palmares: results.length,
    initiatives: initiatives.total,
    referentiel: referential.axes.reduce((n, a) => n + a.themes.reduce((k, t) => k + t.services.length, 0), 0),
  };
  const updated: Record<DatasetId, DatasetOverview['updated']> = {
    'territoires-labellises': edition,
    palmares: edition,
    initiatives: initiatives.lastUpdatedAt ? { at: initiatives.lastUpdatedAt } : null,
    referentiel: { version: referential.version, at: referential.publishedAt },
  };
  return {
    generatedAt: new Date(),
    editions: editions.map((e) => e.year),
    datasets: DATASETS.map((dataset) => ({ dataset, rowCount: counts[dataset.id], updated: updated[dataset.id] })),
  };
}

/** Whether the palmarès of a year is public (an edition under review is not). */
export async function isEditionPublished(db: Db, year: number): Promise<boolean> {
  return (await getPublishedEdition(db, year)) !== null;
}

export async function loadDatasetRows(db: Db, dataset: Dataset, context: LoadContext): Promise<DatasetRow[]> {
  return dataset.load(db, context);
}

/** The whole workbook, every dataset in full. */
export async function buildOpenDataWorkbook(db: Db, context: { baseUrl: string }): Promise<Buffer> {
  const [loaded, editions] = await Promise.all([
    Promise.all(DATASETS.map(async (dataset) => ({ dataset, rows: await dataset.load(db, context) }))),
    listPublishedEditions(db),
  ]);
  return buildWorkbook(loaded, {
    generatedAt: new Date(),
    latestEdition: editions[0]?.year ?? null,
    pageUrl: `${context.baseUrl.replace(/\/$/, '')}/open-data`,
  });
}
