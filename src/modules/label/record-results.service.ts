import type { Db } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { recordImportedResults, type RecordResultsOutcome, type ResultInput } from './results.service.ts';

/**
 * Records results and tells the rest of the platform in the same transaction (the observatory's
 * "label level" facet of the territories' sheets follows). Checks `results.import`.
 */
export async function recordResults(tx: Db, caller: Caller | null, rows: ResultInput[], importId: string | null): Promise<RecordResultsOutcome> {
  const outcome = await recordImportedResults(tx, caller, rows, importId);
  if (outcome.territoryCodes.length) {
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    await emit(tx, 'results.changed', { territoryCodes: outcome.territoryCodes, years, importId, by: caller ? personIdOf(caller) : null });
  }
  return outcome;
}
