import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { SignInRequiredError, TooManyAttemptsError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { clientKey, loginThrottle, type FailureCount } from './login-throttle.rules.ts';
import { accountMessages as m } from './messages.ts';
import { verifyAgainstDummy, verifyPassword } from './password.ts';
import { loginFailures, users } from './schema.ts';
import { hashSecret } from './tokens.ts';

/** A login refused by the throttle; `waitSeconds` is what the answer's Retry-After says. */
export class LoginThrottledError extends TooManyAttemptsError {
  constructor(
    message: string,
    public readonly waitSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The mark of a browser where this account signed in (kept in a signed cookie). It changes with the
 * password, so setting a new one forgets every browser known before.
 */
export function knownDeviceMark(user: { id: string; passwordHash: string }): string {
  return hashSecret(`known-device:${user.id}:${user.passwordHash}`);
}

export type LoginAttempt = {
  email: string;
  password: string;
  ip?: string;
  /** The known-device mark the browser holds, if any (see `knownDeviceMark`). */
  knownDevice?: string | null;
};

const windowStart = sql`now() - make_interval(secs => ${loginThrottle.windowSeconds})`;

/**
 * Checks an email and password. Failures are counted in the database (shared by all app processes)
 * per address and client; the throttle (`login-throttle.rules.ts`) decides who waits. A refused
 * attempt and its event are written in one transaction; so are a success, its event and the
 * forgetting of this client's failures.
 */
export async function authenticate(db: Db, input: LoginAttempt) {
  const email = input.email.trim().toLowerCase();
  const client = clientKey(input.ip);
  const ip = input.ip ?? null;
  const [user] = await db
    .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, role: users.role, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));

  const counts = await failureCounts(db, email, client);
  const trustedDevice = !!user?.passwordHash && !!input.knownDevice && input.knownDevice === knownDeviceMark({ id: user.id, passwordHash: user.passwordHash });
  const decision = loginThrottle.decide({ ...counts, trustedDevice }, counts.now);
  if (!decision.allowed) {
    await db.transaction((tx) => emit(tx, 'account.login.failed', { userId: user?.id ?? null, ip, reason: 'throttled' }));
    const minutes = Math.max(1, Math.ceil(decision.waitSeconds / 60));
    throw new LoginThrottledError(decision.scope === 'account' ? m.loginThrottledAccount(minutes) : m.loginThrottledClient(minutes), decision.waitSeconds);
  }

  // An unknown address costs the same hashing as a known one: response times tell nothing.
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user?.passwordHash || !ok) {
    await db.transaction(async (tx) => {
      await tx.insert(loginFailures).values({ email, ip: client });
      // Forgetting old failures here keeps the table small without a job of its own.
      await tx.delete(loginFailures).where(sql`${loginFailures.at} < ${windowStart}`);
      await emit(tx, 'account.login.failed', { userId: user?.id ?? null, ip, reason: 'invalid_credentials' });
    });
    throw new SignInRequiredError(m.loginFailed);
  }
  const passwordHash = user.passwordHash;
  await db.transaction(async (tx) => {
    // Only this client's failures: the owner signing in must not reset an attacker's count elsewhere.
    await tx.delete(loginFailures).where(and(eq(loginFailures.email, email), eq(loginFailures.ip, client)));
    await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    await emit(tx, 'account.login.succeeded', { userId: user.id, ip });
  });
  return { id: user.id, email: user.email, role: user.role, displayName: user.displayName, knownDevice: knownDeviceMark({ id: user.id, passwordHash }) };
}

/** Forgets an address's failures: its owner proved who they are by email (a password set through a link). */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email.trim().toLowerCase()));
}

async function failureCounts(db: Db, email: string, client: string) {
  const forPair = sql`${loginFailures.email} = ${email} and ${loginFailures.ip} = ${client}`;
  const forAccount = sql`${loginFailures.email} = ${email}`;
  const forClient = sql`${loginFailures.ip} = ${client}`;
  const [row] = await db
    // The database's clock, not the app's: several app processes may disagree on the time.
    .select({
      pairN: sql<number>`(count(*) filter (where ${forPair}))::int`,
      pairLast: sql<string | null>`(max(${loginFailures.at}) filter (where ${forPair}))::text`,
      accountN: sql<number>`(count(*) filter (where ${forAccount}))::int`,
      accountLast: sql<string | null>`(max(${loginFailures.at}) filter (where ${forAccount}))::text`,
      clientN: sql<number>`(count(*) filter (where ${forClient}))::int`,
      clientLast: sql<string | null>`(max(${loginFailures.at}) filter (where ${forClient}))::text`,
      now: sql<string>`now()::text`,
    })
    .from(loginFailures)
    .where(and(gt(loginFailures.at, windowStart), or(eq(loginFailures.email, email), eq(loginFailures.ip, client))));
  if (!row) throw new Error('an aggregate select returned no row');
  const count = (n: number, last: string | null): FailureCount => ({ failures: n, lastAt: last ? new Date(last) : null });
  return {
    pair: count(row.pairN, row.pairLast),
    account: count(row.accountN, row.accountLast),
    client: count(row.clientN, row.clientLast),
    now: new Date(row.now),
  };
}
