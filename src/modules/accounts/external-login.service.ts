import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformRole } from './roles.rules.ts';
import { users } from './schema.ts';

/** What a sign-in through an identity provider needs to know of an account before opening a session. */
export type ExternalLoginAccount = { id: string; email: string; role: PlatformRole; disabled: boolean; deleted: boolean };

const columns = { id: users.id, email: users.email, role: users.role, disabledAt: users.disabledAt, deletedAt: users.deletedAt };

const toAccount = (row: { id: string; email: string; role: PlatformRole; disabledAt: Date | null; deletedAt: Date | null }): ExternalLoginAccount => ({
  id: row.id,
  email: row.email,
  role: row.role,
  disabled: row.disabledAt !== null,
  deleted: row.deletedAt !== null,
});

/**
 * The account an identity provider's sign-in is about: by id (an identity already linked) or by
 * address (the first sign-in). Disabled and deleted accounts are returned as such, for the caller
 * to refuse them; the row is locked until the caller's transaction ends.
 */
export async function accountForExternalLogin(tx: Db, by: { id: string } | { email: string }): Promise<ExternalLoginAccount | null> {
  const where = 'id' in by ? eq(users.id, by.id) : eq(users.email, by.email.trim().toLowerCase());
  const [row] = await tx.select(columns).from(users).where(where).for('update');
  return row ? toAccount(row) : null;
}

/** Notes a sign-in through an identity provider on the account (the account page shows its date). */
export async function recordExternalLogin(tx: Db, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}
