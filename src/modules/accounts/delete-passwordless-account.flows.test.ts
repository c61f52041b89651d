import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { csrfTokenOf, TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { systemCaller } from './permissions.rules.ts';
import { users } from './schema.ts';
import { createSession } from './session.service.ts';
import { createUser } from './users.service.ts';

for (const driver of drivers) {
  describe(`deleting an account opened through an identity provider (no password) (${driver})`, () => {
    const server = useTestServer(driver);

    test('its address confirms the deletion: a session left open is not enough', async () => {
      const db = server.database.db;
      const email = 'agent.sso@mairie.example.fr';
      const user = await createUser(db, systemCaller('test: an account opened by SSO'), { email, role: 'member' });
      const session = await createSession(db, user.id, 24);
      const browser = new TestBrowser(server.app);
      browser.setCookie(SESSION_COOKIE, server.app.signCookie(session.token)); // as the login sets it, signed

      const page = await browser.get('/compte/supprimer');
      assert.equal(page.status, 200);
      assert.match(page.body, /<input[^>]*name="password"[^>]*type="email"/, 'the form asks for the address, not a password');
      const csrf = csrfTokenOf(page.body);
      for (const typed of ['', 'nimporte quoi']) {
        const refused = await browser.post('/compte/supprimer', { password: typed, _csrf: csrf });
        assert.equal(refused.status, 400, `typed « ${typed} »`);
        assert.match(textOf(refused.body), /adresse e-mail de votre compte/);
        const [still] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
        assert.equal(still?.email, email, 'nothing erased');
      }
      const deleted = await browser.post('/compte/supprimer', { password: ' Agent.SSO@mairie.example.fr ', _csrf: csrf });
      assert.equal(deleted.status, 303);
      const [gone] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
      assert.notEqual(gone?.email, email, 'the address is erased');
    });
  });
}
