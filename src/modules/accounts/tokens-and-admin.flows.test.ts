import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { csrfTokenOf, latestEmailTo, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { deliverDueEmails, listOutbox } from '../notifications/outbox.service.ts';
import { createApiToken, revokeApiToken } from './api-tokens.service.ts';
import { createUser, getUser, inviteUser, listUsers } from './users.service.ts';
import { systemCaller, type Person } from './permissions.rules.ts';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import { readOutbox } from '../admin/outbox.service.ts';
import { apiTokens } from './schema.ts';
import { accountsFixture, ADMIN, JUROR, MEMBER } from '../../../test/support/accounts-fixture.ts';

for (const driver of drivers) {
  describe(`accounts: API tokens, administration and emails (${driver})`, () => {
    const f = accountsFixture(driver);

    test('an API token authenticates API calls until revoked', async () => {
      const juror0 = (await f.userByEmail(JUROR))!;
      const { id, token } = await createApiToken(f.db(), juror0.id, 'Intégration');
      assert.match(token, /^arb_[\w-]{40,}$/);

      const api = f.browser();
      const me = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(me.status, 200);
      assert.deepEqual(me.json(), { id: juror0.id, email: JUROR, displayName: null, role: 'juror', memberships: [] });
      const [row] = await f.db().select().from(apiTokens).where(eq(apiTokens.id, id));
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

      assert.equal(await revokeApiToken(f.db(), juror0.id, id), true);
      const revoked = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(revoked.status, 401);
      assert.equal(revoked.json().error, 'unauthorized');
    });

    test('a member creates and revokes a token from their account page', async () => {
      const created = await f.member.submit('/compte', { name: 'Site de la mairie' }, { action: '/compte/jetons' });
      assert.equal(created.status, 200);
      assert.equal(created.headers['cache-control'], 'private, no-store');
      const token = /arb_[\w-]{40,}/.exec(created.body)?.[0];
      assert.ok(token, 'the new token is shown once');
      const me = await f.browser().get('/api/v1/me', { authorization: `Bearer ${token}` });
      assert.equal(me.status, 200);
      assert.equal(me.json().email, MEMBER);
      assert.deepEqual(me.json().memberships, [{ territoryCode: '49007', role: 'contributor' }]);
      assert.ok(!(await f.member.get('/compte')).body.includes(token), 'never shown again');

      const account = await f.member.get('/compte');
      const revokeAction = /action="(\/compte\/jetons\/[0-9a-f-]{36}\/revoquer)"/.exec(account.body)?.[1];
      assert.ok(revokeAction);
      const revoked = await f.member.submit('/compte', {}, { action: revokeAction });
      assert.equal(revoked.status, 303);
      assert.equal((await f.browser().get('/api/v1/me', { authorization: `Bearer ${token}` })).status, 401);

      // Another person cannot revoke someone else’s token.
      const { id } = await createApiToken(f.db(), (await f.userByEmail(MEMBER))!.id, 'Autre');
      const page = await f.juror.get('/compte');
      const attempt = await f.juror.post(`/compte/jetons/${id}/revoquer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(attempt.status, 404);
      const [row] = await f.db().select().from(apiTokens).where(eq(apiTokens.id, id));
      assert.equal(row!.revokedAt, null);
    });

    for (const path of ['/admin', '/admin/utilisateurs', '/admin/courriels']) {
      test(`${path}: anonymous → login, member and juror → 403, admin → 200`, async () => {
        const anonymous = await f.browser().get(path);
        assert.equal(anonymous.status, 303);
        assert.equal(anonymous.location, `/connexion?retour=${encodeURIComponent(path)}`);
        for (const [who, b] of [
          ['member', f.member],
          ['juror', f.juror],
        ] as const) {
          const res = await b.get(path);
          assert.equal(res.status, 403, who);
          assert.match(textOf(res.body), /Vous n’avez pas les droits pour cette action/);
          assert.match(res.body, /<html lang="fr">/);
        }
        assert.equal((await f.admin.get(path)).status, 200);
      });
    }

    test('a member cannot invite, even with a valid form token', async () => {
      const users0 = await f.userCount();
      const page = await f.member.get('/compte');
      const res = await f.member.post('/admin/utilisateurs', { _csrf: csrfTokenOf(page.body), email: 'intrus@example.fr', role: 'admin' });
      assert.equal(res.status, 403);
      assert.equal(await f.userCount(), users0);
    });

    test('the users and outbox services check their permission themselves: a referent or a juror is refused, the system may', async () => {
      const users0 = await f.userCount();
      const outbox0 = await f.outboxCount();
      const referent: Person = { id: (await f.userByEmail(MEMBER))!.id, role: 'member', memberships: [{ territoryCode: '49007', role: 'referent' }] };
      const juror: Person = { id: (await f.userByEmail(JUROR))!.id, role: 'juror' };
      const input = { email: 'par.service@example.fr', role: 'admin' as const };
      for (const person of [referent, juror]) {
        await assert.rejects(createUser(f.db(), person, input), ForbiddenError);
        await assert.rejects(inviteUser(f.db(), person, 'http://localhost', input), ForbiddenError);
        await assert.rejects(listUsers(f.db(), person), ForbiddenError, 'the list of accounts is personal data');
        await assert.rejects(readOutbox(f.db(), person), ForbiddenError, 'so are the emails');
      }
      await assert.rejects(listUsers(f.db(), null), SignInRequiredError);
      assert.equal(await f.userCount(), users0, 'no account created');
      assert.equal(await f.outboxCount(), outbox0, 'no email queued');
      // The command line creates accounts as the system; an administrator reads the lists.
      const created = await createUser(f.db(), systemCaller('user-create CLI'), { email: 'par.le.systeme@example.fr', role: 'juror' });
      assert.equal((await getUser(f.db(), created.id))!.role, 'juror');
      const admin: Person = { id: (await f.userByEmail(ADMIN))!.id, role: 'admin' };
      assert.ok((await listUsers(f.db(), admin)).some((u) => u.email === 'par.le.systeme@example.fr'));
      assert.equal((await readOutbox(f.db(), admin, 1_000)).length, outbox0);
    });

    test('an anonymous POST to an admin form is sent to the login page and creates nothing', async () => {
      const users0 = await f.userCount();
      const visitor = f.browser();
      const page = await visitor.get('/connexion');
      const res = await visitor.post('/admin/utilisateurs', { _csrf: csrfTokenOf(page.body), email: 'anonyme@example.fr', role: 'admin' });
      assert.equal(res.status, 303);
      assert.match(res.location!, /^\/connexion\?retour=/);
      assert.equal(await f.userCount(), users0);
    });

    const badInvitations: [string, string, Record<string, string>, RegExp][] = [
      ['a bad email', 'email', { email: 'pas-une-adresse', role: 'member' }, /Adresse e-mail : doit être une adresse e-mail valide/],
      ['no email', 'email', { email: '', role: 'member' }, /Adresse e-mail : doit être une adresse e-mail valide/],
      [
        'an unknown territory code',
        'territoryCode',
        { email: 'inconnu@example.fr', role: 'member', territoryCode: '99999' },
        /Territoire : aucun territoire ne porte le code « 99999 »/,
      ],
      ['an unknown role', 'role', { email: 'role@example.fr', role: 'maire' }, /Rôle : doit valoir admin, juror ou member/],
      [
        'an unknown territory role',
        'territoryRole',
        { email: 'role2@example.fr', role: 'member', territoryCode: '49353', territoryRole: 'maire' },
        /Rôle dans le territoire : doit valoir referent, contributor ou reader/,
      ],
      ['an address already taken', 'email', { email: ADMIN.toUpperCase(), role: 'member' }, /Adresse e-mail : un compte existe déjà avec cette adresse/],
    ];
    for (const [what, field, fields, message] of badInvitations) {
      test(`an invitation with ${what} is a 400 naming the field, and creates nothing`, async () => {
        const users0 = await f.userCount();
        const outbox0 = await f.outboxCount();
        const res = await f.admin.submit('/admin/utilisateurs', fields);
        assert.equal(res.status, 400);
        assert.match(textOf(res.body).slice(0, 1_000), message);
        assert.ok(res.body.includes(`href="#champ-${field}"`), 'the error summary links to the field');
        assert.ok(res.body.includes(`id="champ-${field}"`), 'and the field is on the page');
        assert.ok(res.body.includes(`id="champ-${field}-erreur"`), 'with its message next to it');
        assert.equal(await f.userCount(), users0, 'no account created');
        assert.equal(await f.outboxCount(), outbox0, 'no email queued');
      });
    }

    test('what people type is escaped on the pages that show it', async () => {
      const res = await f.admin.submit('/admin/utilisateurs', { email: 'echappe@example.fr', displayName: '<script>alert(1)</script>', role: 'juror' });
      assert.equal(res.status, 303);
      const page = await f.admin.get('/admin/utilisateurs');
      assert.ok(!page.body.includes('<script>alert(1)</script>'));
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });

    test('without SMTP, due emails are written to the log with their links, marked logged, and listed for an admin without them', async () => {
      const email = 'courriel@trelaze.example.fr';
      const link = await f.invite(email);
      const logged: string[] = [];
      const log = { info: (message: string) => logged.push(message), error: () => assert.fail('no delivery error expected') };
      while ((await deliverDueEmails(f.db(), { kind: 'log', log })) > 0);

      const message = await latestEmailTo(f.db(), email);
      assert.equal(message!.status, 'logged');
      assert.equal(message!.attempts, 1);
      assert.ok(message!.sentAt);
      const entry = logged.find((l) => l.includes(`À\u00a0: ${email}`));
      assert.ok(entry, 'the email is in the log');
      assert.ok(entry.includes(link), 'with its link: the command line is where the operator reads it');
      assert.equal((await listOutbox(f.db(), 1_000)).filter((m) => m.status === 'pending').length, 0, 'nothing left pending');
      assert.equal(await deliverDueEmails(f.db(), { kind: 'log', log }), 0, 'a logged email is not delivered twice');

      const page = await f.admin.get('/admin/courriels');
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'private, no-store');
      const text = textOf(page.body);
      assert.match(text, new RegExp(`À ${email.replace(/\./g, '\\.')}`));
      assert.ok(!text.includes(link), 'the admin does not read the link (issue 11, finding 6)');
      assert.match(text, /lien personnel masqué/);
      assert.match(text, /Écrit dans le journal \(pas de SMTP\)/);
    });

    test('the account of a member shows their territory, their role and no admin link', async () => {
      const page = await f.member.get('/compte');
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Angers/);
      assert.ok(!page.body.includes('href="/admin"'));
      assert.match((await f.admin.get('/compte')).body, /href="\/admin"/);
      const user = await getUser(f.db(), (await f.userByEmail(MEMBER))!.id);
      assert.ok(user!.lastLoginAt, 'the last login is recorded');
    });
  });
}
