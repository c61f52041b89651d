import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { sessions } from './schema.ts';
import { SESSION_IDLE_MINUTES } from './session.service.ts';

// Issue 11, finding 10: sessions lasted 7 days whatever the idleness; the CSRF token outlived a login;
// the cookies had no `__Host-` prefix over https.

for (const driver of drivers) {
  describe(`accounts: sessions end when idle, CSRF tokens follow the session (${driver})`, () => {
    const f = accountsFixture(driver);

    test('a session left unused longer than the idle limit is anonymous; a used one goes on', async () => {
      const email = 'inactive@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const visitor = f.browser();
      await logIn(visitor, email);
      const idleFor = async (minutes: number) =>
        f
          .db()
          .update(sessions)
          .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` })
          .where(eq(sessions.userId, user.id));

      await idleFor(SESSION_IDLE_MINUTES - 10);
      assert.equal((await visitor.get('/compte')).status, 200, 'still within the idle limit');
      const [touched] = await f.db().select().from(sessions).where(eq(sessions.userId, user.id));
      assert.ok(Date.now() - touched!.lastSeenAt.getTime() < 60_000, 'using the session renews it');

      await idleFor(SESSION_IDLE_MINUTES + 1);
      const page = await visitor.get('/compte');
      assert.equal(page.status, 303, 'idle too long: signed out');
      assert.match(page.location!, /^\/connexion\?retour=/);
      assert.equal((await visitor.get('/api/v1/me')).status, 401);
      assert.ok(SESSION_IDLE_MINUTES <= 4 * 60, 'the idle limit is a few hours at most');
    });

    test('the CSRF token is renewed at login: a form of another session is refused', async () => {
      const visitor = f.browser();
      const before = csrfTokenOf((await visitor.get('/connexion')).body);
      const login = await visitor.post('/connexion', { _csrf: before, email: 'agent@mairie-angers.example.fr', password: PASSWORD });
      assert.equal(login.status, 303);
      const cleared = login.setCookies.find((c) => c.name === 'arobase_csrf');
      assert.ok(cleared && (cleared.value === '' || cleared.attributes.expires), 'the CSRF secret is dropped at login');
      // The token read before login no longer passes, even with the very same cookies.
      const replay = await visitor.post('/deconnexion', { _csrf: before });
      assert.equal(replay.status, 403);
      assert.equal((await visitor.get('/compte')).status, 200, 'the session survives the refused form');
      const after = csrfTokenOf((await visitor.get('/compte')).body);
      assert.notEqual(after, before);
      assert.equal((await visitor.post('/deconnexion', { _csrf: after })).status, 303);
    });
  });

  describe(`accounts: cookies over https are __Host- cookies (${driver})`, () => {
    const server = useTestServer(driver, { env: { BASE_URL: 'https://arobase.example.fr' } });

    test('the session, CSRF and known-device cookies are Secure, host-only, for the whole site', async () => {
      await createActiveUser(server.db, { email: 'https@trelaze.example.fr', role: 'member', territoryCode: '49353' });
      // The test server keeps the https address: inject does not care about TLS.
      server.config.baseUrl = 'https://arobase.example.fr';
      const visitor = new TestBrowser(server.app);
      const page = await visitor.get('/connexion');
      const csrf = page.setCookies.find((c) => c.name === '__Host-arobase_csrf');
      assert.ok(csrf, `CSRF cookie: ${page.setCookies.map((c) => c.name).join(', ')}`);
      const login = await visitor.post('/connexion', { _csrf: csrfTokenOf(page.body), email: 'https@trelaze.example.fr', password: PASSWORD });
      assert.equal(login.status, 303);
      const names = login.setCookies.map((c) => c.name);
      assert.ok(!names.includes(SESSION_COOKIE), 'no cookie without the prefix');
      for (const name of ['__Host-arobase_session', '__Host-arobase_appareil']) {
        const cookie = login.setCookies.find((c) => c.name === name);
        assert.ok(cookie, `${name} in ${names.join(', ')}`);
        assert.equal(cookie.attributes.secure, true, `${name} Secure`);
        assert.equal(cookie.attributes.path, '/', `${name} Path=/`);
        assert.equal(cookie.attributes.domain, undefined, `${name} without Domain`);
        assert.equal(cookie.attributes.httponly, true, `${name} HttpOnly`);
      }
      for (const c of [csrf]) {
        assert.equal(c.attributes.secure, true);
        assert.equal(c.attributes.path, '/');
        assert.equal(c.attributes.domain, undefined);
      }
      assert.equal((await visitor.get('/compte')).status, 200, 'the prefixed session cookie signs the person in');
    });
  });
}
