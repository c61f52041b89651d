import { and, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { notificationMessages as m } from './messages.ts';
import { outbox } from './schema.ts';

/** The part of a logger the outbox uses (Fastify's pino logger or a stand-in in tests). */
export type Logger = { info(message: string): void; error(details: object, message: string): void };

/**
 * An email to queue. `secrets`: the parts of the body that give access to something (a one-time
 * link): the stored copy shows them masked, and the clear text is erased once the email has left.
 */
export type Email = { to: string; subject: string; body: string; secrets?: readonly string[] };

/** The body with every secret replaced by a mark: the only copy anyone may read back. */
export function maskSecrets(body: string, secrets: readonly string[] = []): string {
  return secrets.filter((s) => s !== '').reduce((text, secret) => text.split(secret).join(m.maskedSecret), body);
}

/** Queues an email; pass the transaction of the change that causes it so both commit together. */
export async function enqueueEmail(db: Db, email: Email): Promise<string> {
  const masked = maskSecrets(email.body, email.secrets);
  const [row] = await db
    .insert(outbox)
    .values({ recipient: email.to, subject: email.subject, body: masked, secretBody: masked === email.body ? null : email.body })
    .returning({ id: outbox.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/**
 * Queues an email only if `condition` holds when the statement runs (an SQL condition of the caller:
 * "the link just issued exists"). It is one statement whether it writes a row or none, so a caller
 * that must do the same work either way (answering a reset request for any address) can.
 * Answers whether the email was queued.
 */
export async function enqueueEmailIf(db: Db, email: Email, condition: SQL): Promise<boolean> {
  const masked = maskSecrets(email.body, email.secrets);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into ${outbox} (recipient, subject, body, secret_body)
        select ${email.to}, ${email.subject}, ${masked}, ${masked === email.body ? null : email.body} where ${condition}
        returning id`,
  );
  return rows.length > 0;
}

// What may be read back: never the clear text of a secret.
const readableColumns = {
  id: outbox.id,
  recipient: outbox.recipient,
  subject: outbox.subject,
  body: outbox.body,
  status: outbox.status,
  attempts: outbox.attempts,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export async function listOutbox(db: Db, limit = 100) {
  return db.select(readableColumns).from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
}

export async function getOutboxMessage(db: Db, id: string) {
  const [row] = await db.select(readableColumns).from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/** The emails sent to an address (secrets masked): part of what a person downloads of their data. */
export async function listEmailsTo(db: Db, address: string) {
  return db
    .select({ subject: outbox.subject, body: outbox.body, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.recipient, address))
    .orderBy(desc(outbox.createdAt));
}

/** Forgets every email to an address (a deleted account): nothing of it stays in the outbox. */
export async function forgetRecipient(db: Db, address: string): Promise<void> {
  await db.delete(outbox).where(eq(outbox.recipient, address));
}

const MAX_ATTEMPTS = 8;
const BATCH = 20;

export type OutboxDelivery = { kind: 'smtp'; transporter: Transporter; from: string } | { kind: 'log'; log: Logger };

export function deliveryFor(smtpUrl: string | undefined, from: string, log: Logger): OutboxDelivery {
  return smtpUrl ? { kind: 'smtp', transporter: nodemailer.createTransport(smtpUrl), from } : { kind: 'log', log };
}

// While an email is being sent it is leased: other processes leave it alone until the lease ends
// (a process that dies mid-send lets another retry it then).
const LEASE_SECONDS = 5 * 60;

/**
 * Sends what is due. Rows are claimed in a short transaction (SKIP LOCKED, so several app
 * processes never take the same one), then sent outside any transaction: a slow mail server must
 * not hold the database (PGlite serves one transaction at a time). A failure is retried later with a
 * growing delay.
 */
export async function deliverDueEmails(db: Db, delivery: OutboxDelivery): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
      .orderBy(outbox.createdAt)
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(outbox)
      .set({ nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
  for (const message of claimed) {
    const attempts = message.attempts + 1;
    const text = message.secretBody ?? message.body;
    if (delivery.kind === 'log') {
      // The server's output is the only place a link is written to when there is no mail server.
      delivery.log.info(m.logged(message.recipient, message.subject, text));
      await db
        .update(outbox)
        .set({ status: 'logged', sentAt: sql`now()`, attempts, secretBody: null })
        .where(eq(outbox.id, message.id));
      continue;
    }
    try {
      await delivery.transporter.sendMail({ from: delivery.from, to: message.recipient, subject: message.subject, text });
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: sql`now()`, attempts, lastError: null, secretBody: null })
        .where(eq(outbox.id, message.id));
    } catch (error) {
      const delaySeconds = Math.min(3600, 30 * 2 ** attempts);
      await db
        .update(outbox)
        .set({
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          // Given up: the link is not kept for whoever reads the database later.
          ...(attempts >= MAX_ATTEMPTS ? { secretBody: null } : {}),
          nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
        })
        .where(eq(outbox.id, message.id));
    }
  }
  return claimed.length;
}

/** Polls the outbox until stopped; returns the stop function. */
export function startOutboxWorker(db: Db, delivery: OutboxDelivery, log: Logger, intervalMs = 3000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = deliverDueEmails(db, delivery).catch((error) => log.error({ err: error }, 'outbox delivery failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

/**
 * A given-up e-mail whose text held a one-time link cannot be sent again: the link was erased
 * when it was given up (only its masked copy is left). The others can.
 */
export const canRetry = (message: { status: string; body: string }) => message.status === 'failed' && !message.body.includes(m.maskedSecret);

/**
 * Sends a given-up e-mail again from now on, its attempts counted anew. `not_failed` when it is not
 * given up (sent, pending, unknown), `secret_lost` when its link was erased.
 */
export async function retryFailedEmail(db: Db, id: string): Promise<'requeued' | 'not_failed' | 'secret_lost'> {
  const message = await getOutboxMessage(db, id);
  if (!message || message.status !== 'failed') return 'not_failed';
  if (!canRetry(message)) return 'secret_lost';
  const requeued = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, lastError: null, nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  return requeued.length ? 'requeued' : 'not_failed';
}
