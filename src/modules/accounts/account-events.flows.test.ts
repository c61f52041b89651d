import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createActiveUser, PASSWORD } from '../../../test/support/accounts.ts';
import { latestLinkTo, TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { installSubscribers, type DomainEvents } from '../../platform/events.ts';
import './events.ts';
import { changeMemberRole, inviteMember, removeMember } from './members.service.ts';
import { systemCaller } from './permissions.rules.ts';
import { createUser } from './users.service.ts';

// The audit log to come subscribes to these: each change of an account’s access is an event emitted
// in its transaction, with ids, the kind of change and the client’s IP, never a password or a link.

const seen: { name: string; payload: unknown }[] = [];
const names = ['account.created', 'account.membership.changed', 'account.password.changed'] as const;
installSubscribers(
  'account-events-test',
  Object.fromEntries(names.map((name) => [name, async (_tx: unknown, payload: unknown) => void seen.push({ name, payload })])),
);
const eventsOf = <E extends keyof DomainEvents>(name: E) => seen.filter((e) => e.name === name).map((e) => e.payload as DomainEvents[E]);

for (const driver of drivers) {
  describe(`accounts: events of accounts, memberships and passwords (${driver})`, () => {
    const server = useTestServer(driver);

    test('an invitation, its acceptance, a role change and a removal are membership events, with who did it', async () => {
      const referent = await createActiveUser(server.db, {
        email: 'referente@trelaze.example.fr',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      const asReferent = { id: referent.id, role: 'member' as const, memberships: [{ territoryCode: '49353', role: 'referent' as const }] };
      seen.length = 0;
      await inviteMember(server.db, asReferent, server.config.baseUrl, '49353', { email: 'nouvel.agent@trelaze.example.fr', role: 'contributor' });
      const [created] = eventsOf('account.created');
      assert.ok(created);
      assert.deepEqual(created, { userId: created.userId, role: 'member', byUserId: referent.id });
      const newcomer = created.userId;
      assert.deepEqual(eventsOf('account.membership.changed'), [
        { userId: newcomer, territoryCode: '49353', change: 'invited', role: 'contributor', byUserId: referent.id },
      ]);

      const link = await latestLinkTo(server.db, 'nouvel.agent@trelaze.example.fr', '/mot-de-passe/');
      const visitor = new TestBrowser(server.app, { remoteAddress: '203.0.113.20' });
      assert.equal((await visitor.submit(link, { password: PASSWORD, confirmation: PASSWORD })).status, 303);
      assert.deepEqual(eventsOf('account.password.changed'), [{ userId: newcomer, via: 'invitation', ip: '203.0.113.20' }]);
      assert.deepEqual(eventsOf('account.membership.changed').at(-1), {
        userId: newcomer,
        territoryCode: '49353',
        change: 'joined',
        role: 'contributor',
        byUserId: newcomer,
      });

      await changeMemberRole(server.db, asReferent, '49353', newcomer, 'reader');
      assert.deepEqual(eventsOf('account.membership.changed').at(-1), {
        userId: newcomer,
        territoryCode: '49353',
        change: 'role_changed',
        role: 'reader',
        previousRole: 'contributor',
        byUserId: referent.id,
      });
      await removeMember(server.db, asReferent, '49353', newcomer);
      assert.deepEqual(eventsOf('account.membership.changed').at(-1), {
        userId: newcomer,
        territoryCode: '49353',
        change: 'removed',
        role: 'reader',
        byUserId: referent.id,
      });
      const token = link.slice(link.lastIndexOf('/') + 1);
      assert.ok(!JSON.stringify(seen).includes(token), 'no link in any payload');
      assert.ok(!JSON.stringify(seen).includes(PASSWORD), 'no password in any payload');
    });

    test('an account created by the system with a territory: created, then added', async () => {
      seen.length = 0;
      const user = await createUser(server.db, systemCaller('test'), {
        email: 'par.commande@trelaze.example.fr',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'reader',
      });
      assert.deepEqual(eventsOf('account.created'), [{ userId: user.id, role: 'member', byUserId: null }]);
      assert.deepEqual(eventsOf('account.membership.changed'), [{ userId: user.id, territoryCode: '49353', change: 'added', role: 'reader', byUserId: null }]);
    });

    test('a password reset through its link is an event with the client’s address', async () => {
      const user = await createActiveUser(server.db, { email: 'reinit@trelaze.example.fr', role: 'member' });
      const client = new TestBrowser(server.app, { remoteAddress: '203.0.113.21' });
      await client.submit('/mot-de-passe-oublie', { email: user.email });
      seen.length = 0;
      const link = await latestLinkTo(server.db, user.email, '/mot-de-passe/');
      const chosen = 'un tout nouveau mot de passe';
      assert.equal((await client.submit(link, { password: chosen, confirmation: chosen })).status, 303);
      assert.deepEqual(eventsOf('account.password.changed'), [{ userId: user.id, via: 'password_reset', ip: '203.0.113.21' }]);
    });
  });
}
