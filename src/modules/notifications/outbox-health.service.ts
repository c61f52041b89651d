import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { HealthReport } from '../../platform/module.ts';
import { outbox } from './schema.ts';

/** A pending e-mail this late (past its next attempt) means the worker or the mail server is stuck. */
export const OVERDUE_MINUTES = 15;

/**
 * The outbox as `/healthz` reports it: degraded when e-mails were given up (they wait for an admin
 * on /admin/courriels) or when pending ones are overdue. Counts only.
 */
export async function outboxHealth(db: Db): Promise<HealthReport> {
  const [row] = await db
    .select({
      failed: sql<number>`count(*) filter (where ${eq(outbox.status, 'failed')})::int`,
      overdue: sql<number>`count(*) filter (where ${and(eq(outbox.status, 'pending'), lt(outbox.nextAttemptAt, sql`now() - make_interval(mins => ${OVERDUE_MINUTES})`))})::int`,
    })
    .from(outbox);
  const failed = row?.failed ?? 0;
  const overdue = row?.overdue ?? 0;
  return { status: failed || overdue ? 'degraded' : 'ok', failed, overdue };
}
