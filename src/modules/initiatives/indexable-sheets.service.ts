import { and, asc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { initiativeActors, initiatives, initiativeServices } from './schema.ts';

/** What another module may read of a public sheet to index it (the observatory). */
export type IndexableSheet = {
  id: string;
  territoryCode: string;
  title: string;
  summary: string;
  description: string;
  status: string;
  startDate: string | null;
  publishedAt: Date;
  responsibleDigital: boolean;
  audiences: string[];
  serviceIds: string[];
  actorIds: string[];
};

const publicSheet = and(eq(initiatives.visibility, 'public'), isNull(initiatives.deletedAt), isNotNull(initiatives.publishedAt));

/** Links of many sheets in two queries, whatever their number. */
async function withLinks(db: Db, rows: (typeof initiatives.$inferSelect)[]): Promise<IndexableSheet[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [services, actors] = await Promise.all([
    db
      .select({ initiativeId: initiativeServices.initiativeId, id: initiativeServices.serviceId })
      .from(initiativeServices)
      .where(inArray(initiativeServices.initiativeId, ids)),
    db
      .select({ initiativeId: initiativeActors.initiativeId, id: initiativeActors.actorId })
      .from(initiativeActors)
      .where(inArray(initiativeActors.initiativeId, ids)),
  ]);
  const group = (links: { initiativeId: string; id: string }[]) => {
    const map = new Map<string, string[]>();
    for (const link of links) map.set(link.initiativeId, [...(map.get(link.initiativeId) ?? []), link.id]);
    return map;
  };
  const servicesOf = group(services);
  const actorsOf = group(actors);
  // The filter keeps only published rows; the check narrows the type.
  return rows
    .flatMap((row) => (row.publishedAt ? [{ row, publishedAt: row.publishedAt }] : []))
    .map(({ row, publishedAt }) => ({
      id: row.id,
      territoryCode: row.territoryCode,
      title: row.title,
      summary: row.summary,
      description: row.description,
      status: row.status,
      startDate: row.startDate,
      publishedAt,
      responsibleDigital: row.responsibleDigital,
      audiences: [...row.audiences],
      serviceIds: (servicesOf.get(row.id) ?? []).sort(),
      actorIds: (actorsOf.get(row.id) ?? []).sort(),
    }));
}

/** The public sheets among these ids (the others are drafts, deleted or unknown). */
export async function listIndexableSheets(db: Db, ids: readonly string[]): Promise<IndexableSheet[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(publicSheet, inArray(initiatives.id, [...new Set(ids)])));
  return withLinks(db, rows);
}

/** One page of every public sheet, in id order after `afterId`: for rebuilding an index in batches. */
export async function pageIndexableSheets(db: Db, afterId: string | null, limit: number): Promise<IndexableSheet[]> {
  const rows = await db
    .select()
    .from(initiatives)
    .where(afterId ? and(publicSheet, gt(initiatives.id, afterId)) : publicSheet)
    .orderBy(asc(initiatives.id))
    .limit(limit);
  return withLinks(db, rows);
}

/** True when at least one public sheet exists. */
export async function hasPublicSheets(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: initiatives.id }).from(initiatives).where(publicSheet).limit(1);
  return row !== undefined;
}
