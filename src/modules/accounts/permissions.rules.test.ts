import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, PERMISSIONS, type Action, type Actor } from './permissions.rules.ts';

const actors: Record<'anonymous' | 'member' | 'juror' | 'admin', Actor> = {
  anonymous: null,
  member: { id: 'u-member', role: 'member', memberships: [{ territoryCode: '49353', role: 'referent' }] },
  juror: { id: 'u-juror', role: 'juror' },
  admin: { id: 'u-admin', role: 'admin' },
};

/** Who may do what: the expected answer for every declared action and every kind of person. */
const expected: Record<Action, (keyof typeof actors)[]> = {
  'account.view': ['member', 'juror', 'admin'],
  'account.apiTokens.manage': ['member', 'juror', 'admin'],
  'admin.dashboard.view': ['admin'],
  'admin.users.list': ['admin'],
  'admin.users.invite': ['admin'],
  'admin.outbox.read': ['admin'],
};

describe('permissions', () => {
  test('every declared action has an expectation here (a new action needs a test)', () => {
    assert.deepEqual(Object.keys(PERMISSIONS).sort(), Object.keys(expected).sort());
  });

  for (const [action, allowed] of Object.entries(expected) as [Action, (keyof typeof actors)[]][]) {
    for (const [who, actor] of Object.entries(actors) as [keyof typeof actors, Actor][]) {
      const allow = allowed.includes(who);
      test(`${action}: ${who} ${allow ? 'may' : 'may not'}`, () => {
        assert.equal(can(actor, action), allow);
        assert.equal(can(actor, action, { territoryCode: '49353' }), allow, 'a territory context does not widen the rule');
      });
    }
  }

  test('a referent of a territory gets no admin right through it', () => {
    assert.equal(can(actors.member, 'admin.users.invite', { territoryCode: '49353' }), false);
  });
});
