import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { csrfTokenOf, emailsTo, latestEmailTo, latestLinkTo, linkIn, TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { deliverDueEmails, listOutbox } from '../notifications/outbox.service.ts';
import { outbox } from '../notifications/schema.ts';
import { createApiToken, revokeApiToken } from './api-tokens.service.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import { getUser } from './users.service.ts';
import { apiTokens, sessions, users, userTokens } from './schema.ts';

for (const driver of drivers) {
  describe(`accounts, as people meet them (${driver})`, () => {
    let server: TestServer;
    let admin: TestBrowser;
    let juror: TestBrowser;
    let member: TestBrowser;
    const ADMIN = 'admin@label.example.fr';
    const JUROR = 'jure@label.example.fr';
    const MEMBER = 'agent@mairie-angers.example.fr';

    before(async () => {
      server = await startTestServer(driver);
      const db = server.database.db;
      await createActiveUser(db, { email: ADMIN, role: 'admin' });
      await createActiveUser(db, { email: JUROR, role: 'juror' });
      await createActiveUser(db, { email: MEMBER, role: 'member', territoryCode: '49007', territoryRole: 'contributor' });
      admin = new TestBrowser(server.app);
      juror = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
      await logIn(juror, JUROR);
      await logIn(member, MEMBER);
    });
    after(() => server.close());

    const db = () => server.database.db;
    const browser = () => new TestBrowser(server.app);
    const userCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;
    const outboxCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(outbox))[0]!.n;
    const userByEmail = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0];
    /** The admin invites someone through the form of /admin/utilisateurs; answers the invitation link. */
    async function invite(email: string, fields: Record<string, string> = { role: 'member', territoryCode: '49353', territoryRole: 'referent' }) {
      const res = await admin.submit('/admin/utilisateurs', { email, displayName: '', ...fields });
      assert.equal(res.status, 303, textOf(res.body));
      return latestLinkTo(db(), email, '/mot-de-passe/');
    }

    test('an invited member of Trélazé sets a password, logs in, logs out and logs in again', async () => {
      const email = 'elu.numerique@trelaze.example.fr';
      const res = await admin.submit('/admin/utilisateurs', {
        email: 'Elu.Numerique@Trelaze.example.fr',
        displayName: 'Camille Martin',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      assert.equal(res.status, 303);
      assert.equal(res.location, `/admin/utilisateurs?invite=${encodeURIComponent(email)}`);
      const list = await admin.follow(res);
      assert.match(textOf(list.body), /Invitation envoyée à elu\.numerique@trelaze\.example\.fr/);
      assert.match(textOf(list.body), /49353 \(Référent\)/);

      const invitation = await latestEmailTo(db(), email);
      assert.ok(invitation, 'an invitation email is queued');
      assert.equal(invitation.subject, 'Votre invitation sur arobase');
      assert.match(invitation.body, /pour Trélazé/);
      assert.equal(invitation.status, 'pending');
      const link = linkIn(invitation.body, '/mot-de-passe/');
      assert.match(link, /^\/mot-de-passe\/[\w-]{40,}$/);

      const visitor = browser();
      const form = await visitor.get(link);
      assert.equal(form.status, 200);
      assert.match(textOf(form.body), /Activer votre compte/);
      assert.match(textOf(form.body), /elu\.numerique@trelaze\.example\.fr/);

      const set = await visitor.submit(link, { password: 'Trélazé, ville numérique 2027', confirmation: 'Trélazé, ville numérique 2027' });
      assert.equal(set.status, 303);
      assert.equal(set.location, '/compte?ok=mot-de-passe');
      const account = await visitor.follow(set);
      assert.equal(account.status, 200, 'logged in right after choosing the password');
      assert.match(textOf(account.body), /Trélazé/);
      assert.match(textOf(account.body), /Référent/);
      assert.match(textOf(account.body), /Votre mot de passe est enregistré/);

      const out = await visitor.submit('/compte', {}, { action: '/deconnexion' });
      assert.equal(out.status, 303);
      assert.equal(out.location, '/?deconnecte=1');
      assert.equal(visitor.cookie(SESSION_COOKIE), undefined, 'the session cookie is cleared');

      const locked = await visitor.get('/compte');
      assert.equal(locked.status, 303);
      assert.equal(locked.location, '/connexion?retour=%2Fcompte');

      const login = await visitor.submit(locked.location, { email, password: 'Trélazé, ville numérique 2027' });
      assert.equal(login.status, 303);
      assert.equal(login.location, '/compte', 'brought back to the page asked for');
      assert.equal((await visitor.follow(login)).status, 200);

      const again = await browser().get(link);
      assert.equal(again.status, 410, 'the invitation link works once');
      assert.match(textOf(again.body), /Ce lien n'est plus valable/);
    });

    test('an invitation link cannot be used twice', async () => {
      const email = 'deux.fois@trelaze.example.fr';
      const link = await invite(email);
      const first = await browser().submit(link, { password: PASSWORD, confirmation: PASSWORD });
      assert.equal(first.status, 303);
      const hashAfterFirst = (await userByEmail(email))!.passwordHash;

      // A second person who kept the form open posts it after the first one.
      const late = browser();
      const page = await late.get('/connexion');
      const res = await late.post(link, { _csrf: csrfTokenOf(page.body), password: 'un autre mot de passe long', confirmation: 'un autre mot de passe long' });
      assert.equal(res.status, 410);
      assert.equal(late.cookie(SESSION_COOKIE), undefined, 'no session for a spent link');
      assert.equal((await userByEmail(email))!.passwordHash, hashAfterFirst, 'the password is unchanged');
      assert.equal((await browser().get(link)).status, 410);
    });

    test('an expired invitation link answers 410', async () => {
      const email = 'en.retard@trelaze.example.fr';
      const link = await invite(email);
      const user = (await userByEmail(email))!;
      await db().update(userTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userTokens.userId, user.id));
      const visitor = browser();
      assert.equal((await visitor.get(link)).status, 410);
      const page = await visitor.get('/connexion');
      const res = await visitor.post(link, { _csrf: csrfTokenOf(page.body), password: PASSWORD, confirmation: PASSWORD });
      assert.equal(res.status, 410);
      assert.equal((await userByEmail(email))!.passwordHash, null);
    });

    test('a too short or mismatched password is refused with a French message and changes nothing', async () => {
      const email = 'mot.de.passe@trelaze.example.fr';
      const link = await invite(email);
      const visitor = browser();

      const short = await visitor.submit(link, { password: 'court', confirmation: 'court' });
      assert.equal(short.status, 400);
      assert.match(textOf(short.body), /Mot de passe : doit contenir au moins 12 caractères/);

      const differ = await visitor.submit(link, { password: 'une phrase de passe assez longue', confirmation: 'une autre phrase de passe' });
      assert.equal(differ.status, 400);
      assert.match(textOf(differ.body), /Confirmation : les deux mots de passe ne sont pas identiques/);

      assert.equal(visitor.cookie(SESSION_COOKIE), undefined, 'not logged in');
      assert.equal((await userByEmail(email))!.passwordHash, null, 'no password was set');
      assert.equal((await visitor.get(link)).status, 200, 'the link is still valid');
      assert.equal((await visitor.submit(link, { password: PASSWORD, confirmation: PASSWORD })).status, 303);
    });

    test('a form posted with a wrong or missing CSRF token gets 403 and changes nothing', async () => {
      const users0 = await userCount();
      const outbox0 = await outboxCount();
      const fields = { email: 'csrf@trelaze.example.fr', role: 'member', territoryCode: '49353' };

      const missing = await admin.post('/admin/utilisateurs', fields);
      assert.equal(missing.status, 403);
      assert.match(textOf(missing.body), /Ce formulaire a expiré ou ne vient pas de ce site/);

      const wrong = await admin.post('/admin/utilisateurs', { ...fields, _csrf: 'pas-le-bon-jeton' });
      assert.equal(wrong.status, 403);

      // A valid token of another browser (an attacker's own session) is no good either.
      const attacker = browser();
      const attackerToken = csrfTokenOf((await attacker.get('/connexion')).body);
      const foreign = await admin.post('/admin/utilisateurs', { ...fields, _csrf: attackerToken });
      assert.equal(foreign.status, 403);

      assert.equal(await userCount(), users0, 'no account created');
      assert.equal(await outboxCount(), outbox0, 'no email queued');
      assert.equal(await userByEmail(fields.email), undefined);

      // Logging out needs the token too, and without it the session survives.
      assert.equal((await member.post('/deconnexion', {})).status, 403);
      assert.equal((await member.get('/compte')).status, 200);
      // Logging in as well (no login CSRF).
      const login = await browser().post('/connexion', { email: MEMBER, password: PASSWORD });
      assert.equal(login.status, 403);
      assert.equal(login.setCookies.find((c) => c.name === SESSION_COOKIE), undefined);
    });

    test('after five failed logins the sixth attempt is refused, even with the right password', async () => {
      const email = 'tentatives@trelaze.example.fr';
      await createActiveUser(db(), { email, role: 'member', territoryCode: '49353' });
      const guesser = browser();
      for (let i = 1; i <= 5; i++) {
        const res = await guesser.submit('/connexion', { email, password: `mauvais mot de passe ${i}` });
        assert.equal(res.status, 401, `failure ${i}`);
        assert.match(textOf(res.body), /Adresse e-mail ou mot de passe incorrect\./);
      }
      // The owner, from another computer, with the right password: locked for now.
      const owner = browser();
      const res = await owner.submit('/connexion', { email: email.toUpperCase(), password: PASSWORD });
      assert.equal(res.status, 429);
      assert.match(textOf(res.body), /Trop de tentatives de connexion pour ce compte\. Réessayez dans 1 minute/);
      assert.ok(Number(res.headers['retry-after']) > 0, 'Retry-After tells when to come back');
      assert.equal(owner.cookie(SESSION_COOKIE), undefined, 'no session opened');
      assert.equal((await owner.get('/compte')).status, 303);

      // The lock is per account: the others still log in.
      const other = browser();
      await logIn(other, JUROR);
    });

    test('an unknown address and a wrong password get the same answer', async () => {
      const unknown = await browser().submit('/connexion', { email: 'personne@nulle-part.example.fr', password: PASSWORD });
      const wrong = await browser().submit('/connexion', { email: JUROR, password: 'pas le bon mot de passe' });
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.equal(
        textOf(unknown.body).replace('personne@nulle-part.example.fr', 'X'),
        textOf(wrong.body).replace(JUROR, 'X'),
      );
    });

    test('one client sending many login attempts is slowed down, whatever the addresses', async () => {
      const client = browser();
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
      await logIn(browser(), JUROR);
    });

    test('the session cookie is HttpOnly, SameSite=Lax, and is a new one at each login', async () => {
      const email = 'rotation@trelaze.example.fr';
      await createActiveUser(db(), { email, role: 'member', territoryCode: '49353' });
      const visitor = browser();
      // A login form left open in a second tab, submitted after logging in in the first one.
      const oldTab = await visitor.get('/connexion');
      assert.equal(oldTab.setCookies.find((c) => c.name === SESSION_COOKIE), undefined, 'no session before login');

      const first = await logIn(visitor, email);
      const cookie = first.setCookies.find((c) => c.name === SESSION_COOKIE);
      assert.ok(cookie, 'login sets the session cookie');
      assert.equal(cookie.attributes.httponly, true);
      assert.equal(String(cookie.attributes.samesite).toLowerCase(), 'lax');
      assert.equal(cookie.attributes.path, '/');
      assert.ok(Date.parse(String(cookie.attributes.expires)) > Date.now(), 'expires in the future');
      const before = visitor.cookie(SESSION_COOKIE)!;
      assert.equal((await visitor.get('/compte')).status, 200);

      const second = await visitor.post('/connexion', { _csrf: csrfTokenOf(oldTab.body), email, password: PASSWORD, retour: '/compte' });
      assert.equal(second.status, 303);
      const after = visitor.cookie(SESSION_COOKIE)!;
      assert.notEqual(after, before, 'a new session at each login');
      assert.equal((await visitor.get('/compte')).status, 200);
      const replay = browser();
      replay.setCookie(SESSION_COOKIE, before);
      assert.equal((await replay.get('/compte')).status, 303, 'the pre-login session is no longer valid');
      assert.equal((await replay.get('/api/v1/me')).status, 401);

      const user = (await userByEmail(email))!;
      const rows = await db().select().from(sessions).where(eq(sessions.userId, user.id));
      assert.equal(rows.length, 1, 'one live session in the database');
      assert.ok(!after.includes(rows[0]!.idHash) && !rows[0]!.idHash.includes(after.split('.')[0]!), 'the database keeps a hash, not the cookie value');
    });

    test('after login only a local page is followed (no open redirect)', async () => {
      for (const retour of ['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example']) {
        const viaForm = await browser().submit(`/connexion?retour=${encodeURIComponent(retour)}`, { email: JUROR, password: PASSWORD });
        assert.equal(viaForm.location, '/compte', JSON.stringify(retour));
        // A forged form posting the field directly.
        const forged = browser();
        const page = await forged.get('/connexion');
        const res = await forged.post('/connexion', { _csrf: csrfTokenOf(page.body), email: JUROR, password: PASSWORD, retour });
        assert.equal(res.status, 303, JSON.stringify(retour));
        assert.equal(res.location, '/compte', JSON.stringify(retour));
      }
      const back = await browser().submit('/connexion?retour=%2Fterritoires%3Fq%3Dtrelaze', { email: JUROR, password: PASSWORD });
      assert.equal(back.location, '/territoires?q=trelaze');
    });

    test('an expired session is anonymous', async () => {
      const email = 'expiree@trelaze.example.fr';
      const user = await createActiveUser(db(), { email, role: 'member', territoryCode: '49353' });
      const visitor = browser();
      await logIn(visitor, email);
      assert.equal((await visitor.get('/compte')).status, 200);
      await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
      assert.equal((await visitor.get('/compte')).status, 303);
    });

    test('a tampered session cookie is anonymous', async () => {
      const visitor = browser();
      await logIn(visitor, JUROR);
      const value = visitor.cookie(SESSION_COOKIE)!;
      const [secret, signature] = [value.slice(0, value.lastIndexOf('.')), value.slice(value.lastIndexOf('.'))];
      const forged = browser();
      forged.setCookie(SESSION_COOKIE, secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A') + signature);
      assert.equal((await forged.get('/compte')).status, 303);
      forged.setCookie(SESSION_COOKIE, secret);
      assert.equal((await forged.get('/compte')).status, 303, 'an unsigned value is refused');
    });

    test('logging out ends the session on the server: the old cookie is worth nothing', async () => {
      const visitor = browser();
      await logIn(visitor, JUROR);
      const cookie = visitor.cookie(SESSION_COOKIE)!;
      const out = await visitor.submit('/compte', {}, { action: '/deconnexion' });
      assert.equal(out.status, 303);

      const replay = browser();
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

    test('password reset: the same answer for any address, one email with a link valid once', async () => {
      const email = 'oubli@trelaze.example.fr';
      await createActiveUser(db(), { email, role: 'member', territoryCode: '49353' });
      // Someone is logged in elsewhere with the old password.
      const elsewhere = browser();
      await logIn(elsewhere, email);

      const outbox0 = await outboxCount();
      const unknown = await browser().submit('/mot-de-passe-oublie', { email: 'inconnu@trelaze.example.fr' });
      assert.equal(unknown.status, 200);
      assert.equal(await outboxCount(), outbox0, 'no email for an unknown address');

      const known = await browser().submit('/mot-de-passe-oublie', { email: ` ${email.toUpperCase()} ` });
      assert.equal(known.status, 200);
      assert.equal(textOf(known.body), textOf(unknown.body), 'the page does not tell whether the account exists');
      assert.match(textOf(known.body), /Si un compte existe avec cette adresse/);
      const mails = await emailsTo(db(), email);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, 'Réinitialisation de votre mot de passe arobase');
      const firstLink = linkIn(mails[0]!.body, '/mot-de-passe/');

      // Asking again replaces the link: only the latest one works.
      await browser().submit('/mot-de-passe-oublie', { email });
      const link = await latestLinkTo(db(), email, '/mot-de-passe/');
      assert.notEqual(link, firstLink);
      assert.equal((await browser().get(firstLink)).status, 410);

      const visitor = browser();
      const page = await visitor.get(link);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Choisir un nouveau mot de passe/);
      const newPassword = 'un tout nouveau mot de passe';
      const set = await visitor.submit(link, { password: newPassword, confirmation: newPassword });
      assert.equal(set.status, 303);
      assert.equal((await visitor.get('/compte')).status, 200);

      assert.equal((await elsewhere.get('/compte')).status, 303, 'sessions opened with the old password end');
      assert.equal((await browser().get(link)).status, 410, 'the link works once');
      assert.equal((await browser().submit('/connexion', { email, password: PASSWORD })).status, 401, 'the old password is refused');
      await logIn(browser(), email, newPassword);
    });

    test('a bad address on the reset form is a 400 naming the field', async () => {
      const res = await browser().submit('/mot-de-passe-oublie', { email: 'pas-une-adresse' });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /Adresse e-mail : doit être une adresse e-mail valide/);
    });

    test('an API token authenticates API calls until revoked', async () => {
      const juror0 = (await userByEmail(JUROR))!;
      const { id, token } = await createApiToken(db(), juror0.id, 'Intégration');
      assert.match(token, /^arb_[\w-]{40,}$/);

      const api = browser();
      const me = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(me.status, 200);
      assert.deepEqual(me.json(), { id: juror0.id, email: JUROR, displayName: null, role: 'juror', memberships: [] });
      const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, id));
      assert.ok(row!.lastUsedAt, 'last use is recorded');
      assert.notEqual(row!.tokenHash, token, 'only a hash is stored');

      for (const bogus of ['arb_inventé', 'nimporte-quoi', token.slice(0, -2), '']) {
        const res = await api.get('/api/v1/me', { authorization: `Bearer ${bogus}` });
        assert.equal(res.status, 401, `token ${JSON.stringify(bogus)}`);
        assert.match(String(res.headers['content-type']), /application\/json/);
        assert.equal(res.json().error, 'unauthorized');
        assert.match(res.json().message, /Connectez-vous/);
      }
      assert.equal((await api.get('/api/v1/me')).status, 401, 'no credentials at all');

      assert.equal(await revokeApiToken(db(), juror0.id, id), true);
      const revoked = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(revoked.status, 401);
      assert.equal(revoked.json().error, 'unauthorized');
    });

    test('a member creates and revokes a token from their account page', async () => {
      const created = await member.submit('/compte', { name: 'Site de la mairie' }, { action: '/compte/jetons' });
      assert.equal(created.status, 200);
      assert.equal(created.headers['cache-control'], 'no-store');
      const token = /arb_[\w-]{40,}/.exec(created.body)?.[0];
      assert.ok(token, 'the new token is shown once');
      const me = await browser().get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(me.status, 200);
      assert.equal(me.json().email, MEMBER);
      assert.deepEqual(me.json().memberships, [{ territoryCode: '49007', role: 'contributor' }]);
      assert.ok(!(await member.get('/compte')).body.includes(token), 'never shown again');

      const account = await member.get('/compte');
      const revokeAction = /action="(\/compte\/jetons\/[0-9a-f-]{36}\/revoquer)"/.exec(account.body)?.[1];
      assert.ok(revokeAction);
      const revoked = await member.submit('/compte', {}, { action: revokeAction });
      assert.equal(revoked.status, 303);
      assert.equal((await browser().get('/api/v1/me', { authorization: `Bearer ${token}` })).status, 401);

      // Another person cannot revoke someone else's token.
      const { id } = await createApiToken(db(), (await userByEmail(MEMBER))!.id, 'Autre');
      const page = await juror.get('/compte');
      const attempt = await juror.post(`/compte/jetons/${id}/revoquer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(attempt.status, 404);
      const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, id));
      assert.equal(row!.revokedAt, null);
    });

    for (const path of ['/admin', '/admin/utilisateurs', '/admin/courriels']) {
      test(`${path}: anonymous → login, member and juror → 403, admin → 200`, async () => {
        const anonymous = await browser().get(path);
        assert.equal(anonymous.status, 303);
        assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(path)}`);
        for (const [who, b] of [['member', member], ['juror', juror]] as const) {
          const res = await b.get(path);
          assert.equal(res.status, 403, who);
          assert.match(textOf(res.body), /Vous n'avez pas les droits pour cette action/);
          assert.match(res.body, /<html lang="fr">/);
        }
        assert.equal((await admin.get(path)).status, 200);
      });
    }

    test('a member cannot invite, even with a valid form token', async () => {
      const users0 = await userCount();
      const page = await member.get('/compte');
      const res = await member.post('/admin/utilisateurs', { _csrf: csrfTokenOf(page.body), email: 'intrus@example.fr', role: 'admin' });
      assert.equal(res.status, 403);
      assert.equal(await userCount(), users0);
    });

    test('an anonymous POST to an admin form is sent to the login page and creates nothing', async () => {
      const users0 = await userCount();
      const visitor = browser();
      const page = await visitor.get('/connexion');
      const res = await visitor.post('/admin/utilisateurs', { _csrf: csrfTokenOf(page.body), email: 'anonyme@example.fr', role: 'admin' });
      assert.equal(res.status, 303);
      assert.match(res.location!, /^\/connexion\?retour=/);
      assert.equal(await userCount(), users0);
    });

    const badInvitations: [string, string, Record<string, string>, RegExp][] = [
      ['a bad email', 'email', { email: 'pas-une-adresse', role: 'member' }, /Adresse e-mail : doit être une adresse e-mail valide/],
      ['no email', 'email', { email: '', role: 'member' }, /Adresse e-mail : doit être une adresse e-mail valide/],
      ['an unknown territory code', 'territoryCode', { email: 'inconnu@example.fr', role: 'member', territoryCode: '99999' }, /Territoire : aucun territoire ne porte le code « 99999 »/],
      ['an unknown role', 'role', { email: 'role@example.fr', role: 'maire' }, /Rôle : doit valoir admin, juror ou member/],
      ['an unknown territory role', 'territoryRole', { email: 'role2@example.fr', role: 'member', territoryCode: '49353', territoryRole: 'maire' }, /Rôle dans le territoire : doit valoir referent, contributor ou reader/],
      ['an address already taken', 'email', { email: ADMIN.toUpperCase(), role: 'member' }, /Adresse e-mail : un compte existe déjà avec cette adresse/],
    ];
    for (const [what, field, fields, message] of badInvitations) {
      test(`an invitation with ${what} is a 400 naming the field, and creates nothing`, async () => {
        const users0 = await userCount();
        const outbox0 = await outboxCount();
        const res = await admin.submit('/admin/utilisateurs', fields);
        assert.equal(res.status, 400);
        assert.match(textOf(res.body).slice(0, 1_000), message);
        assert.ok(res.body.includes(`href="#champ-${field}"`), 'the error summary links to the field');
        assert.ok(res.body.includes(`id="champ-${field}"`), 'and the field is on the page');
        assert.equal(await userCount(), users0, 'no account created');
        assert.equal(await outboxCount(), outbox0, 'no email queued');
      });
    }

    test('what people type is escaped on the pages that show it', async () => {
      const res = await admin.submit('/admin/utilisateurs', { email: 'echappe@example.fr', displayName: '<script>alert(1)</script>', role: 'juror' });
      assert.equal(res.status, 303);
      const page = await admin.get('/admin/utilisateurs');
      assert.ok(!page.body.includes('<script>alert(1)</script>'));
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });

    test('without SMTP, due emails are written to the log, marked logged, and readable by an admin', async () => {
      const email = 'courriel@trelaze.example.fr';
      const link = await invite(email);
      const logged: string[] = [];
      const log = { info: (message: string) => logged.push(message), error: () => assert.fail('no delivery error expected') };
      while ((await deliverDueEmails(db(), { kind: 'log', log })) > 0);

      const message = await latestEmailTo(db(), email);
      assert.equal(message!.status, 'logged');
      assert.equal(message!.attempts, 1);
      assert.ok(message!.sentAt);
      const entry = logged.find((l) => l.includes(`À : ${email}`));
      assert.ok(entry, 'the email is in the log');
      assert.ok(entry.includes(message!.body), 'with its whole body (the link included)');
      assert.ok(entry.includes(link));
      assert.equal((await listOutbox(db(), 1_000)).filter((m) => m.status === 'pending').length, 0, 'nothing left pending');
      assert.equal(await deliverDueEmails(db(), { kind: 'log', log }), 0, 'a logged email is not delivered twice');

      const page = await admin.get('/admin/courriels');
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      const text = textOf(page.body);
      assert.match(text, new RegExp(`À ${email.replace(/\./g, '\\.')}`));
      assert.ok(text.includes(link), 'the admin can read the link');
      assert.match(text, /Écrit dans le journal \(pas de SMTP\)/);
    });

    test('the account of a member shows their territory, their role and no admin link', async () => {
      const page = await member.get('/compte');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Angers/);
      assert.ok(!page.body.includes('href="/admin"'));
      assert.match((await admin.get('/compte')).body, /href="\/admin"/);
      const user = await getUser(db(), (await userByEmail(MEMBER))!.id);
      assert.ok(user!.lastLoginAt, 'the last login is recorded');
    });
  });
}
