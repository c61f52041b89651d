import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation, type Db } from '../../platform/db/database.ts';
import { GoneError, InvalidInputError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { enqueueEmail } from '../notifications/outbox.service.ts';
import { emailInput, newPasswordInputFor } from './account-input.ts';
import { loadPasswordEstimator } from './password-estimator.ts';
import './events.ts';
import { requirePermission } from './guard.ts';
import { accountMessages } from './messages.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Person } from './permissions.rules.ts';
import { userTokens, users } from './schema.ts';
import { deleteUserSessions } from './session.service.ts';
import { hashSecret } from './tokens.ts';
import { issueUserToken } from './users.service.ts';

const m = accountMessages.ownAccount;

// What a signed-in person changes on their own account from « Mon compte »: their name, their
// password (the current one first), their address (only once the new one is confirmed by a link
// sent to it). Each acts on the caller's own row only.

async function ownRow(db: Db, person: Person) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, person.id), isNull(users.disabledAt)));
  if (!row) throw new GoneError(m.accountGone);
  return row;
}

/** A wrong or missing current password: a field error, the same whichever. */
async function checkCurrentPassword(passwordHash: string | null, current: string | undefined): Promise<void> {
  if (!passwordHash) return;
  if (!current) throw new InvalidInputError({ currentPassword: m.currentPasswordMissing });
  if (!(await verifyPassword(passwordHash, current))) throw new InvalidInputError({ currentPassword: m.currentPasswordWrong });
}

const nameInput = z.object({ displayName: z.string().trim().max(120, accountMessages.displayNameTooLong) });

/** Changes the name shown beside the person's work; an empty name shows their address instead. */
export async function updateOwnName(db: Db, person: Person | null, input: { displayName: string }): Promise<void> {
  requirePermission(person, 'account.profile.edit');
  const data = parseOrThrow(nameInput, input);
  await db
    .update(users)
    .set({ displayName: data.displayName || null })
    .where(eq(users.id, person.id));
}

/**
 * Changes the password: the current one first, then a new one strong enough (the same rules as
 * everywhere). Every session of the account ends; the route opens a new one for this browser.
 */
export async function changeOwnPassword(
  db: Db,
  person: Person | null,
  input: { currentPassword?: string; password: string; confirmation: string },
  ip: string | null = null,
): Promise<void> {
  requirePermission(person, 'account.profile.edit');
  const row = await ownRow(db, person);
  await checkCurrentPassword(row.passwordHash, input.currentPassword);
  const data = parseOrThrow(newPasswordInputFor(await loadPasswordEstimator(), [row.email, row.displayName ?? '']), {
    password: input.password,
    confirmation: input.confirmation,
  });
  const passwordHash = await hashPassword(data.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.id));
    await deleteUserSessions(tx, row.id);
    await emit(tx, 'account.password.changed', { userId: row.id, via: 'account_page', ip });
  });
}

const emailChangeInput = z.object({ email: emailInput });

export const emailChangeLink = (baseUrl: string, token: string) => `${baseUrl}/compte/adresse/${token}`;

/**
 * Asks to change the address: a link goes to the new address (through the outbox), a notice to the
 * current one; nothing changes until the link is opened. The current password is asked first.
 */
export async function requestEmailChange(
  db: Db,
  person: Person | null,
  baseUrl: string,
  input: { email: string; currentPassword?: string },
): Promise<{ email: string }> {
  requirePermission(person, 'account.profile.edit');
  const data = parseOrThrow(emailChangeInput, { email: input.email });
  const row = await ownRow(db, person);
  if (data.email === row.email) throw new InvalidInputError({ email: m.sameEmail });
  await checkCurrentPassword(row.passwordHash, input.currentPassword);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
  if (taken) throw new InvalidInputError({ email: accountMessages.emailTaken });
  return db.transaction(async (tx) => {
    const token = await issueUserToken(tx, row.id, 'email_change');
    await tx
      .update(userTokens)
      .set({ newEmail: data.email })
      .where(eq(userTokens.tokenHash, hashSecret(token)));
    const link = emailChangeLink(baseUrl, token);
    await enqueueEmail(tx, { to: data.email, subject: m.emails.confirmSubject, body: m.emails.confirmBody(row.email, link), secrets: [link] });
    await enqueueEmail(tx, { to: row.email, subject: m.emails.noticeSubject, body: m.emails.noticeBody(data.email) });
    return { email: data.email };
  });
}

const liveEmailChange = (token: string) =>
  and(eq(userTokens.tokenHash, hashSecret(token)), eq(userTokens.purpose, 'email_change'), isNull(userTokens.usedAt), gt(userTokens.expiresAt, sql`now()`));

/** What the confirmation page shows about a link: the new address, or null if the link is unusable. */
export async function peekEmailChange(db: Db, token: string): Promise<{ newEmail: string } | null> {
  const [row] = await db
    .select({ newEmail: userTokens.newEmail })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(liveEmailChange(token), isNull(users.disabledAt)));
  return row?.newEmail ? { newEmail: row.newEmail } : null;
}

/** Confirms the new address from the link sent to it: the account's address changes now, once. */
export async function confirmEmailChange(db: Db, token: string, ip: string | null = null): Promise<{ userId: string; email: string }> {
  try {
    return await db.transaction(async (tx) => {
      const [spent] = await tx
        .update(userTokens)
        .set({ usedAt: sql`now()` })
        .where(liveEmailChange(token))
        .returning({ userId: userTokens.userId, newEmail: userTokens.newEmail });
      if (!spent?.newEmail) throw new GoneError(accountMessages.tokenInvalid);
      const [user] = await tx
        .update(users)
        .set({ email: spent.newEmail })
        .where(and(eq(users.id, spent.userId), isNull(users.disabledAt)))
        .returning({ id: users.id, email: users.email });
      if (!user) throw new GoneError(accountMessages.tokenInvalid);
      await emit(tx, 'account.email.changed', { userId: user.id, ip });
      return { userId: user.id, email: user.email };
    });
  } catch (error) {
    // Someone else took the address between the request and the confirmation.
    if (isUniqueViolation(error)) throw new GoneError(m.emailTakenSince);
    throw error;
  }
}
