import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { memberships, sessions, users } from './schema.ts';
import { hashSecret, newSecret } from './tokens.ts';
import type { PlatformRole, TerritoryRole } from './roles.rules.ts';

export type SessionUser = {
  id: string;
  email: string;
  displayName: string | null;
  role: PlatformRole;
  /** The territories this person acts for, loaded with the session: permissions are checked against them. */
  memberships: { territoryCode: string; role: TerritoryRole }[];
};

export async function membershipsOf(db: Db, userId: string): Promise<SessionUser['memberships']> {
  return db
    .select({ territoryCode: memberships.territoryCode, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.territoryCode);
}

/**
 * A session nobody used for this long ends, whatever its expiry (`SESSION_TTL_HOURS`, 7 days by
 * default): a computer left signed in at the town hall does not stay open for a week.
 */
export const SESSION_IDLE_MINUTES = 2 * 60;

/** How long a browser stays known (the login throttle lets it through) after its last sign-in. */
export const KNOWN_DEVICE_DAYS = 365;

// Refreshing last_seen_at on every request would write on every page view; far below the idle limit.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** Opens a new session; the caller deletes the previous one (rotation at login). */
export async function createSession(db: Db, userId: string, ttlHours: number, userAgent?: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3600 * 1000);
  await db.insert(sessions).values({ idHash: hashSecret(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
  // Sessions that can no longer serve are forgotten as new ones open: no job needed, the table stays small.
  await purgeExpiredSessions(db);
  return { token, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashSecret(token)));
}

export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function resolveSession(db: Db, token: string): Promise<SessionUser | null> {
  const idHash = hashSecret(token);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`),
        sql`${users.disabledAt} is null`,
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.idHash, idHash));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return { ...user, memberships: await membershipsOf(db, user.id) };
}

/** Deletes the sessions that can no longer be used: expired, or idle past the limit. */
export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${SESSION_IDLE_MINUTES})`)));
}

/** The territories each of these people is a member of (any role), for rules about many people at once. */
export async function membershipsOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return byUser;
  const rows = await db
    .select({ userId: memberships.userId, territoryCode: memberships.territoryCode })
    .from(memberships)
    .where(inArray(memberships.userId, [...new Set(userIds)]));
  for (const row of rows) byUser.get(row.userId)?.push(row.territoryCode);
  return byUser;
}
