import type { PersonalDataSource } from '../../platform/module.ts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { forgetRecipient, listEmailsTo } from '../notifications/outbox.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { accountMessages } from './messages.ts';
import { verifyPassword } from './password.ts';
import { personIdOf, type Caller } from './permissions.rules.ts';
import { apiTokens, loginFailures, membershipInvitations, memberships, sessions, userTokens, users } from './schema.ts';

const m = accountMessages.personalData;

// A person's own data: what they download (everything this platform holds about their account) and
// the deletion of their account (its personal data erased; their work stays, attributed to
// « ancien membre »).

/**
 * Everything the platform holds about the caller's account, as JSON-ready data: the accounts' and
 * notifications' own, then each module's part (`sources`, from the manifests: SSO links, revisions…).
 */
export async function exportPersonalData(db: Db, caller: Caller | null, ip: string | null = null, sources: readonly PersonalDataSource[] = []) {
  requirePermission(caller, 'account.data.export');
  const userId = personIdOf(caller);
  if (!userId) throw new ConflictError(m.systemHasNoData);
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        createdAt: users.createdAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    if (!account) throw new ConflictError(m.systemHasNoData);
    const data = {
      about: m.exportAbout,
      exportedAt: new Date().toISOString(),
      account,
      memberships: await tx
        .select({ territoryCode: memberships.territoryCode, role: memberships.role, since: memberships.createdAt })
        .from(memberships)
        .where(eq(memberships.userId, userId)),
      invitations: await tx
        .select({ territoryCode: membershipInvitations.territoryCode, role: membershipInvitations.role, invitedAt: membershipInvitations.createdAt })
        .from(membershipInvitations)
        .where(eq(membershipInvitations.userId, userId)),
      sessions: await tx
        .select({ openedAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
        .from(sessions)
        .where(eq(sessions.userId, userId)),
      apiTokens: await tx
        .select({ name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId)),
      oneTimeLinks: await tx
        .select({ purpose: userTokens.purpose, createdAt: userTokens.createdAt, expiresAt: userTokens.expiresAt, usedAt: userTokens.usedAt })
        .from(userTokens)
        .where(eq(userTokens.userId, userId)),
      failedLogins: await tx
        .select({ at: loginFailures.at, client: loginFailures.ip })
        .from(loginFailures)
        .where(eq(loginFailures.email, account.email))
        .orderBy(desc(loginFailures.at)),
      emails: await listEmailsTo(tx, account.email),
    } as Record<string, unknown>;
    for (const source of sources) data[source.name] = await source.read(tx, userId);
    await emit(tx, 'account.data.exported', { userId, ip });
    return data;
  });
}

/** What the person is told before deleting their account: the territories they are the only referent of. */
export async function accountDeletionNotice(db: Db, caller: Caller | null) {
  requirePermission(caller, 'account.delete');
  const userId = personIdOf(caller);
  if (!userId) return { lastReferentOf: [], confirmWith: 'password' as const };
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const confirmWith: 'password' | 'email' = account?.passwordHash ? 'password' : 'email';
  const codes = await db
    .select({ code: memberships.territoryCode })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'referent'),
        sql`not exists (select 1 from ${memberships} other where other.territory_code = ${memberships.territoryCode} and other.role = 'referent' and other.user_id <> ${userId})`,
      ),
    );
  const territories = await getTerritoriesByCodes(
    db,
    codes.map((c) => c.code),
  );
  return { lastReferentOf: territories.map((t) => ({ code: t.code, name: t.name })), confirmWith };
}

/**
 * Deletes the caller's account (`account.delete`) once they confirmed with their password: its
 * personal data is erased (address, name, password, sessions, tokens, memberships, invitations,
 * failed logins, emails) and the row stays as an empty shell, so that their sheets and revisions
 * keep their author, shown as « ancien membre ». The last administrator may not leave.
 */
export async function deleteOwnAccount(db: Db, caller: Caller | null, input: { password: string }, ip: string | null = null) {
  requirePermission(caller, 'account.delete');
  const userId = personIdOf(caller);
  if (!userId) throw new ConflictError(m.systemHasNoData);
  const [account] = await db
    .select({ passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!account) throw new ConflictError(m.systemHasNoData);
  if (account.passwordHash) {
    if (!input.password) throw new InvalidInputError({ password: m.passwordMissing });
    if (!(await verifyPassword(account.passwordHash, input.password))) throw new InvalidInputError({ password: m.passwordWrong });
  } else {
    // An account opened through an identity provider has no password: its address confirms, so that
    // a session left open is not enough to delete it by a click.
    if (!input.password.trim()) throw new InvalidInputError({ password: m.emailMissing });
    if (input.password.trim().toLowerCase() !== account.email.toLowerCase()) throw new InvalidInputError({ password: m.emailWrong });
  }

  await db.transaction(async (tx) => {
    // Locking the administrators makes two of them leaving at the same moment wait for each other.
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), sql`${users.passwordHash} is not null`))
      .for('update');
    if (admins.some((a) => a.id === userId) && admins.length === 1) throw new ConflictError(m.lastAdmin);
    const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new ConflictError(m.systemHasNoData);
    const left = await tx
      .delete(memberships)
      .where(eq(memberships.userId, userId))
      .returning({ territoryCode: memberships.territoryCode, role: memberships.role });
    for (const membership of left) {
      await emit(tx, 'account.membership.changed', {
        userId,
        territoryCode: membership.territoryCode,
        change: 'removed',
        role: membership.role,
        byUserId: userId,
      });
    }
    await tx.delete(membershipInvitations).where(eq(membershipInvitations.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(userTokens).where(eq(userTokens.userId, userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    await tx.delete(loginFailures).where(eq(loginFailures.email, before.email));
    await forgetRecipient(tx, before.email);
    await tx
      .update(users)
      .set({
        // A unique address nobody can receive mail at (`.invalid` is reserved for that).
        email: `ancien-membre-${userId}@supprime.invalid`,
        displayName: null,
        passwordHash: null,
        role: 'member',
        lastLoginAt: null,
        disabledAt: sql`now()`,
        deletedAt: sql`now()`,
      })
      .where(eq(users.id, userId));
    await emit(tx, 'account.deleted', { userId, byUserId: userId, ip });
  });
}
