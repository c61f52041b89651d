import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { changePlatformRole } from '../accounts/user-admin.service.ts';
import { accountsByIds, findUserIdByEmail, getUser, insertAccount, inviterName, sendAccountInvitation } from '../accounts/users.service.ts';
import { getEdition } from '../label/editions.service.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import './events.ts';
import { declaredConflictInput, insertDeclaredConflicts } from './juror-conflicts.service.ts';
import { juryMessages } from './jury.messages.ts';
import { jurors, reviews } from './schema.ts';

const e = juryMessages.errors;

/** Editions whose jury may still change: from its preparation to the jury's work; never once deliberated. */
const JURY_OPEN_STATES = new Set(['draft', 'open', 'closed', 'under_review']);

export async function editionWithOpenJury(db: Db, year: number) {
  const edition = await getEdition(db, year);
  if (!edition) throw new NotFoundError(e.editionNotFound);
  if (!JURY_OPEN_STATES.has(edition.state)) throw new ConflictError(e.juryClosed);
  return edition;
}

export const jurorInviteInput = z.object({
  email: z.email({ message: e.email }).trim().toLowerCase().max(254, { message: e.email }),
  displayName: z.string({ message: e.displayName }).trim().max(120, { message: e.displayName }).optional(),
  expertise: z.string({ message: e.expertise }).trim().max(200, { message: e.expertise }).optional(),
  greenReviewer: z.boolean({ message: juryMessages.fields.greenReviewer }).optional(),
  conflicts: z.array(declaredConflictInput).max(50).optional(),
});
export type JurorInvite = z.input<typeof jurorInviteInput>;

export type JurorSummary = {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  expertise: string | null;
  greenReviewer: boolean;
  conflictsConfirmedAt: Date | null;
  load: number;
  startedReviews: number;
  /** Conflicts declared by the juror or the staff (the derived ones show on the juror's page). */
  declaredConflicts: number;
};

/**
 * Invites someone to an edition's jury (`jury.manage`): a new address gets a juror account and its
 * invitation e-mail; an existing member account becomes a juror (its memberships stay, and count as
 * conflicts); an administrator cannot sit. The conflicts given are declared at once, by the staff.
 */
export async function inviteJuror(db: Db, caller: Caller | null, baseUrl: string, year: number, input: JurorInvite): Promise<JurorSummary> {
  requirePermission(caller, 'jury.manage');
  const data = parseOrThrow(jurorInviteInput, input);
  await editionWithOpenJury(db, year);
  const jurorId = await db.transaction(async (tx) => {
    const existingId = await findUserIdByEmail(tx, data.email);
    let userId: string;
    if (existingId) {
      const user = await getUser(tx, existingId);
      if (!user) throw new InvalidInputError({ email: e.email });
      if (user.role === 'admin') throw new InvalidInputError({ email: e.adminCannotSit });
      if (user.role !== 'juror') await changePlatformRole(tx, caller, existingId, 'juror');
      userId = existingId;
      await enqueueEmail(tx, {
        to: data.email,
        subject: juryMessages.email.subject(year),
        body: juryMessages.email.body({ year, link: `${baseUrl}/jury/${year}/conflits` }),
      });
    } else {
      const user = await insertAccount(tx, { email: data.email, displayName: data.displayName, role: 'juror' }, personIdOf(caller));
      await sendAccountInvitation(tx, baseUrl, user, { inviter: await inviterName(tx, caller), role: 'juror' });
      userId = user.id;
    }
    const [row] = await tx
      .insert(jurors)
      .values({ year, userId, expertise: data.expertise || null, greenReviewer: data.greenReviewer ?? false, invitedBy: personIdOf(caller) })
      .onConflictDoNothing()
      .returning({ id: jurors.id });
    if (!row) throw new ConflictError(e.alreadyJuror);
    if (data.conflicts?.length) await insertDeclaredConflicts(tx, caller, row.id, data.conflicts, 'admin');
    await emit(tx, 'juror.changed', { year, jurorId: row.id, userId, change: 'invited', by: personIdOf(caller) });
    return row.id;
  });
  const summary = (await listJurors(db, caller, year)).find((j) => j.id === jurorId);
  if (!summary) throw new NotFoundError(e.jurorNotFound);
  return summary;
}

/** The jurors of an edition with their load (dossiers assigned) and started reviews (`jury.manage`). */
export async function listJurors(db: Db, caller: Caller | null, year: number): Promise<JurorSummary[]> {
  requirePermission(caller, 'jury.manage');
  const rows = await db
    .select({
      id: jurors.id,
      userId: jurors.userId,
      expertise: jurors.expertise,
      greenReviewer: jurors.greenReviewer,
      conflictsConfirmedAt: jurors.conflictsConfirmedAt,
      load: sql<number>`(select count(*)::int from assignments a where a.juror_id = jurors.id)`,
      startedReviews: sql<number>`(select count(*)::int from reviews r where r.juror_id = jurors.id)`,
      declaredConflicts: sql<number>`(select count(*)::int from juror_conflicts c where c.juror_id = jurors.id)`,
    })
    .from(jurors)
    .where(eq(jurors.year, year));
  const accounts = await accountsByIds(
    db,
    rows.map((r) => r.userId),
  );
  return rows
    .map((r) => {
      const account = accounts.get(r.userId);
      return { ...r, email: account?.email ?? '', displayName: account?.displayName || account?.email || '' };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
}

/** Removes a juror who has not started any review (`jury.manage`); their unstarted assignments go with them. */
export async function removeJuror(db: Db, caller: Caller | null, year: number, jurorId: string): Promise<void> {
  requirePermission(caller, 'jury.manage');
  await editionWithOpenJury(db, year);
  await db.transaction(async (tx) => {
    const [juror] = await tx
      .select()
      .from(jurors)
      .where(and(eq(jurors.id, jurorId), eq(jurors.year, year)))
      .for('update');
    if (!juror) throw new NotFoundError(e.jurorNotFound);
    const [started] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(eq(reviews.jurorId, jurorId));
    if ((started?.n ?? 0) > 0) throw new ConflictError(e.hasStartedReviews);
    await tx.delete(jurors).where(eq(jurors.id, jurorId));
    await emit(tx, 'juror.changed', { year, jurorId, userId: juror.userId, change: 'removed', by: personIdOf(caller) });
  });
}

/** The juror record of this person for an edition, or null when they do not sit on its jury. */
export async function jurorRecordOf(db: Db, userId: string, year: number) {
  const [row] = await db
    .select()
    .from(jurors)
    .where(and(eq(jurors.userId, userId), eq(jurors.year, year)));
  return row ?? null;
}

export type OwnJury = { year: number; state: string; conflictsConfirmedAt: Date | null; dossiers: number };

/** The editions whose jury this juror sits on, newest first, with their number of dossiers (`jury.assignments.listOwn`). */
export async function ownJuries(db: Db, person: Caller | null): Promise<OwnJury[]> {
  requirePermission(person, 'jury.assignments.listOwn');
  const userId = personIdOf(person);
  if (!userId) return [];
  const rows = await db
    .select({
      year: jurors.year,
      conflictsConfirmedAt: jurors.conflictsConfirmedAt,
      dossiers: sql<number>`(select count(*)::int from assignments a where a.juror_id = jurors.id)`,
    })
    .from(jurors)
    .where(eq(jurors.userId, userId))
    .orderBy(sql`${jurors.year} desc`);
  const states = await Promise.all(rows.map(async (r) => (await getEdition(db, r.year))?.state ?? 'draft'));
  return rows.map((r, i) => ({ ...r, state: states[i] ?? 'draft' }));
}
