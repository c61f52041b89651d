import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { GoneError, InvalidInputError } from '../../platform/errors.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { emit } from '../../platform/events.ts';
import { enqueueEmail, enqueueEmailIf } from '../notifications/outbox.service.ts';
import { getTerritoriesByCodes, getTerritory } from '../territories/search-territories.service.ts';
import { newPasswordInputFor, newUserInput, type NewUserInput } from './account-input.ts';
import { loadPasswordEstimator } from './password-estimator.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { accountMessages as m } from './messages.ts';
import { hashPassword } from './password.ts';
import { clearLoginFailures } from './login.service.ts';
import { joinInvitedTerritories } from './membership-invitations.service.ts';
import { personIdOf, type Caller } from './permissions.rules.ts';
import type { PlatformRole, TerritoryRole, UserTokenPurpose } from './roles.rules.ts';
import { memberships, userTokens, users } from './schema.ts';
import { deleteUserSessions } from './session.service.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const TOKEN_TTL_HOURS: Record<UserTokenPurpose, number> = { invitation: 24 * 7, password_reset: 1, email_change: 24 };

/**
 * Creates an account (no password yet) and its territory membership, in one transaction: an
 * administrator (`admin.users.invite`) or the system (`user-create`, the demo seeder).
 */
export async function createUser(db: Db, caller: Caller | null, input: NewUserInput): Promise<{ id: string; email: string }> {
  requirePermission(caller, 'admin.users.invite');
  return insertAccount(db, input, personIdOf(caller));
}

/**
 * The account itself, for this module's services once they have checked their own permission
 * (a referent inviting a member checks `members.manage`). `byUserId`: who creates it, for the events.
 */
export async function insertAccount(db: Db, input: NewUserInput, byUserId: string | null): Promise<{ id: string; email: string }> {
  const data = parseOrThrow(newUserInput, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (existing) throw new InvalidInputError({ email: m.emailTaken });
    if (data.territoryCode && !(await getTerritory(tx, data.territoryCode))) {
      throw new InvalidInputError({ territoryCode: m.territoryUnknown(data.territoryCode) });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, displayName: data.displayName ?? null, role: data.role })
      .returning({ id: users.id, email: users.email });
    if (!user) throw new Error(`account ${data.email} not inserted`);
    await emit(tx, 'account.created', { userId: user.id, role: data.role, byUserId });
    if (data.territoryCode) {
      const role = data.territoryRole ?? 'contributor';
      await tx.insert(memberships).values({ userId: user.id, territoryCode: data.territoryCode, role });
      await emit(tx, 'account.membership.changed', { userId: user.id, territoryCode: data.territoryCode, change: 'added', role, byUserId });
    }
    return user;
  });
}

/** A one-time link secret for an account; earlier unused links of the same purpose stop working. */
export async function issueUserToken(db: Db, userId: string, purpose: UserTokenPurpose): Promise<string> {
  const token = newSecret();
  await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  await db.insert(userTokens).values({
    tokenHash: hashSecret(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + TOKEN_TTL_HOURS[purpose] * 3600 * 1000),
  });
  return token;
}

export function passwordLink(baseUrl: string, token: string) {
  return `${baseUrl}/mot-de-passe/${token}`;
}

/** What an invitation e-mail says: who invites, as what, and into which territory. */
export type InvitationContext = {
  inviter: string;
  role: PlatformRole;
  territory?: { name: string; role: TerritoryRole };
};

/** The invitation e-mail of an account without a password: a link to choose it, and what the account is for. */
export async function sendAccountInvitation(tx: Db, baseUrl: string, user: { id: string; email: string }, context: InvitationContext) {
  const token = await issueUserToken(tx, user.id, 'invitation');
  const link = passwordLink(baseUrl, token);
  const roles = m.roles;
  await enqueueEmail(tx, {
    to: user.email,
    subject: context.territory ? m.members.emails.invitationSubject(context.territory.name) : m.invitationSubject,
    body: m.userAdmin.invitationBody({
      inviter: context.inviter,
      role: roles.platform[context.role],
      roleDescription: m.userAdmin.platformRoleDescriptions[context.role],
      territory: context.territory
        ? {
            name: context.territory.name,
            role: roles.territory[context.territory.role],
            roleDescription: m.members.roleDescriptions[context.territory.role],
          }
        : undefined,
      link,
    }),
    secrets: [link],
  });
}

export async function inviterName(db: Db, caller: Caller): Promise<string> {
  const id = personIdOf(caller);
  return (id && (await displayNamesOf(db, [id])).get(id)) || m.userAdmin.theLabelTeam;
}

/**
 * Creates the account and emails the invitation link, all or nothing (`admin.users.invite`): the
 * e-mail names the role, the territory and its role, and who invites.
 */
export async function inviteUser(db: Db, caller: Caller | null, baseUrl: string, input: NewUserInput): Promise<{ id: string; email: string }> {
  requirePermission(caller, 'admin.users.invite');
  const data = parseOrThrow(newUserInput, input);
  return db.transaction(async (tx) => {
    const user = await insertAccount(tx, input, personIdOf(caller));
    const territory = data.territoryCode ? await getTerritory(tx, data.territoryCode) : null;
    await sendAccountInvitation(tx, baseUrl, user, {
      inviter: await inviterName(tx, caller),
      role: data.role,
      territory: territory ? { name: territory.name, role: data.territoryRole ?? 'contributor' } : undefined,
    });
    return user;
  });
}

/** The links that set a password (an address confirmation never does). */
const PASSWORD_PURPOSES = ['invitation', 'password_reset'] as const;

/** What the password page shows about a link, or null if the link is unusable. */
export async function peekUserToken(db: Db, token: string) {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName, purpose: userTokens.purpose })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, hashSecret(token)),
        inArray(userTokens.purpose, [...PASSWORD_PURPOSES]),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  return row ? { ...row, purpose: row.purpose as (typeof PASSWORD_PURPOSES)[number] } : null;
}

/**
 * Sets the password from an invitation or reset link; the link is spent and other sessions end.
 * Proving who one is by email also lifts the login throttle of the address; an invitation link also
 * accepts the invitations into territories it was sent for. `ip`: the client's, for the event.
 */
export async function setPasswordWithToken(db: Db, token: string, input: { password: string; confirmation: string }, ip: string | null = null) {
  const link = await peekUserToken(db, token);
  if (!link) throw new GoneError(m.tokenInvalid);
  const data = parseOrThrow(newPasswordInputFor(await loadPasswordEstimator(), [link.email, link.displayName ?? '']), input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(userTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(userTokens.tokenHash, hashSecret(token)),
          inArray(userTokens.purpose, [...PASSWORD_PURPOSES]),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: userTokens.userId, purpose: userTokens.purpose });
    if (!spent) throw new GoneError(m.tokenInvalid);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, spent.userId), isNull(users.disabledAt)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new GoneError(m.tokenInvalid);
    await deleteUserSessions(tx, user.id);
    await clearLoginFailures(tx, user.email);
    await emit(tx, 'account.password.changed', { userId: user.id, via: spent.purpose as (typeof PASSWORD_PURPOSES)[number], ip });
    if (spent.purpose === 'invitation') await joinInvitedTerritories(tx, user.id);
    return user;
  });
}

/**
 * Emails a reset link if an active account has the address. The same statements run whether it
 * does or not (each writes no row for an unknown address), and the caller answers the same page:
 * neither the answer nor its timing tells who has an account.
 */
export async function requestPasswordReset(db: Db, baseUrl: string, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const token = newSecret();
  const tokenHash = hashSecret(token);
  const link = passwordLink(baseUrl, token);
  const expiresAt = new Date(Date.now() + TOKEN_TTL_HOURS.password_reset * 3600 * 1000);
  const account = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, normalized), isNull(users.disabledAt)));
  await db.transaction(async (tx) => {
    // Earlier reset links of the account stop working.
    await tx
      .update(userTokens)
      .set({ usedAt: sql`now()` })
      .where(and(inArray(userTokens.userId, account), eq(userTokens.purpose, 'password_reset'), isNull(userTokens.usedAt)));
    await tx.insert(userTokens).select(
      tx
        .select({
          tokenHash: sql<string>`${tokenHash}`.as('token_hash'),
          userId: users.id,
          purpose: sql<UserTokenPurpose>`'password_reset'`.as('purpose'),
          newEmail: sql<string | null>`null`.as('new_email'),
          createdAt: sql<Date>`now()`.as('created_at'),
          expiresAt: sql<Date>`${expiresAt.toISOString()}::timestamptz`.as('expires_at'),
          usedAt: sql<Date | null>`null`.as('used_at'),
        })
        .from(users)
        .where(and(eq(users.email, normalized), isNull(users.disabledAt))),
    );
    await enqueueEmailIf(
      tx,
      { to: normalized, subject: m.resetSubject, body: m.resetBody(link), secrets: [link] },
      sql`exists (select 1 from ${userTokens} where ${userTokens.tokenHash} = ${tokenHash})`,
    );
  });
}

export async function getUser(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listUserMemberships(db: Db, userId: string) {
  return db.select().from(memberships).where(eq(memberships.userId, userId));
}

/** Every account with its memberships: personal data, for administrators only (`admin.users.list`). */
export async function listUsers(db: Db, caller: Caller | null) {
  requirePermission(caller, 'admin.users.list');
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      deletedAt: users.deletedAt,
      memberships: sql<
        { territoryCode: string; role: string }[]
      >`coalesce((select json_agg(json_build_object('territoryCode', m.territory_code, 'role', m.role)) from memberships m where m.user_id = ${users.id}), '[]'::json)`,
    })
    .from(users)
    .orderBy(users.email);
  const names = new Map(
    (await getTerritoriesByCodes(db, [...new Set(rows.flatMap((r) => r.memberships.map((ms) => ms.territoryCode)))])).map((t) => [t.code, t.name]),
  );
  return rows.map((r) => ({ ...r, memberships: r.memberships.map((ms) => ({ ...ms, territoryName: names.get(ms.territoryCode) })) }));
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), sql`${users.passwordHash} is not null`, isNull(users.disabledAt)));
  return row?.n ?? 0;
}

/**
 * How people are named beside their work (revision history, conflicts): their name, else their
 * address; « ancien membre » for someone who deleted their account.
 */
export async function displayNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.deletedAt ? m.formerMember : r.displayName || r.email]));
}

/** Addresses of a territory's active members with one of these roles, to tell them about their sheets. */
export async function memberAddressesOf(db: Db, territoryCode: string, roles: readonly TerritoryRole[]): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.territoryCode, territoryCode),
        inArray(memberships.role, [...roles]),
        isNull(users.disabledAt),
        sql`${users.passwordHash} is not null`,
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** The id of the account with this address, or null (for the system: the demo seeder finds its people again). */
export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id ?? null;
}

/** The addresses and names of these accounts, by id, in one read (lists of people such as a jury). */
export async function accountsByIds(db: Db, ids: readonly string[]): Promise<Map<string, { email: string; displayName: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { email: r.email, displayName: r.displayName }]));
}
