import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { appSettings } from '../../platform/db/settings.schema.ts';
import { GoneError, InvalidInputError } from '../../platform/errors.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { emailInput, newPasswordInputFor } from './account-input.ts';
import { loadPasswordEstimator } from './password-estimator.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { accountMessages as m } from './messages.ts';
import { hashPassword } from './password.ts';
import { users } from './schema.ts';
import { countAdmins } from './users.service.ts';
import { hashSecret, newSecret } from './tokens.ts';

const SETTING_KEY = 'first_admin_token_hash';

/**
 * On a platform with no administrator, makes a one-time setup link that replaces the previous one
 * (at each start, and by `npx arobase first-admin-link` for an operator who lost it). Returns null
 * once an administrator exists.
 */
export async function prepareFirstAdminLink(db: Db, baseUrl: string): Promise<string | null> {
  if ((await countAdmins(db)) > 0) return null;
  const token = newSecret();
  await db
    .insert(appSettings)
    .values({ key: SETTING_KEY, value: hashSecret(token) })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: hashSecret(token), updatedAt: sql`now()` } });
  return `${baseUrl}/installation/${token}`;
}

export async function isFirstAdminTokenValid(db: Db, token: string): Promise<boolean> {
  if ((await countAdmins(db)) > 0) return false;
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, SETTING_KEY));
  return !!row && row.value === hashSecret(token);
}

/** The first administrator, by whoever holds the setup link: the link itself is the permission. */
export async function createFirstAdmin(
  db: Db,
  token: string,
  input: { email: string; password: string; confirmation: string; displayName?: string },
  ip: string | null = null,
) {
  const email = parseOrThrow(emailInput, input.email);
  const { password } = parseOrThrow(newPasswordInputFor(await loadPasswordEstimator(), [email, input.displayName ?? '']), input);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // The delete makes the link single-use even if two people submit it at once.
    const [spent] = await tx.delete(appSettings).where(eq(appSettings.key, SETTING_KEY)).returning({ value: appSettings.value });
    if (!spent || spent.value !== hashSecret(token) || (await countAdmins(tx)) > 0) throw new GoneError(m.tokenInvalid);
    // An account already in use keeps its owner's password: the installer picks another address.
    const [existing] = await tx
      .select({ id: users.id, role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(eq(users.email, email));
    if (existing?.hasPassword) throw new InvalidInputError({ email: m.emailTaken });
    const [user] = await tx
      .insert(users)
      .values({ email, role: 'admin', passwordHash, displayName: input.displayName?.trim() || null })
      .onConflictDoUpdate({ target: users.email, set: { role: 'admin', passwordHash } })
      .returning({ id: users.id, email: users.email });
    if (!user) throw new Error(`first administrator ${email} not written`);
    if (!existing) await emit(tx, 'account.created', { userId: user.id, role: 'admin', byUserId: null });
    else if (existing.role !== 'admin') await emit(tx, 'account.role.changed', { userId: user.id, role: 'admin', previousRole: existing.role, byUserId: null });
    await emit(tx, 'account.password.changed', { userId: user.id, via: 'first_admin', ip });
    return user;
  });
}
