import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { isUuid, parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Action, Person, PermissionContext } from '../accounts/permissions.rules.ts';
import { memberAddressesOf } from '../accounts/users.service.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import { lifecycleStateOf, nextState } from './initiative-lifecycle.rules.ts';
import { loadContent, maySee, sheetOf, type InitiativeRow, type Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { recordRevision, type RevisionEvent } from './revisions.service.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { publicationColumns } from './save-initiative.service.ts';
import { initiatives } from './schema.ts';

type Change = PgUpdateSetSource<typeof initiatives>;

/** What a state change checks once the row is locked: may it be seen (404 otherwise), and which declared action allows it. */
type Guard = (row: InitiativeRow) => { action: Action; context?: PermissionContext };

/**
 * Changes a sheet's state (not its content) under a row lock and records it: one new version, so
 * a form opened before sees that something happened. The guard's action is checked on the locked
 * row before `change` says what to write (null: nothing to do).
 */
async function changeState(
  db: Db,
  person: Person | null,
  id: string,
  guard: Guard,
  change: (row: InitiativeRow, by: Person) => Change | null,
  event: RevisionEvent,
  /** Runs in the same transaction once the change is written (e.g. emails through the outbox). */
  onChanged?: (tx: Db, row: InitiativeRow) => Promise<void>,
): Promise<Sheet> {
  // An id from a URL that is no UUID names no sheet (and would fail the query).
  if (!isUuid(id)) throw new NotFoundError(m.api.notFound(id));
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for('update');
    if (!row) throw new NotFoundError(m.api.notFound(id));
    const { action, context } = guard(row);
    requirePermission(person, action, context);
    const columns = change(row, person);
    if (!columns) return row;
    const [updated] = await tx
      .update(initiatives)
      .set({ ...columns, version: row.version + 1, updatedBy: person.id, updatedAt: sql`now()` })
      .where(eq(initiatives.id, id))
      .returning();
    if (!updated) throw new Error(`initiative ${id} not updated though locked`);
    await recordRevision(tx, updated, person.id, event, [], await loadContent(tx, updated));
    await emit(tx, 'initiative.changed', { initiativeIds: [id], territoryCode: updated.territoryCode, change: event, by: person.id });
    await onChanged?.(tx, updated);
    return updated;
  });
  return sheetOf(db, row);
}

/** Visible to every person who may see it: a 404 otherwise, then the declared rule of the action in the sheet's territory. */
const visibleThen =
  (person: Person | null, action: 'initiative.publish' | 'initiative.delete'): Guard =>
  (row) => {
    if (row.deletedAt || !maySee(person, row)) throw new NotFoundError(m.api.notFound(row.id));
    return { action, context: { territoryCode: row.territoryCode } };
  };

export async function setVisibility(db: Db, person: Person | null, id: string, visibility: 'draft' | 'public'): Promise<Sheet> {
  return changeState(
    db,
    person,
    id,
    visibleThen(person, 'initiative.publish'),
    // Publishing what is public (or unpublishing a draft) changes nothing.
    (row) => (nextState(lifecycleStateOf(row), visibility === 'public' ? 'publish' : 'unpublish') ? publicationColumns(visibility) : null),
    visibility === 'public' ? 'published' : 'unpublished',
  );
}

/** Soft delete: the sheet leaves every page and list; an administrator can restore it. */
export async function deleteInitiative(db: Db, person: Person | null, id: string): Promise<Sheet> {
  return changeState(db, person, id, visibleThen(person, 'initiative.delete'), (_row, by) => ({ deletedAt: sql`now()`, deletedBy: by.id }), 'deleted');
}

/** Brings a deleted sheet back, as a draft: its territory decides when to publish it again. */
export async function restoreInitiative(db: Db, person: Person | null, id: string): Promise<Sheet> {
  requirePermission(person, 'initiative.restore');
  return changeState(
    db,
    person,
    id,
    () => ({ action: 'initiative.restore' }),
    (row) => (nextState(lifecycleStateOf(row), 'restore') ? { deletedAt: null, deletedBy: null, visibility: 'draft', publishedAt: null } : null),
    'restored',
  );
}

export const moderationInput = z.object({
  reason: z.string({ message: m.input.reasonRequired }).trim().min(3, m.input.reasonRequired).max(1000, m.input.tooLong(1000)),
});

/** An administrator unpublishes a sheet; the reason is shown to the territory until it publishes again. */
export async function moderateInitiative(db: Db, person: Person | null, baseUrl: string, id: string, input: unknown): Promise<Sheet> {
  requirePermission(person, 'initiative.moderate');
  const { reason } = parseOrThrow(moderationInput, input);
  return changeState(
    db,
    person,
    id,
    () => ({ action: 'initiative.moderate' }),
    (row, by) => {
      if (row.deletedAt) throw new NotFoundError(m.api.notFound(id));
      if (!nextState(lifecycleStateOf(row), 'moderate')) throw new ConflictError(m.input.notPublished, 'reason');
      return { visibility: 'draft', publishedAt: null, moderationReason: reason, moderatedAt: sql`now()`, moderatedBy: by.id };
    },
    'moderated',
    async (tx, row) => {
      // The territory learns it at once, not only at its next visit to the workspace.
      for (const to of await memberAddressesOf(tx, row.territoryCode, ['referent', 'contributor'])) {
        await enqueueEmail(tx, {
          to,
          subject: m.moderationEmail.subject(row.title),
          body: m.moderationEmail.body(row.title, reason, `${baseUrl}/espace/${row.territoryCode}/initiatives/${row.id}`),
        });
      }
    },
  );
}

/** Deleted sheets, for the administrators who may restore them. */
export async function listDeletedInitiatives(db: Db, person: Person | null) {
  requirePermission(person, 'initiative.restore');
  const rows = await db
    .select({ id: initiatives.id, title: initiatives.title, territoryCode: initiatives.territoryCode, deletedAt: initiatives.deletedAt })
    .from(initiatives)
    .where(and(isNotNull(initiatives.deletedAt)))
    .orderBy(desc(initiatives.deletedAt))
    .limit(200);
  const territories = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
  return rows.map((r) => {
    const { deletedAt } = r;
    if (!deletedAt) throw new Error(`initiative ${r.id} is listed as deleted without a deletion date`);
    return { ...r, territoryName: territories.get(r.territoryCode) ?? r.territoryCode, deletedAt };
  });
}
