import type { Db } from '../../platform/db/database.ts';
import { refreshLabelLevels } from '../observatory/search-index.service.ts';
import { recordImportedResults, type RecordResultsOutcome, type ResultInput } from './results.service.ts';

/**
 * Records results and lets the rest of the platform follow in the same transaction: the
 * observatory's "label level" facet of the territories' sheets.
 */
export async function recordResults(tx: Db, rows: ResultInput[], importId: string | null): Promise<RecordResultsOutcome> {
  const outcome = await recordImportedResults(tx, rows, importId);
  await refreshLabelLevels(tx, outcome.territoryCodes);
  return outcome;
}
