import type { Db } from '../../platform/db/database.ts';
import { listDistinctions, listEditionResults, listPublishedEditionYears, type EditionResult } from './results.service.ts';

/** A département or a région, by its INSEE code (« 49 », « 52 »). */
export type LabelArea = { kind: 'departement' | 'region'; code: string };

export type AreaLaureates = { year: number; laureates: EditionResult[]; distinctionNames: Record<string, string> };

/**
 * The laureates of the latest published edition located in a département or a région, best levels
 * first then by name (the palmarès order); null before any edition is published.
 */
export async function listAreaLaureates(db: Db, area: LabelArea): Promise<AreaLaureates | null> {
  const year = (await listPublishedEditionYears(db)).at(-1);
  if (year === undefined) return null;
  const [results, distinctions] = await Promise.all([listEditionResults(db, year), listDistinctions(db)]);
  const inArea = (r: EditionResult) => (area.kind === 'departement' ? r.department?.code === area.code : r.region?.code === area.code);
  return { year, laureates: (results ?? []).filter(inArea), distinctionNames: Object.fromEntries(distinctions.map((d) => [d.code, d.name])) };
}
