import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { calendarDate } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller, Person } from '../accounts/permissions.rules.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, retentionCutoff, type AuditAction } from './audit.rules.ts';
import { auditMessages as m } from './messages.ts';
import { auditEntries } from './schema.ts';

/** The filters of /admin/journal, each optional; days are calendar days on the French clock. */
export const auditFilters = z.object({
  action: z.enum(AUDIT_ACTIONS, { message: m.filters.actionInvalid }).optional(),
  personne: z.uuid({ message: m.filters.personInvalid }).optional(),
  territoire: z
    .string()
    .trim()
    .regex(/^[0-9AB]{2,3}[0-9]{0,6}$/i, m.filters.territoryInvalid)
    .optional(),
  du: calendarDate({ invalid: m.filters.dateInvalid }).optional(),
  au: calendarDate({ invalid: m.filters.dateInvalid }).optional(),
  page: z.coerce
    .number({ message: m.filters.pageInvalid })
    .int(m.filters.pageInvalid)
    .min(1, m.filters.pageInvalid)
    .max(100_000, m.filters.pageInvalid)
    .default(1),
});
export type AuditFilters = z.output<typeof auditFilters>;

export type AuditEntryView = {
  id: number;
  at: Date;
  action: AuditAction;
  personId: string | null;
  /** The person's name or address; "ancien membre" when the account is gone; null for the system. */
  personName: string | null;
  subjectKind: string | null;
  subjectId: string | null;
  territoryCode: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
};

/** A midnight in Paris, as SQL: the first instant of that calendar day on the French clock. */
const parisMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

/** The log, newest first, one page at a time; for admins (`audit.read`). */
export async function listAuditEntries(db: Db, person: Person | null, filters: AuditFilters): Promise<{ items: AuditEntryView[]; total: number }> {
  requirePermission(person, 'audit.read');
  const e = auditEntries;
  const where: SQL[] = [];
  if (filters.action) where.push(eq(e.action, filters.action));
  if (filters.personne) where.push(eq(e.personId, filters.personne));
  if (filters.territoire) where.push(eq(e.territoryCode, filters.territoire.toUpperCase()));
  if (filters.du) where.push(gte(e.at, parisMidnight(filters.du)));
  if (filters.au) where.push(lt(e.at, parisMidnight(filters.au, 1)));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(e)
      .where(condition)
      .orderBy(desc(e.at), desc(e.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(e)
      .where(condition),
  ]);
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({ ...r, personName: r.personId ? (names.get(r.personId) ?? m.formerMember) : null })),
  };
}

/**
 * Deletes the entries past their retention, the only deletion the table's trigger lets through
 * (the transaction says it is the purge). Run by the audit module's daily job; idempotent, so
 * several processes may run it.
 */
export async function purgeExpiredAuditEntries(db: Db, caller: Caller, retentionDays: number, now = new Date()): Promise<number> {
  requirePermission(caller, 'audit.purge');
  const cutoff = retentionCutoff(now, retentionDays);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('arobase.audit_purge', 'on', true)`);
    const deleted = await tx.delete(auditEntries).where(lt(auditEntries.at, cutoff)).returning({ id: auditEntries.id });
    return deleted.length;
  });
}
