import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { getTerritoriesByCodes, getTerritory } from '../territories/search-territories.service.ts';
import { newUserInput, type NewUserInput } from './account-input.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { inviteMember } from './members.service.ts';
import { accountMessages } from './messages.ts';
import { personIdOf, type Caller } from './permissions.rules.ts';
import { PLATFORM_ROLES, type PlatformRole } from './roles.rules.ts';
import { membershipInvitations, memberships, users } from './schema.ts';
import { deleteUserSessions } from './session.service.ts';
import { inviterName, inviteUser, sendAccountInvitation } from './users.service.ts';

const m = accountMessages.userAdmin;

// The administrator's actions on accounts from /admin/utilisateurs: invite (or bring an existing
// account into a territory), change the platform role, disable or enable, send the invitation
// again. Each checks its permission, refuses to act on the administrator's own account, and tells
// the audit log through its event.

export type AdminInviteResult = { email: string; outcome: 'created' | 'invitedToTerritory' };

/**
 * The administrator invites someone. A new address gets an account and its invitation e-mail,
 * which names the role, the territory and its role, and who invites. An existing account named
 * with a territory gets an invitation into that territory (it joins once it accepts, as everywhere).
 */
export async function inviteFromAdmin(db: Db, caller: Caller | null, baseUrl: string, input: NewUserInput): Promise<AdminInviteResult> {
  requirePermission(caller, 'admin.users.invite');
  const data = parseOrThrow(newUserInput, input);
  const [existing] = await db.select({ id: users.id, deletedAt: users.deletedAt }).from(users).where(eq(users.email, data.email));
  if (existing) {
    if (!data.territoryCode || existing.deletedAt) throw new InvalidInputError({ email: m.emailTakenNoTerritory });
    const territoryCode = data.territoryCode;
    if (!(await getTerritory(db, territoryCode))) throw new InvalidInputError({ territoryCode: accountMessages.territoryUnknown(territoryCode) });
    await inviteMember(db, caller, baseUrl, territoryCode, { email: data.email, displayName: data.displayName, role: data.territoryRole ?? 'contributor' });
    return { email: data.email, outcome: 'invitedToTerritory' };
  }
  const user = await inviteUser(db, caller, baseUrl, input);
  return { email: user.email, outcome: 'created' };
}

const userIdInput = z.uuid();

/** The account acted on, locked for the transaction; 404 for an unknown or deleted one, a field error for oneself. */
async function lockTarget(tx: Db, caller: Caller, userId: string, field: string) {
  if (!userIdInput.safeParse(userId).success) throw new NotFoundError(m.userNotFound);
  if (personIdOf(caller) === userId) throw new InvalidInputError({ [field]: m.notYourself });
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  if (!row) throw new NotFoundError(m.userNotFound);
  return row;
}

/** Other active administrators than `userId`: the platform never loses its last one. */
async function otherActiveAdmins(tx: Db, userId: string): Promise<number> {
  // Locked, so two administrators demoting each other at once cannot leave none.
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), ne(users.id, userId), isNull(users.disabledAt), sql`${users.passwordHash} is not null`))
    .for('update');
  return rows.length;
}

const roleInput = z.object({ role: z.enum(PLATFORM_ROLES, { message: m.roleInvalid }) });

/** Changes the platform role of an account (never one's own, never the last administrator's). */
export async function changePlatformRole(db: Db, caller: Caller | null, userId: string, role: string): Promise<{ email: string; role: PlatformRole }> {
  requirePermission(caller, 'admin.users.manage');
  const data = parseOrThrow(roleInput, { role });
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, caller, userId, 'role');
    if (target.role === data.role) return { email: target.email, role: data.role };
    if (target.role === 'admin' && (await otherActiveAdmins(tx, target.id)) === 0) throw new InvalidInputError({ role: m.lastAdmin });
    await tx.update(users).set({ role: data.role }).where(eq(users.id, target.id));
    await emit(tx, 'account.role.changed', { userId: target.id, role: data.role, previousRole: target.role, byUserId: personIdOf(caller) });
    return { email: target.email, role: data.role };
  });
}

/**
 * Disables an account (its sessions end, its API tokens and links stop working, it cannot sign in)
 * or enables it again. Never one's own account, never the last administrator.
 */
export async function setAccountDisabled(db: Db, caller: Caller | null, userId: string, disabled: boolean): Promise<{ email: string }> {
  requirePermission(caller, 'admin.users.manage');
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, caller, userId, 'userId');
    if ((target.disabledAt !== null) === disabled) return { email: target.email };
    if (disabled && target.role === 'admin' && (await otherActiveAdmins(tx, target.id)) === 0) throw new InvalidInputError({ userId: m.lastAdmin });
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null })
      .where(eq(users.id, target.id));
    if (disabled) await deleteUserSessions(tx, target.id);
    await emit(tx, disabled ? 'account.disabled' : 'account.enabled', { userId: target.id, byUserId: personIdOf(caller) });
    return { email: target.email };
  });
}

/**
 * Sends the invitation of an account that has not chosen its password yet again, with a fresh link
 * (the earlier ones stop working) and what the account is for: its territory, or the one it is
 * invited into.
 */
export async function resendInvitation(db: Db, caller: Caller | null, baseUrl: string, userId: string): Promise<{ email: string }> {
  requirePermission(caller, 'admin.users.manage');
  return db.transaction(async (tx) => {
    const target = await lockTarget(tx, caller, userId, 'userId');
    if (target.passwordHash !== null) throw new InvalidInputError({ userId: m.alreadyActive });
    if (target.disabledAt !== null) throw new InvalidInputError({ userId: m.disabledNoInvitation });
    const [membership] = await tx
      .select({ territoryCode: memberships.territoryCode, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, target.id))
      .limit(1);
    const [invitation] = membership
      ? []
      : await tx
          .select({ territoryCode: membershipInvitations.territoryCode, role: membershipInvitations.role })
          .from(membershipInvitations)
          .where(eq(membershipInvitations.userId, target.id))
          .limit(1);
    const place = membership ?? invitation;
    const [territory] = place ? await getTerritoriesByCodes(tx, [place.territoryCode]) : [];
    await sendAccountInvitation(tx, baseUrl, target, {
      inviter: await inviterName(tx, caller),
      role: target.role,
      territory: place && territory ? { name: territory.name, role: place.role } : undefined,
    });
    await emit(tx, 'account.invitation.resent', { userId: target.id, byUserId: personIdOf(caller) });
    return { email: target.email };
  });
}
