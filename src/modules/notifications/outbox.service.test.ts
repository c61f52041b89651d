import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { deliverDueEmails, deliveryFor, enqueueEmail, type Logger } from './outbox.service.ts';
import { outbox } from './schema.ts';

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtpServer() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const silentLog: Logger = { info() {}, error() {} };

for (const driver of drivers) {
  describe(`outbox delivery (${driver})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(driver, { territories: false });
    });
    after(() => database.dispose());

    test('several senders at once (app processes, workers) send each email once', async () => {
      const subjects = Array.from({ length: 45 }, (_, i) => `Envoi concurrent ${String(i + 1).padStart(2, '0')}`);
      for (const subject of subjects) await enqueueEmail(database.db, { to: 'file@trelaze.example.fr', subject, body: 'Bonjour.' });
      const written: string[] = [];
      const delivery = deliveryFor(undefined, 'label@arobase.example.fr', { info: (line) => written.push(line), error() {} });
      // Three senders claim at the same moment, then again until the queue is empty.
      const sender = async () => {
        let total = 0;
        for (let sent = -1; sent !== 0; total += sent) sent = await deliverDueEmails(database.db, delivery);
        return total;
      };
      const totals = await Promise.all([sender(), sender(), sender()]);
      assert.equal(
        totals.reduce((a, b) => a + b, 0),
        subjects.length,
      );
      for (const subject of subjects) assert.equal(written.filter((line) => line.includes(`Objet\u00a0: ${subject}\n`)).length, 1, `${subject} sent once`);
    });

    test('through SMTP: the email reaches the server once and is marked sent', async () => {
      const smtp = await startSmtpServer();
      try {
        const id = await enqueueEmail(database.db, {
          to: 'maire@trelaze.example.fr',
          subject: 'Bienvenue sur arobase',
          body: 'Lien : https://arobase.example.fr/x',
        });
        const delivery = deliveryFor(smtp.url, 'label@arobase.example.fr', silentLog);
        assert.equal(await deliverDueEmails(database.db, delivery), 1);
        assert.equal(await deliverDueEmails(database.db, delivery), 0, 'nothing is sent twice');
        assert.equal(smtp.received.length, 1);
        assert.deepEqual(smtp.received[0]!.to, ['maire@trelaze.example.fr']);
        assert.match(smtp.received[0]!.data, /Subject: Bienvenue sur arobase/);
        const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
        assert.equal(row!.status, 'sent');
        assert.ok(row!.sentAt);
      } finally {
        await smtp.close();
      }
    });

    test('a mail server that is down loses nothing: the email waits and is retried later', async () => {
      const smtp = await startSmtpServer();
      const deadUrl = smtp.url;
      await smtp.close(); // nothing listens on that port any more
      const id = await enqueueEmail(database.db, { to: 'agent@letrait.example.fr', subject: 'Réinitialisation', body: 'Lien' });
      await deliverDueEmails(database.db, deliveryFor(deadUrl, 'label@arobase.example.fr', silentLog));
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
      assert.equal(row!.status, 'pending');
      assert.equal(row!.attempts, 1);
      assert.ok(row!.lastError);
      assert.ok(row!.nextAttemptAt.getTime() > Date.now(), 'retried later, not in a tight loop');

      // Once the server is back and the delay has passed, the same email goes out.
      const back = await startSmtpServer();
      try {
        await database.db
          .update(outbox)
          .set({ nextAttemptAt: sql`now()` })
          .where(eq(outbox.id, id));
        await deliverDueEmails(database.db, deliveryFor(back.url, 'label@arobase.example.fr', silentLog));
        assert.equal(back.received.length, 1);
        const [sent] = await database.db.select().from(outbox).where(eq(outbox.id, id));
        assert.equal(sent!.status, 'sent');
      } finally {
        await back.close();
      }
    });

    test('while an email is being sent, the database stays free for everyone else', async () => {
      // A mail server that accepts the connection and then never answers.
      const { createServer } = await import('node:net');
      const sockets: import('node:net').Socket[] = [];
      const silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as AddressInfo).port;
      try {
        await enqueueEmail(database.db, { to: 'lent@example.fr', subject: 'Lent', body: '…' });
        const sending = deliverDueEmails(database.db, deliveryFor(`smtp://127.0.0.1:${port}?connectionTimeout=3000&greetingTimeout=3000`, 'x@y.fr', silentLog));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const started = Date.now();
        await database.db
          .select({ n: sql`1` })
          .from(outbox)
          .limit(1);
        assert.ok(Date.now() - started < 1000, 'a query made during the send is not blocked by it');
        await sending;
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    test('without SMTP the email is written to the log with its text and marked logged', async () => {
      const lines: string[] = [];
      const id = await enqueueEmail(database.db, {
        to: 'elu@trilport.example.fr',
        subject: 'Invitation',
        body: 'Ouvrez https://arobase.example.fr/mot-de-passe/abc',
      });
      await deliverDueEmails(database.db, deliveryFor(undefined, 'x@y.fr', { info: (m) => lines.push(m), error() {} }));
      assert.ok(lines.some((l) => l.includes('elu@trilport.example.fr') && l.includes('/mot-de-passe/abc')));
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
      assert.equal(row!.status, 'logged');
    });
  });
}
