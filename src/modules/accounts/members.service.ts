import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation, type Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { memberInviteInput, memberRoleInput, type MemberInviteInput } from './account-input.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { accountMessages } from './messages.ts';
import { personIdOf, type Caller } from './permissions.rules.ts';
import type { TerritoryRole } from './roles.rules.ts';
import { memberships, users } from './schema.ts';
import { invitationsOfTerritory, putInvitation, type TerritoryInvitation } from './membership-invitations.service.ts';
import { displayNamesOf, insertAccount, issueUserToken, passwordLink } from './users.service.ts';

const m = accountMessages.members;

// A territory's referent (or the system) manages its members. Every function checks `members.manage`
// for the territory first, and every query is scoped by that territory: a user id of another territory is
// "not a member" (404), never touched.

export type Member = {
  userId: string;
  email: string;
  displayName: string | null;
  role: TerritoryRole;
  /** False while the invitation is pending (no password chosen yet). */
  hasPassword: boolean;
  /** When the person joined the territory. */
  createdAt: Date;
};

const memberColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  createdAt: memberships.createdAt,
};

// Referents first, then contributors, then readers; by name (or address) within a role.
const roleOrder = sql`case ${memberships.role} when 'referent' then 0 when 'contributor' then 1 else 2 end`;
const nameOrder = sql`lower(coalesce(nullif(${users.displayName}, ''), ${users.email}))`;

/** The members of a territory, referents first then by name. */
export async function listMembers(db: Db, caller: Caller | null, territoryCode: string): Promise<Member[]> {
  requirePermission(caller, 'members.manage', { territoryCode });
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.territoryCode, territoryCode))
    .orderBy(roleOrder, nameOrder, asc(users.email));
}

/** The invitations of a territory still waiting for an answer (`members.manage`). */
export async function listInvitations(db: Db, caller: Caller | null, territoryCode: string): Promise<TerritoryInvitation[]> {
  requirePermission(caller, 'members.manage', { territoryCode });
  return invitationsOfTerritory(db, territoryCode);
}

/** One member of the territory; 404 when this user is not a member of it. */
export async function getMember(db: Db, caller: Caller | null, territoryCode: string, userId: string): Promise<Member> {
  requirePermission(caller, 'members.manage', { territoryCode });
  const territoryName = await nameOf(db, territoryCode);
  const member = await findMember(db, territoryCode, userId);
  if (!member) throw new NotFoundError(m.notMember(territoryName));
  return member;
}

export type InviteResult = {
  /** The invitation written: the referent's notice names it, and it reveals nothing of the account. */
  invitationId: string;
  email: string;
};

/**
 * Invites someone into the territory: nobody joins without consenting. An address without an
 * account gets one (platform role `member`, no password) and a link to choose a password, which
 * accepts the invitation; an account still waiting for its password gets a fresh such link; an
 * active account gets an email asking to accept the invitation from its account page. The
 * referent is answered the same in every case (the invitation, with what they typed), so inviting
 * tells nothing about who has an account. All or nothing.
 */
export async function inviteMember(db: Db, caller: Caller | null, baseUrl: string, territoryCode: string, input: MemberInviteInput): Promise<InviteResult> {
  requirePermission(caller, 'members.manage', { territoryCode });
  const data = parseOrThrow(memberInviteInput, input);
  // Two referents inviting the same new address at once: the second creation hits the unique email,
  // and its retry finds the account the first one created.
  try {
    return await inviteOnce(db, caller, baseUrl, territoryCode, data);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return inviteOnce(db, caller, baseUrl, territoryCode, data);
  }
}

async function inviteOnce(db: Db, caller: Caller, baseUrl: string, territoryCode: string, data: z.output<typeof memberInviteInput>): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const territoryName = await nameOf(tx, territoryCode);
    const inviterId = personIdOf(caller);
    const inviter = (inviterId && (await displayNamesOf(tx, [inviterId])).get(inviterId)) || accountMessages.roles.territory.referent;
    const role = accountMessages.roles.territory[data.role];
    const mail = { inviter, territory: territoryName, role, roleDescription: m.roleDescriptions[data.role] };

    const [existing] = await tx
      .select({ id: users.id, email: users.email, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(eq(users.email, data.email));
    // Already a member: the referent sees it in the list anyway, so saying so tells nothing new.
    if (existing && (await findMember(tx, territoryCode, existing.id))) throw new InvalidInputError({ email: m.alreadyMember(territoryName) });
    const account = existing ?? {
      ...(await insertAccount(tx, { email: data.email, displayName: data.displayName, role: 'member' }, inviterId)),
      hasPassword: false,
    };
    const invitationId = await putInvitation(tx, {
      userId: account.id,
      territoryCode,
      role: data.role,
      displayName: data.displayName ?? null,
      invitedBy: inviterId,
    });
    if (account.hasPassword) {
      await enqueueEmail(tx, {
        to: account.email,
        subject: m.emails.invitationSubject(territoryName),
        body: m.emails.invitedBody({ ...mail, link: `${baseUrl}/compte#invitations` }),
      });
    } else {
      await sendInvitation(tx, baseUrl, account, mail);
    }
    return { invitationId, email: account.email };
  });
}

/** Changes a member's role; refused if it would leave the territory without a referent. */
export async function changeMemberRole(db: Db, caller: Caller | null, territoryCode: string, userId: string, role: TerritoryRole): Promise<Member> {
  requirePermission(caller, 'members.manage', { territoryCode });
  return db.transaction(async (tx) => {
    const territoryName = await nameOf(tx, territoryCode);
    const { target, referents } = await lockMembers(tx, territoryCode, userId, territoryName);
    const data = parseOrThrow(memberRoleInput, { role });
    if (target.role === 'referent' && data.role !== 'referent' && referents === 1) {
      throw new InvalidInputError({ role: m.lastReferentDemoted(territoryName) });
    }
    if (target.role !== data.role) {
      await tx
        .update(memberships)
        .set({ role: data.role })
        .where(and(eq(memberships.territoryCode, territoryCode), eq(memberships.userId, target.userId)));
      await emit(tx, 'account.membership.changed', {
        userId: target.userId,
        territoryCode,
        change: 'role_changed',
        role: data.role,
        previousRole: target.role,
        byUserId: personIdOf(caller),
      });
    }
    const member = await findMember(tx, territoryCode, target.userId);
    if (!member) throw new Error(`member ${target.userId} of ${territoryCode} vanished while locked`);
    return member;
  });
}

/** Removes someone from the territory (their account stays); refused for its last referent. */
export async function removeMember(db: Db, caller: Caller | null, territoryCode: string, userId: string): Promise<Member> {
  requirePermission(caller, 'members.manage', { territoryCode });
  return db.transaction(async (tx) => {
    const territoryName = await nameOf(tx, territoryCode);
    const { target, referents } = await lockMembers(tx, territoryCode, userId, territoryName);
    if (target.role === 'referent' && referents === 1) {
      throw new InvalidInputError({ userId: m.lastReferentRemoved(territoryName) });
    }
    const removed = await findMember(tx, territoryCode, target.userId);
    if (!removed) throw new Error(`member ${target.userId} of ${territoryCode} vanished while locked`);
    await tx.delete(memberships).where(and(eq(memberships.territoryCode, territoryCode), eq(memberships.userId, target.userId)));
    await emit(tx, 'account.membership.changed', { userId: target.userId, territoryCode, change: 'removed', role: target.role, byUserId: personIdOf(caller) });
    return removed;
  });
}

async function nameOf(db: Db, territoryCode: string): Promise<string> {
  const territory = await getTerritory(db, territoryCode);
  if (!territory) throw new NotFoundError();
  return territory.name;
}

const uuid = z.uuid();

async function findMember(db: Db, territoryCode: string, userId: string): Promise<Member | undefined> {
  if (!uuid.safeParse(userId).success) return undefined;
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.territoryCode, territoryCode), eq(memberships.userId, userId)));
  return row;
}

/**
 * Locks every membership of the territory for the rest of the transaction, so that two referents
 * demoting each other at the same moment cannot leave it without any: the second one waits, then
 * sees the first one's change. Answers the member acted on (404 if not one) and the referent count.
 */
async function lockMembers(tx: Db, territoryCode: string, userId: string, territoryName: string) {
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.territoryCode, territoryCode))
    .for('update');
  const target = uuid.safeParse(userId).success ? rows.find((r) => r.userId === userId) : undefined;
  if (!target) throw new NotFoundError(m.notMember(territoryName));
  return { target, referents: rows.filter((r) => r.role === 'referent').length };
}

async function sendInvitation(
  tx: Db,
  baseUrl: string,
  user: { id: string; email: string },
  mail: { inviter: string; territory: string; role: string; roleDescription: string },
) {
  const token = await issueUserToken(tx, user.id, 'invitation');
  const link = passwordLink(baseUrl, token);
  await enqueueEmail(tx, {
    to: user.email,
    subject: m.emails.invitationSubject(mail.territory),
    body: m.emails.invitationBody({ ...mail, link }),
    secrets: [link],
  });
}
