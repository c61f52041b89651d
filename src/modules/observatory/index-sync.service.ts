import type { Db } from '../../platform/db/database.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { listIndexableSheets, pageIndexableSheets, hasPublicSheets, type IndexableSheet } from '../initiatives/indexable-sheets.service.ts';
import { describeServices } from '../referential/referential.service.ts';
import { countIndexEntries, indexInitiatives, removeAllExcept, removeFromIndex, type SearchEntryInput } from './search-index.service.ts';

/** Sheets re-indexed per statement when the whole index is rebuilt. */
const REBUILD_BATCH = 500;

/** The entries of these sheets, with the services and actors they name read in one query each. */
async function entriesOf(tx: Db, sheets: readonly IndexableSheet[]): Promise<SearchEntryInput[]> {
  const [services, actors] = await Promise.all([
    describeServices(
      tx,
      sheets.flatMap((s) => s.serviceIds),
    ),
    getActorsByIds(
      tx,
      sheets.flatMap((s) => s.actorIds),
    ),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, { id: a.id, name: a.name }]));
  return sheets.map(({ id, serviceIds, actorIds, ...fields }) => ({
    ...fields,
    initiativeId: id,
    services: serviceIds.flatMap((serviceId) => services.get(serviceId) ?? []),
    actors: actorIds.flatMap((actorId) => actorById.get(actorId) ?? []),
  }));
}

/**
 * Keeps the index in step with these sheets, in the transaction that changed them: the public ones
 * are (re)indexed, the others leave the index.
 */
export async function syncIndexEntries(tx: Db, initiativeIds: readonly string[]): Promise<void> {
  const sheets = await listIndexableSheets(tx, initiativeIds);
  const kept = new Set(sheets.map((s) => s.id));
  await removeFromIndex(
    tx,
    initiativeIds.filter((id) => !kept.has(id)),
  );
  await indexInitiatives(tx, await entriesOf(tx, sheets));
}

/**
 * Rebuilds the whole index from the public sheets, a batch per statement, in the caller's
 * transaction (a referential publication re-indexes with the version it publishes).
 */
export async function rebuildIndex(tx: Db): Promise<number> {
  const seen: string[] = [];
  for (let after: string | null = null; ;) {
    const sheets = await pageIndexableSheets(tx, after, REBUILD_BATCH);
    if (sheets.length === 0) break;
    await indexInitiatives(tx, await entriesOf(tx, sheets));
    for (const sheet of sheets) seen.push(sheet.id);
    after = sheets[sheets.length - 1]?.id ?? null;
  }
  await removeAllExcept(tx, seen);
  return seen.length;
}

/** True when public sheets exist that the index does not hold (an index added to an existing database). */
export async function indexNeedsRebuild(db: Db): Promise<boolean> {
  return (await hasPublicSheets(db)) && (await countIndexEntries(db)) === 0;
}
