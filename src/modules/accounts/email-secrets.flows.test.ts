import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { latestLinkTo, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { deliverDueEmails, deliveryFor } from '../notifications/outbox.service.ts';
import { outbox } from '../notifications/schema.ts';

// Issue 11, finding 6: the links of invitations and password resets are keys to an account. Nobody
// reads them back from the platform: not an administrator on /admin/courriels, not someone holding a
// copy of the database once the email has left.

/** Every column of every outbox row, as someone reading the database would. */
async function everythingStored(db: ReturnType<ReturnType<typeof accountsFixture>['db']>) {
  return JSON.stringify(await db.select().from(outbox));
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

for (const driver of drivers) {
  describe(`accounts: secrets in emails are neither shown nor kept (${driver})`, () => {
    const f = accountsFixture(driver);

    test('the outbox page never shows a live link, even while the email waits to be sent', async () => {
      const link = await f.invite('secret.en.attente@trelaze.example.fr');
      const page = await f.admin.get('/admin/courriels');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /secret\.en\.attente@trelaze\.example\.fr/, 'the email itself is listed');
      assert.ok(!page.body.includes(tokenOf(link)), 'but not its secret');
      assert.match(text, /lien personnel masqué/);
    });

    test('without SMTP the link goes to the command line only, and the stored copy loses it', async () => {
      const email = 'journal@trelaze.example.fr';
      const link = await f.invite(email);
      const lines: string[] = [];
      while ((await deliverDueEmails(f.db(), deliveryFor(undefined, 'x@y.fr', { info: (l) => lines.push(l), error() {} }))) > 0);
      assert.ok(
        lines.some((l) => l.includes(email) && l.includes(link)),
        'the operator reads the link on the server output',
      );
      const [row] = await f.db().select().from(outbox).where(eq(outbox.recipient, email));
      assert.equal(row!.status, 'logged');
      assert.ok(!(await everythingStored(f.db())).includes(tokenOf(link)), 'no column of the outbox keeps the secret');
      assert.ok(!textOf((await f.admin.get('/admin/courriels')).body).includes(tokenOf(link)));
    });

    test('through SMTP the person gets the link, and once sent the database no longer has it', async () => {
      const received: string[] = [];
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, _session, callback) {
          let data = '';
          stream.on('data', (chunk) => (data += chunk.toString('utf8')));
          stream.on('end', () => {
            received.push(data);
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      try {
        const email = 'oubli.smtp@trelaze.example.fr';
        await f.invite(email);
        await f.browser().submit('/mot-de-passe-oublie', { email });
        const link = await latestLinkTo(f.db(), email, '/mot-de-passe/');
        const delivery = deliveryFor(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'label@arobase.example.fr', { info() {}, error() {} });
        while ((await deliverDueEmails(f.db(), delivery)) > 0);
        // Quoted-printable may cut long lines: compare without soft line breaks.
        assert.ok(
          received.some((data) => data.replace(/=\r?\n/g, '').includes(tokenOf(link))),
          'the email that left carries the link',
        );
        assert.ok(!(await everythingStored(f.db())).includes(tokenOf(link)), 'the stored copy does not');
        const [row] = await f
          .db()
          .select()
          .from(outbox)
          .where(eq(outbox.recipient, email))
          .orderBy(sql`${outbox.createdAt} desc`)
          .limit(1);
        assert.equal(row!.status, 'sent');
        assert.match(row!.body, /lien personnel masqué/);
      } finally {
        await new Promise<void>((resolve) => smtp.close(() => resolve()));
      }
    });
  });
}
