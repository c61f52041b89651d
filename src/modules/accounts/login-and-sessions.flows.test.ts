import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { sessions } from './schema.ts';
import { accountsFixture, JUROR, MEMBER } from '../../../test/support/accounts-fixture.ts';

for (const driver of drivers) {
  describe(`accounts: login, sessions and forms (${driver})`, () => {
    const f = accountsFixture(driver);

    test('a form posted with a wrong or missing CSRF token gets 403 and changes nothing', async () => {
      const users0 = await f.userCount();
      const outbox0 = await f.outboxCount();
      const fields = { email: 'csrf@trelaze.example.fr', role: 'member', territoryCode: '49353' };

      const missing = await f.admin.post('/admin/utilisateurs', fields);
      assert.equal(missing.status, 403);
      assert.match(textOf(missing.body), /Ce formulaire a expiré ou ne vient pas de ce site/);

      const wrong = await f.admin.post('/admin/utilisateurs', { ...fields, _csrf: 'pas-le-bon-jeton' });
      assert.equal(wrong.status, 403);

      // A valid token of another browser (an attacker’s own session) is no good either.
      const attacker = f.browser();
      const attackerToken = csrfTokenOf((await attacker.get('/connexion')).body);
      const foreign = await f.admin.post('/admin/utilisateurs', { ...fields, _csrf: attackerToken });
      assert.equal(foreign.status, 403);

      assert.equal(await f.userCount(), users0, 'no account created');
      assert.equal(await f.outboxCount(), outbox0, 'no email queued');
      assert.equal(await f.userByEmail(fields.email), undefined);

      // Logging out needs the token too, and without it the session survives.
      assert.equal((await f.member.post('/deconnexion', {})).status, 403);
      assert.equal((await f.member.get('/compte')).status, 200);
      // Logging in as well (no login CSRF).
      const login = await f.browser().post('/connexion', { email: MEMBER, password: PASSWORD });
      assert.equal(login.status, 403);
      assert.equal(
        login.setCookies.find((c) => c.name === SESSION_COOKIE),
        undefined,
      );
    });

    test('an unknown address and a wrong password get the same answer', async () => {
      const unknown = await f.browser().submit('/connexion', { email: 'personne@nulle-part.example.fr', password: PASSWORD });
      const wrong = await f.browser().submit('/connexion', { email: JUROR, password: 'pas le bon mot de passe' });
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.equal(textOf(unknown.body).replace('personne@nulle-part.example.fr', 'X'), textOf(wrong.body).replace(JUROR, 'X'));
    });

    test('one client sending many login attempts is slowed down, whatever the addresses', async () => {
      const client = f.browser();
      const token = csrfTokenOf((await client.get('/connexion')).body);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push((await client.post('/connexion', { _csrf: token, email: `robot${i}@example.fr`, password: 'x' })).status);
      }
      assert.deepEqual(statuses, Array(20).fill(401));
      const slowed = await client.post('/connexion', { _csrf: token, email: JUROR, password: PASSWORD });
      assert.equal(slowed.status, 429);
      assert.match(textOf(slowed.body), /Trop de tentatives\. Patientez une minute/);
      assert.equal(client.cookie(SESSION_COOKIE), undefined);
      // Another client is not affected.
      await logIn(f.browser(), JUROR);
    });

    test('the session cookie is HttpOnly, SameSite=Lax, and is a new one at each login', async () => {
      const email = 'rotation@trelaze.example.fr';
      await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const visitor = f.browser();
      // A login form left open in a second tab, submitted after logging in in the first one.
      const oldTab = await visitor.get('/connexion');
      assert.equal(
        oldTab.setCookies.find((c) => c.name === SESSION_COOKIE),
        undefined,
        'no session before login',
      );

      const first = await logIn(visitor, email);
      const cookie = first.setCookies.find((c) => c.name === SESSION_COOKIE);
      assert.ok(cookie, 'login sets the session cookie');
      assert.equal(cookie.attributes.httponly, true);
      assert.equal(String(cookie.attributes.samesite).toLowerCase(), 'lax');
      assert.equal(cookie.attributes.path, '/');
      assert.ok(Date.parse(String(cookie.attributes.expires)) > Date.now(), 'expires in the future');
      const before = visitor.cookie(SESSION_COOKIE)!;
      assert.equal((await visitor.get('/compte')).status, 200);

      // The form of the tab left open carries a token of the visitor before login: the CSRF token is
      // renewed at login and bound to the session, so it is refused and the session stays as it is.
      const stale = await visitor.post('/connexion', { _csrf: csrfTokenOf(oldTab.body), email, password: PASSWORD, retour: '/compte' });
      assert.equal(stale.status, 403);
      assert.equal(visitor.cookie(SESSION_COOKIE), before);
      const fresh = csrfTokenOf((await visitor.get('/compte')).body);
      const second = await visitor.post('/connexion', { _csrf: fresh, email, password: PASSWORD, retour: '/compte' });
      assert.equal(second.status, 303);
      const after = visitor.cookie(SESSION_COOKIE)!;
      assert.notEqual(after, before, 'a new session at each login');
      assert.equal((await visitor.get('/compte')).status, 200);
      const replay = f.browser();
      replay.setCookie(SESSION_COOKIE, before);
      assert.equal((await replay.get('/compte')).status, 303, 'the pre-login session is no longer valid');
      assert.equal((await replay.get('/api/v1/me')).status, 401);

      const user = (await f.userByEmail(email))!;
      const rows = await f.db().select().from(sessions).where(eq(sessions.userId, user.id));
      assert.equal(rows.length, 1, 'one live session in the database');
      assert.ok(!after.includes(rows[0]!.idHash) && !rows[0]!.idHash.includes(after.split('.')[0]!), 'the database keeps a hash, not the cookie value');
    });

    test('after login only a local page is followed (no open redirect)', async () => {
      for (const retour of ['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example']) {
        const viaForm = await f.browser().submit(`/connexion?retour=${encodeURIComponent(retour)}`, { email: JUROR, password: PASSWORD });
        assert.equal(viaForm.location, '/compte', JSON.stringify(retour));
        // A forged form posting the field directly.
        const forged = f.browser();
        const page = await forged.get('/connexion');
        const res = await forged.post('/connexion', { _csrf: csrfTokenOf(page.body), email: JUROR, password: PASSWORD, retour });
        assert.equal(res.status, 303, JSON.stringify(retour));
        assert.equal(res.location, '/compte', JSON.stringify(retour));
      }
      const back = await f.browser().submit('/connexion?retour=%2Fterritoires%3Fq%3Dtrelaze', { email: JUROR, password: PASSWORD });
      assert.equal(back.location, '/territoires?q=trelaze');
    });

    test('an expired session is anonymous', async () => {
      const email = 'expiree@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const visitor = f.browser();
      await logIn(visitor, email);
      assert.equal((await visitor.get('/compte')).status, 200);
      await f
        .db()
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(sessions.userId, user.id));
      assert.equal((await visitor.get('/compte')).status, 303);
    });

    test('a tampered session cookie is anonymous', async () => {
      const visitor = f.browser();
      await logIn(visitor, JUROR);
      const value = visitor.cookie(SESSION_COOKIE)!;
      const [secret, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.'))];
      const forged = f.browser();
      forged.setCookie(SESSION_COOKIE, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A') + signature);
      assert.equal((await forged.get('/compte')).status, 303);
      forged.setCookie(SESSION_COOKIE, secret);
      assert.equal((await forged.get('/compte')).status, 303, 'an unsigned value is refused');
    });

    test('logging out ends the session on the server: the old cookie is worth nothing', async () => {
      const visitor = f.browser();
      await logIn(visitor, JUROR);
      const cookie = visitor.cookie(SESSION_COOKIE)!;
      const out = await visitor.submit('/compte', {}, { action: '/deconnexion' });
      assert.equal(out.status, 303);

      const replay = f.browser();
      replay.setCookie(SESSION_COOKIE, cookie);
      const page = await replay.get('/compte');
      assert.equal(page.status, 303);
      assert.match(page.location!, /^\/connexion\?retour=/);
      const home = await replay.get('/');
      assert.match(home.body, /href="\/connexion"/, 'the header offers to log in');
      const me = await replay.get('/api/v1/me');
      assert.equal(me.status, 401);
      assert.equal(me.json().error, 'unauthorized');
    });
  });
}
