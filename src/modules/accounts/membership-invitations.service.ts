import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { accountMessages } from './messages.ts';
import { personIdOf, type Caller } from './permissions.rules.ts';
import type { TerritoryRole } from './roles.rules.ts';
import { membershipInvitations, memberships, users } from './schema.ts';

const m = accountMessages.invitations;

// A referent's invitation waits for the invited person: they join the territory when they accept it
// (from their account page) or when they activate the account the invitation created for them.

/** An invitation as the territory's referent sees it: the address and the name they typed. */
export type TerritoryInvitation = { id: string; email: string; displayName: string | null; role: TerritoryRole; createdAt: Date };

/** An invitation as the invited person sees it. */
export type ReceivedInvitation = { id: string; territoryCode: string; territoryName: string; role: TerritoryRole; invitedBy: string | null; createdAt: Date };

/** The invitations of a territory waiting for an answer; the caller has checked `members.manage`. */
export async function invitationsOfTerritory(db: Db, territoryCode: string): Promise<TerritoryInvitation[]> {
  return db
    .select({
      id: membershipInvitations.id,
      email: users.email,
      displayName: membershipInvitations.displayName,
      role: membershipInvitations.role,
      createdAt: membershipInvitations.createdAt,
    })
    .from(membershipInvitations)
    .innerJoin(users, eq(users.id, membershipInvitations.userId))
    .where(eq(membershipInvitations.territoryCode, territoryCode))
    .orderBy(asc(users.email));
}

/** Writes (or renews, with the new role and name) the invitation of an account into a territory. */
export async function putInvitation(
  tx: Db,
  invitation: { userId: string; territoryCode: string; role: TerritoryRole; displayName: string | null; invitedBy: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(membershipInvitations)
    .values(invitation)
    .onConflictDoUpdate({
      target: [membershipInvitations.userId, membershipInvitations.territoryCode],
      set: { role: invitation.role, displayName: invitation.displayName, invitedBy: invitation.invitedBy, createdAt: sql`now()` },
    })
    .returning({ id: membershipInvitations.id });
  if (!row) throw new Error('an upsert returned no row');
  await emit(tx, 'account.membership.changed', {
    userId: invitation.userId,
    territoryCode: invitation.territoryCode,
    change: 'invited',
    role: invitation.role,
    byUserId: invitation.invitedBy,
  });
  return row.id;
}

/** A referent withdraws an invitation of their territory (`members.manage`); 404 for any other. */
export async function cancelInvitation(db: Db, caller: Caller | null, territoryCode: string, invitationId: string): Promise<TerritoryInvitation> {
  requirePermission(caller, 'members.manage', { territoryCode });
  return db.transaction(async (tx) => {
    const [invitation] = (await invitationsOfTerritory(tx, territoryCode)).filter((i) => i.id === invitationId);
    const [removed] = invitation
      ? await tx
          .delete(membershipInvitations)
          .where(and(eq(membershipInvitations.id, invitation.id), eq(membershipInvitations.territoryCode, territoryCode)))
          .returning({ userId: membershipInvitations.userId, role: membershipInvitations.role })
      : [];
    if (!invitation || !removed) throw new NotFoundError(m.notFound);
    await emit(tx, 'account.membership.changed', {
      userId: removed.userId,
      territoryCode,
      change: 'invitation_cancelled',
      role: removed.role,
      byUserId: personIdOf(caller),
    });
    return invitation;
  });
}

/** The invitations a person received and has not answered yet (`account.view`). */
export async function receivedInvitations(db: Db, caller: Caller | null): Promise<ReceivedInvitation[]> {
  requirePermission(caller, 'account.view');
  const userId = personIdOf(caller);
  if (!userId) return [];
  const rows = await db
    .select({
      id: membershipInvitations.id,
      territoryCode: membershipInvitations.territoryCode,
      role: membershipInvitations.role,
      createdAt: membershipInvitations.createdAt,
      inviter: sql<
        string | null
      >`(select coalesce(nullif(u.display_name, ''), u.email) from users u where u.id = ${membershipInvitations.invitedBy} and u.deleted_at is null)`,
    })
    .from(membershipInvitations)
    .where(eq(membershipInvitations.userId, userId))
    .orderBy(membershipInvitations.createdAt);
  const names = new Map((await getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))])).map((t) => [t.code, t.name]));
  return rows.map((r) => ({
    id: r.id,
    territoryCode: r.territoryCode,
    territoryName: names.get(r.territoryCode) ?? r.territoryCode,
    role: r.role,
    invitedBy: r.inviter,
    createdAt: r.createdAt,
  }));
}

/**
 * The invited person accepts (they become a member with the role offered) or declines (the
 * invitation is gone) an invitation of theirs (`account.invitations.answer`); 404 for anyone else's.
 */
export async function answerInvitation(db: Db, caller: Caller | null, invitationId: string, answer: 'accept' | 'decline') {
  requirePermission(caller, 'account.invitations.answer');
  const userId = personIdOf(caller);
  return db.transaction(async (tx) => {
    const [invitation] = userId
      ? await tx
          .delete(membershipInvitations)
          .where(and(eq(membershipInvitations.id, invitationId), eq(membershipInvitations.userId, userId)))
          .returning({ territoryCode: membershipInvitations.territoryCode, role: membershipInvitations.role })
      : [];
    if (!invitation || !userId) throw new NotFoundError(m.notFound);
    if (answer === 'accept') await join(tx, userId, invitation);
    else
      await emit(tx, 'account.membership.changed', {
        userId,
        territoryCode: invitation.territoryCode,
        change: 'declined',
        role: invitation.role,
        byUserId: userId,
      });
    return invitation;
  });
}

/** At activation through an invitation link: the person accepts every invitation waiting for them. */
export async function joinInvitedTerritories(tx: Db, userId: string): Promise<void> {
  const waiting = await tx
    .delete(membershipInvitations)
    .where(eq(membershipInvitations.userId, userId))
    .returning({ territoryCode: membershipInvitations.territoryCode, role: membershipInvitations.role });
  for (const invitation of waiting) await join(tx, userId, invitation);
}

async function join(tx: Db, userId: string, invitation: { territoryCode: string; role: TerritoryRole }) {
  // Already a member meanwhile (an administrator added them): the membership they have stays.
  const added = await tx
    .insert(memberships)
    .values({ userId, territoryCode: invitation.territoryCode, role: invitation.role })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  if (added.length === 0) return;
  await emit(tx, 'account.membership.changed', { userId, territoryCode: invitation.territoryCode, change: 'joined', role: invitation.role, byUserId: userId });
}
