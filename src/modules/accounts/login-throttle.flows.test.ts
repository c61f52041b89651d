import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app/build-app.ts';
import { accountsFixture } from '../../../test/support/accounts-fixture.ts';
import { createActiveUser, logIn, PASSWORD } from '../../../test/support/accounts.ts';
import { latestLinkTo, TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { installSubscribers, type DomainEvents } from '../../platform/events.ts';
import { SESSION_COOKIE } from './auth.plugin.ts';
import './events.ts';
import { loginThrottle } from './login-throttle.rules.ts';
import { loginFailures } from './schema.ts';

// Issue 11, finding 7: five wrong passwords used to lock an account even for the right password, so
// anyone knowing an address could lock its owner out. Failures now count per address and client;
// an address attacked from everywhere still takes its owner’s known browsers, and a reset link.

const events: { name: string; payload: unknown }[] = [];
installSubscribers('login-throttle-test', {
  'account.login.failed': async (_tx, payload) => void events.push({ name: 'account.login.failed', payload }),
  'account.login.succeeded': async (_tx, payload) => void events.push({ name: 'account.login.succeeded', payload }),
});
const eventsOf = <E extends keyof DomainEvents>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as DomainEvents[E]);

for (const driver of drivers) {
  describe(`accounts: login throttling by address and client (${driver})`, () => {
    const f = accountsFixture(driver);

    test('five wrong passwords slow down that client only: the owner, elsewhere, signs in', async () => {
      const email = 'tentatives@trelaze.example.fr';
      await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const guesser = f.browser();
      for (let i = 1; i <= 5; i++) {
        const res = await guesser.submit('/connexion', { email, password: `mauvais mot de passe ${i}` });
        assert.equal(res.status, 401, `failure ${i}`);
        assert.match(textOf(res.body), /Adresse e-mail ou mot de passe incorrect\./);
      }
      const slowed = await guesser.submit('/connexion', { email, password: PASSWORD });
      assert.equal(slowed.status, 429, 'the guesser waits, even with the right password');
      assert.match(textOf(slowed.body), /Trop de tentatives de connexion depuis cet appareil : réessayez dans 1 minute/);
      assert.ok(slowed.body.includes('appareil\u00a0: réessayez dans 1\u00a0minute'), 'French spacing: no line break before « : » nor after « 1 »');
      assert.ok(Number(slowed.headers['retry-after']) > 0, 'Retry-After tells when to come back');
      assert.equal(guesser.cookie(SESSION_COOKIE), undefined);

      const owner = f.browser();
      const res = await owner.submit('/connexion', { email: email.toUpperCase(), password: PASSWORD });
      assert.equal(res.status, 303, 'the owner is not locked out');
      assert.equal((await owner.get('/compte')).status, 200);
    });

    test('an address attacked from many clients takes only its known browsers; a reset link lifts the lock', async () => {
      const email = 'cible@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, role: 'admin' });
      // The owner signed in on their own computer before the attack.
      const ownBrowser = f.browser();
      await logIn(ownBrowser, email);
      await ownBrowser.submit('/compte', {}, { action: '/deconnexion' });

      for (let i = 0; i < loginThrottle.accountLockFailures; i++) {
        assert.equal((await f.browser().submit('/connexion', { email, password: `essai ${i}` })).status, 401);
      }
      const stranger = f.browser();
      const refused = await stranger.submit('/connexion', { email, password: PASSWORD });
      assert.equal(refused.status, 429, 'a browser never seen with this account waits');
      assert.match(textOf(refused.body), /Ce compte reçoit trop de tentatives de connexion/);
      assert.match(textOf(refused.body), /choisissez un nouveau mot de passe/);
      assert.match(refused.body, /href="\/mot-de-passe-oublie"/);

      const back = await ownBrowser.submit('/connexion', { email, password: PASSWORD });
      assert.equal(back.status, 303, 'the owner signs in from the browser they used before');

      // From a new computer, the owner lifts the lock with the link sent by email.
      await stranger.submit('/mot-de-passe-oublie', { email });
      const link = await latestLinkTo(f.db(), email, '/mot-de-passe/');
      const chosen = 'la Loire coule sous le pont de Trélazé';
      assert.equal((await stranger.submit(link, { password: chosen, confirmation: chosen })).status, 303);
      const failuresLeft = await f.db().select().from(loginFailures).where(eq(loginFailures.email, email));
      assert.equal(failuresLeft.length, 0, 'the new password clears the count');
      await logIn(f.browser(), email, chosen);
      assert.ok(user.id);
    });

    test('the count lives in the database: another app process on the same database sees it', async () => {
      const email = 'deux.processus@trelaze.example.fr';
      await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const second = await buildApp({ database: f.server.database, config: f.server.config, logger: false });
      await second.ready();
      try {
        const address = '192.0.2.44';
        const onFirst = new TestBrowser(f.server.app, { remoteAddress: address });
        const onSecond = new TestBrowser(second, { remoteAddress: address });
        for (let i = 0; i < 3; i++) assert.equal((await onFirst.submit('/connexion', { email, password: `faux ${i}` })).status, 401);
        for (let i = 0; i < 2; i++) assert.equal((await onSecond.submit('/connexion', { email, password: `faux ${i}` })).status, 401);
        assert.equal((await onSecond.submit('/connexion', { email, password: PASSWORD })).status, 429, 'five failures over two processes');
        assert.equal((await onFirst.submit('/connexion', { email, password: PASSWORD })).status, 429);
      } finally {
        await second.close();
      }
    });

    test('each refused or accepted login is an event with the account and the client, never the password', async () => {
      const email = 'evenements@trelaze.example.fr';
      const user = await createActiveUser(f.db(), { email, role: 'member', territoryCode: '49353' });
      const client = new TestBrowser(f.server.app, { remoteAddress: '198.51.100.9' });
      events.length = 0;
      await client.submit('/connexion', { email, password: 'un mauvais mot de passe' });
      await client.submit('/connexion', { email: 'personne@nulle-part.example.fr', password: 'un mauvais mot de passe' });
      await client.submit('/connexion', { email, password: PASSWORD });
      assert.deepEqual(eventsOf('account.login.failed'), [
        { userId: user.id, ip: '198.51.100.9', reason: 'invalid_credentials' },
        { userId: null, ip: '198.51.100.9', reason: 'invalid_credentials' },
      ]);
      assert.deepEqual(eventsOf('account.login.succeeded'), [{ userId: user.id, ip: '198.51.100.9' }]);
      assert.ok(!JSON.stringify(events).includes('mauvais'), 'no password in any payload');
      assert.ok(!JSON.stringify(events).includes('nulle-part'), 'nor an address typed for no account');
    });
  });
}
