import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';

export const OUTBOX_STATUSES = ['pending', 'sent', 'logged', 'failed'] as const;

/** Every email is written here first, in the same transaction as what caused it: none is lost. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /** The text as it may be shown and kept: the secrets it carries (a one-time link) are masked. */
    body: text('body').notNull(),
    /** The text as sent, secrets included: kept only until the email has left (or given up), then erased. */
    secretBody: text('secret_body'),
    /** pending → sent (SMTP) or logged (no SMTP configured); failed after too many attempts. */
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.status, t.nextAttemptAt), check('outbox_status_check', oneOf(t.status, OUTBOX_STATUSES))],
);
