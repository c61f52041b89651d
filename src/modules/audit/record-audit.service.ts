import type { Db } from '../../platform/db/database.ts';
import type { AuditAction } from './audit.rules.ts';
import { auditEntries } from './schema.ts';

/** One thing that happened, as the subscribers describe it (ids and kinds only: see schema.ts). */
export type AuditEntryInput = {
  action: AuditAction;
  personId?: string | null;
  subject?: { kind: string; id: string };
  territoryCode?: string | null;
  ip?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/**
 * Writes entries in the caller's transaction (a subscriber's `tx`): they commit with the change
 * they record, or not at all. Only the audit module's subscribers call it.
 */
export async function recordAuditEntries(tx: Db, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEntries).values(
    entries.map((e) => ({
      action: e.action,
      personId: e.personId ?? null,
      subjectKind: e.subject?.kind ?? null,
      subjectId: e.subject?.id ?? null,
      territoryCode: e.territoryCode ?? null,
      ip: e.ip ?? null,
      details: e.details ?? {},
    })),
  );
}
