import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { countIndexEntries, indexInitiative, removeFromIndex } from '../observatory/search-index.service.ts';
import { describeServices } from '../referential/referential.service.ts';
import { loadContent, type InitiativeRow } from './initiative-sheet.service.ts';
import { initiatives } from './schema.ts';

/**
 * Keeps the observatory's index in step with a sheet, in the transaction that changed it: a public
 * sheet is (re)indexed, any other leaves the index.
 */
export async function syncSearchEntry(tx: Db, row: InitiativeRow): Promise<void> {
  if (row.visibility !== 'public' || row.deletedAt || !row.publishedAt) {
    await removeFromIndex(tx, row.id);
    return;
  }
  const content = await loadContent(tx, row);
  const [services, actors] = await Promise.all([describeServices(tx, content.serviceIds), content.actorIds.length ? getActorsByIds(tx, content.actorIds) : []]);
  await indexInitiative(tx, {
    initiativeId: row.id,
    territoryCode: row.territoryCode,
    title: content.title,
    summary: content.summary,
    description: content.description,
    status: content.status,
    startDate: content.startDate,
    publishedAt: row.publishedAt,
    responsibleDigital: content.responsibleDigital,
    audiences: content.audiences,
    services: [...services.values()],
    actors: actors.map((a) => ({ id: a.id, name: a.name })),
  });
}

/** Rebuilds the index from the public sheets (first start after an upgrade, or on demand). */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.visibility, 'public'), isNull(initiatives.deletedAt)));
  for (const row of rows) await db.transaction((tx) => syncSearchEntry(tx, row));
  return rows.length;
}

/** True when public sheets exist that the index does not hold (an index added to an existing database). */
export async function searchIndexNeedsRebuild(db: Db): Promise<boolean> {
  const [publicCount] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.visibility, 'public'), isNull(initiatives.deletedAt)))
    .limit(1);
  return publicCount !== undefined && (await countIndexEntries(db)) === 0;
}
