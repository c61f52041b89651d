import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import type { EditableField, SheetContent } from './initiative.rules.ts';
import type { InitiativeRow } from './initiative-sheet.service.ts';
import { initiativeRevisions } from './schema.ts';

export const REVISION_EVENTS = ['created', 'edited', 'published', 'unpublished', 'moderated', 'deleted', 'restored', 'photo_added', 'photo_removed'] as const;
export type RevisionEvent = (typeof REVISION_EVENTS)[number];

type Snapshot = { content: SheetContent; visibility: string };

/** Records the version a change produced: who, when, which fields, and the content as saved. */
export async function recordRevision(
  tx: Db,
  row: InitiativeRow,
  userId: string,
  event: RevisionEvent,
  changedFields: EditableField[],
  content: SheetContent,
): Promise<void> {
  const snapshot: Snapshot = { content, visibility: row.visibility };
  await tx.insert(initiativeRevisions).values({ initiativeId: row.id, version: row.version, userId, event, changedFields, snapshot, createdAt: sql`now()` });
}

/** The content as it was at a version: the base of a three-way merge. */
export async function revisionSnapshot(db: Db, initiativeId: string, version: number): Promise<Snapshot | null> {
  const [row] = await db
    .select({ snapshot: initiativeRevisions.snapshot })
    .from(initiativeRevisions)
    .where(and(eq(initiativeRevisions.initiativeId, initiativeId), eq(initiativeRevisions.version, version)));
  return (row?.snapshot as Snapshot | undefined) ?? null;
}

export type RevisionEntry = { version: number; at: Date; by: string | null; event: string; changedFields: string[] };

/** The history of a sheet, newest first, with people named. The caller has checked the sheet may be seen. */
export async function listRevisions(db: Db, initiativeId: string, limit = 50): Promise<RevisionEntry[]> {
  const rows = await db
    .select({
      version: initiativeRevisions.version,
      at: initiativeRevisions.createdAt,
      userId: initiativeRevisions.userId,
      event: initiativeRevisions.event,
      changedFields: initiativeRevisions.changedFields,
    })
    .from(initiativeRevisions)
    .where(eq(initiativeRevisions.initiativeId, initiativeId))
    .orderBy(desc(initiativeRevisions.version))
    .limit(limit);
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  return rows.map((r) => ({
    version: r.version,
    at: r.at,
    by: r.userId ? (names.get(r.userId) ?? null) : null,
    event: r.event,
    changedFields: r.changedFields,
  }));
}

/** Every change the person made to sheets (which sheet, when, what), for the data they download. */
export async function revisionsBy(db: Db, userId: string) {
  return db
    .select({
      initiativeId: initiativeRevisions.initiativeId,
      version: initiativeRevisions.version,
      at: initiativeRevisions.createdAt,
      event: initiativeRevisions.event,
      changedFields: initiativeRevisions.changedFields,
    })
    .from(initiativeRevisions)
    .where(eq(initiativeRevisions.userId, userId))
    .orderBy(desc(initiativeRevisions.createdAt));
}
