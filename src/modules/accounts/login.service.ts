import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { SignInRequiredError, TooManyAttemptsError } from '../../platform/errors.ts';
import { accountMessages as m } from './messages.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { loginFailures, users } from './schema.ts';
import { loginThrottle } from './login-throttle.rules.ts';

/**
 * Checks an email and password. Failures are counted per address in the database (shared by all
 * app processes); past a few, the account is locked for a while whatever the password.
 */
export async function authenticate(db: Db, input: { email: string; password: string; ip?: string }) {
  const email = input.email.trim().toLowerCase();
  const [recent] = await db
    // The database's clock, not the app's: several app processes may disagree on the time.
    .select({
      n: sql<number>`count(*)::int`,
      last: sql<string | null>`max(${loginFailures.at})::text`,
      now: sql<string>`now()::text`,
    })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, sql`now() - make_interval(secs => ${loginThrottle.windowSeconds})`)));
  if (!recent) throw new Error('an aggregate select returned no row');
  const wait = loginThrottle.waitSeconds(recent.n, recent.last ? new Date(recent.last) : null, new Date(recent.now));
  if (wait > 0) throw new TooManyAttemptsError(m.loginThrottled(Math.ceil(wait / 60)));

  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, role: users.role, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user || !ok) {
    await db.insert(loginFailures).values({ email, ip: input.ip ?? null });
    throw new SignInRequiredError(m.loginFailed);
  }
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { id: user.id, email: user.email, role: user.role, displayName: user.displayName };
}

export async function purgeOldLoginFailures(db: Db) {
  await db.delete(loginFailures).where(sql`${loginFailures.at} < now() - make_interval(secs => ${loginThrottle.windowSeconds})`);
}
