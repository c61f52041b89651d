import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../platform/db/database.ts';
import { outbox } from './schema.ts';

/** The part of a logger the outbox uses (Fastify's pino logger or a stand-in in tests). */
export type Logger = { info(message: string): void; error(details: object, message: string): void };

export type Email = { to: string; subject: string; body: string };

/** Queues an email; pass the transaction of the change that causes it so both commit together. */
export async function enqueueEmail(db: Db, email: Email): Promise<string> {
  const [row] = await db.insert(outbox).values({ recipient: email.to, subject: email.subject, body: email.body }).returning({ id: outbox.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function listOutbox(db: Db, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
}

export async function getOutboxMessage(db: Db, id: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
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
    if (delivery.kind === 'log') {
      delivery.log.info(
        `Courriel (aucun serveur SMTP configuré, lisible par un administrateur dans /admin/courriels)\nÀ : ${message.recipient}\nObjet : ${message.subject}\n\n${message.body}`,
      );
      await db
        .update(outbox)
        .set({ status: 'logged', sentAt: sql`now()`, attempts })
        .where(eq(outbox.id, message.id));
      continue;
    }
    try {
      await delivery.transporter.sendMail({ from: delivery.from, to: message.recipient, subject: message.subject, text: message.body });
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: sql`now()`, attempts, lastError: null })
        .where(eq(outbox.id, message.id));
    } catch (error) {
      const delaySeconds = Math.min(3600, 30 * 2 ** attempts);
      await db
        .update(outbox)
        .set({
          attempts,
          lastError: (error as Error).message.slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
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

export async function retryFailedEmails(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, 'failed')));
}
