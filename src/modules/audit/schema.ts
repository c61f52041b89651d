import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { AUDIT_ACTIONS } from './audit.rules.ts';

/**
 * The audit log: one row per thing that happened, written in the transaction of the change (by the
 * events' subscribers). Append-only: a trigger (migration 0010) refuses updates, and deletions but
 * the retention purge's. Rows name people by id only; their names are read when shown, so a deleted
 * account reads "ancien membre". `details` holds ids and kinds, never a name, address or secret.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    /** Who did it; null for the system or an anonymous visitor (a failed login). */
    personId: uuid('person_id'),
    /** What it was done to: a kind (`user`, `initiative`, `edition`…) and its id. */
    subjectKind: text('subject_kind'),
    subjectId: text('subject_id'),
    territoryCode: text('territory_code'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [
    index('audit_entries_at_idx').on(t.at),
    index('audit_entries_person_idx').on(t.personId, t.at),
    index('audit_entries_territory_idx').on(t.territoryCode, t.at),
    check('audit_entries_action_check', oneOf(t.action, AUDIT_ACTIONS)),
  ],
);
