import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { csrfTokenOf, textOf } from '../../../test/support/http-client.ts';
import { initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { notificationMessages } from '../notifications/messages.ts';
import { outbox } from '../notifications/schema.ts';

for (const driver of drivers) {
  describe(`the outbox’s dead letters: given-up e-mails shown and sent again by the admin (${driver})`, () => {
    const f = initiativesFixture(driver);
    const given = { recipient: 'agent@example.fr', status: 'failed' as const, attempts: 8, lastError: 'connect ECONNREFUSED' };

    test('a given-up notice is sent again; one whose one-time link was erased is refused, and says what to do instead', async () => {
      const db = f.db();
      const [plain] = await db
        .insert(outbox)
        .values({ ...given, subject: 'Fiche modérée', body: 'Votre fiche a été modérée.' })
        .returning();
      const [secret] = await db
        .insert(outbox)
        .values({ ...given, subject: 'Invitation', body: `Choisissez votre mot de passe : ${notificationMessages.maskedSecret}` })
        .returning();
      assert.ok(plain && secret);

      const page = await f.browsers.admin.get('/admin/courriels');
      assert.equal(page.status, 200);
      const text = textOf(page.body);
      assert.match(text, /2 courriels ont été abandonnés après plusieurs essais/);
      assert.ok(page.body.includes(`action="/admin/courriels/${plain.id}/reessayer"`), 'the notice can be retried');
      assert.ok(!page.body.includes(`action="/admin/courriels/${secret.id}/reessayer"`), 'the invitation cannot');
      assert.match(text, /contenait un lien personnel, effacé/);

      const retried = await f.browsers.admin.post(`/admin/courriels/${plain.id}/reessayer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(retried.status, 303);
      assert.equal(retried.location, '/admin/courriels?notice=reessaye');
      const [requeued] = await db.select().from(outbox).where(eq(outbox.id, plain.id));
      assert.equal(requeued?.status, 'pending');
      assert.equal(requeued?.attempts, 0);

      const refused = await f.browsers.admin.post(`/admin/courriels/${secret.id}/reessayer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(refused.status, 409);
      assert.match(textOf(refused.body), /envoyez plutôt une nouvelle invitation/);
      const [kept] = await db.select().from(outbox).where(eq(outbox.id, secret.id));
      assert.equal(kept?.status, 'failed', 'unchanged');

      // Retrying one that is no longer given up (or an unknown id) finds nothing to do.
      const again = await f.browsers.admin.post(`/admin/courriels/${plain.id}/reessayer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(again.status, 404);
    });

    test('only an administrator may', async () => {
      const page = await f.browsers.referent.get('/compte');
      const res = await f.browsers.referent.post('/admin/courriels/00000000-0000-4000-8000-000000000000/reessayer', { _csrf: csrfTokenOf(page.body) });
      assert.equal(res.status, 403);
    });
  });
}
