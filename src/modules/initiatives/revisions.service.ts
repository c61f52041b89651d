import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { describeServices } from '../referential/referential.service.ts';
import { fieldChanges, type FieldChange } from './revision-diff.rules.ts';
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

export type RevisionEntry = {
  version: number;
  at: Date;
  by: string | null;
  event: string;
  changedFields: string[];
  /** What changed since the previous version, field by field (empty for a creation or a change of state). */
  changes: FieldChange[];
  /** The content before and after this version, to describe the changes (before: none for the first). */
  before: SheetContent | null;
  after: SheetContent | null;
};

/** The history of a sheet, newest first, with people named and what each version changed. The caller has checked the sheet may be seen. */
export async function listRevisions(db: Db, initiativeId: string, limit = 20): Promise<RevisionEntry[]> {
  // One more than shown: the oldest shown needs the version before it to say what it changed.
  const rows = await db
    .select({
      version: initiativeRevisions.version,
      at: initiativeRevisions.createdAt,
      userId: initiativeRevisions.userId,
      event: initiativeRevisions.event,
      changedFields: initiativeRevisions.changedFields,
      snapshot: initiativeRevisions.snapshot,
    })
    .from(initiativeRevisions)
    .where(eq(initiativeRevisions.initiativeId, initiativeId))
    .orderBy(desc(initiativeRevisions.version))
    .limit(limit + 1);
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const contentOf = (row: (typeof rows)[number] | undefined) => ((row?.snapshot as Snapshot | undefined)?.content ?? null) as SheetContent | null;
  return rows.slice(0, limit).map((r, i) => {
    const after = contentOf(r);
    const older = rows[i + 1];
    // Versions follow each other: a gap (a row thinned out) is not a "previous version".
    const before = older && older.version === r.version - 1 ? contentOf(older) : null;
    return {
      version: r.version,
      at: r.at,
      by: r.userId ? (names.get(r.userId) ?? null) : null,
      event: r.event,
      changedFields: r.changedFields,
      changes: after && before ? fieldChanges(before, after) : [],
      before,
      after,
    };
  });
}

/** Names of the services and actors the history's changes add or remove, to show them in words. */
export async function namesInRevisions(db: Db, entries: readonly RevisionEntry[]): Promise<Map<string, string>> {
  const ids = { serviceIds: new Set<string>(), actorIds: new Set<string>() };
  for (const change of entries.flatMap((e) => e.changes)) {
    if (change.kind === 'set' && change.field !== 'audiences') for (const id of [...change.added, ...change.removed]) ids[change.field].add(id);
  }
  const [services, actors] = await Promise.all([
    ids.serviceIds.size ? describeServices(db, [...ids.serviceIds]) : new Map(),
    ids.actorIds.size ? getActorsByIds(db, [...ids.actorIds]) : [],
  ]);
  return new Map<string, string>([...[...services.values()].map((s) => [s.id, s.name] as const), ...actors.map((a) => [a.id, a.name] as const)]);
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
