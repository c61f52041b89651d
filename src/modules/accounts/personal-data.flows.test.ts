import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { installSubscribers, type DomainEvents } from '../../platform/events.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import './events.ts';
import { apiTokens, memberships, sessions, users } from './schema.ts';
import { createApiToken } from './api-tokens.service.ts';
import { displayNamesOf } from './users.service.ts';

// Issue 11, finding 17: each person downloads their data and deletes their account; their work stays,
// attributed to « ancien membre »; the last administrator may not leave; a last referent is told.

const seen: { name: string; payload: unknown }[] = [];
installSubscribers('personal-data-test', {
  'account.data.exported': async (_tx, payload) => void seen.push({ name: 'account.data.exported', payload }),
  'account.deleted': async (_tx, payload) => void seen.push({ name: 'account.deleted', payload }),
});
const eventsOf = <E extends keyof DomainEvents>(name: E) => seen.filter((e) => e.name === name).map((e) => e.payload as DomainEvents[E]);

for (const driver of drivers) {
  describe(`accounts: a person’s own data (${driver})`, () => {
    const f = accountsFixture(driver);

    test('a member downloads everything held about their account, as a JSON file, without any secret', async () => {
      const email = 'mes.donnees@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, displayName: 'Inès Donnée', role: 'member', territoryCode: '49353', territoryRole: 'referent' });
      await createApiToken(f.db(), user.id, 'Site de la mairie');
      await f.browser().submit('/mot-de-passe-oublie', { email });
      const b = f.browser();
      await logIn(b, email);
      const account = await b.get('/compte');
      assert.match(account.body, /href="\/compte\/donnees"/, 'the account page offers the download');
      assert.match(account.body, /href="\/donnees-personnelles"/, 'and explains what is kept');

      seen.length = 0;
      const res = await b.get('/compte/donnees');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="arobase-mes-donnees\.json"$/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const data = res.json();
      assert.equal(data.account.email, email);
      assert.equal(data.account.displayName, 'Inès Donnée');
      assert.deepEqual(
        data.memberships.map((ms: { territoryCode: string; role: string }) => [ms.territoryCode, ms.role]),
        [['49353', 'referent']],
      );
      assert.equal(data.apiTokens[0].name, 'Site de la mairie');
      assert.ok(data.sessions.length >= 1);
      assert.ok(
        data.emails.some((e: { subject: string; body: string }) => /Réinitialisation/.test(e.subject) && /lien personnel masqué/.test(e.body)),
        'the emails sent to the address, their links masked',
      );
      const raw = res.body;
      const [row] = await f.db().select().from(users).where(eq(users.id, user.id));
      const [token] = await f.db().select().from(apiTokens).where(eq(apiTokens.userId, user.id));
      for (const secret of [row!.passwordHash!, token!.tokenHash]) assert.ok(!raw.includes(secret), 'no hash of a secret');
      assert.ok(!/mot-de-passe\/[\w-]{20,}/.test(raw), 'no live link');
      assert.deepEqual(eventsOf('account.data.exported'), [{ userId: user.id, ip: b.remoteAddress }]);

      assert.equal((await f.browser().get('/compte/donnees')).status, 303, 'a visitor is sent to the login page');
    });

    test('a person deletes their account with their password: its data is gone, their work is « ancien membre »', async () => {
      const email = 'depart.definitif@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, displayName: 'Paul Départ', role: 'member', territoryCode: '49353', territoryRole: 'contributor' });
      const b = f.browser();
      await logIn(b, email);
      const confirm = await b.get('/compte/supprimer');
      assert.equal(confirm.status, 200);
      assert.match(textOf(confirm.body), /Supprimer mon compte/);
      assert.match(textOf(confirm.body), /ancien membre/);

      const wrong = await b.submit('/compte/supprimer', { password: 'pas mon mot de passe du tout' }, { action: '/compte/supprimer' });
      assert.equal(wrong.status, 400);
      assert.match(textOf(wrong.body), /Mot de passe : ce n.est pas le mot de passe de votre compte/);
      assert.equal((await b.get('/compte')).status, 200, 'still there');

      seen.length = 0;
      const done = await b.submit('/compte/supprimer', { password: PASSWORD }, { action: '/compte/supprimer' });
      assert.equal(done.status, 303);
      assert.equal(done.location, '/connexion?ok=compte-supprime');
      assert.equal(b.cookie(SESSION_COOKIE), undefined, 'signed out');
      assert.match(textOf((await b.follow(done)).body), /Votre compte est supprimé/);
      assert.equal((await f.browser().submit('/connexion', { email, password: PASSWORD })).status, 401, 'nobody signs in with it');

      const [row] = await f.db().select().from(users).where(eq(users.id, user.id));
      assert.ok(row!.deletedAt);
      assert.notEqual(row!.email, email);
      assert.equal(row!.displayName, null);
      assert.equal(row!.passwordHash, null);
      assert.deepEqual(await f.db().select().from(memberships).where(eq(memberships.userId, user.id)), []);
      assert.deepEqual(await f.db().select().from(sessions).where(eq(sessions.userId, user.id)), []);
      assert.equal((await displayNamesOf(f.db(), [user.id])).get(user.id), 'ancien membre', 'their past work keeps an author');
      assert.deepEqual(eventsOf('account.deleted'), [{ userId: user.id, byUserId: user.id, ip: b.remoteAddress }]);
      // The address is free again: the person may be invited anew.
      await createActiveUser(f.db(), { email, role: 'member' });
    });

    test('the last administrator cannot delete their account; with a second one they can', async () => {
      const [admin] = await f.db().select().from(users).where(eq(users.role, 'admin'));
      // The fixture’s administrator is the only one.
      const refused = await f.admin.submit('/compte/supprimer', { password: PASSWORD }, { action: '/compte/supprimer' });
      assert.equal(refused.status, 409);
      assert.match(textOf(refused.body), /dernier administrateur/);
      assert.equal((await f.admin.get('/admin')).status, 200, 'still an administrator');
      assert.equal((await f.db().select().from(users).where(eq(users.id, admin!.id)))[0]!.deletedAt, null);

      const second = await createActiveUser(f.db(), { email: 'second.admin@label.example.fr', role: 'admin' });
      const b = f.browser();
      await logIn(b, second.email);
      assert.equal((await b.submit('/compte/supprimer', { password: PASSWORD }, { action: '/compte/supprimer' })).status, 303);
    });

    test('the only referent of a territory is told before deleting their account', async () => {
      const email = 'seule.referente@letrait.example.fr';
      await createActiveUser(f.db(), { email, role: 'member', territoryCode: '76709', territoryRole: 'referent' });
      const b = f.browser();
      await logIn(b, email);
      const page = textOf((await b.get('/compte/supprimer')).body);
      assert.match(page, /Vous êtes le seul référent du Trait/);
      assert.equal((await f.member.get('/compte/supprimer')).status, 200);
      assert.doesNotMatch(textOf((await f.member.get('/compte/supprimer')).body), /seul référent/, 'a contributor is not');
    });
  });
}
