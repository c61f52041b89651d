import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, PERMISSIONS, type Action, type Person } from './permissions.rules.ts';

// Every kind of person, seen from the territory 49353 (Trélazé).
const actors = {
  anonymous: null,
  referent: { id: 'u-ref', role: 'member', memberships: [{ territoryCode: '49353', role: 'referent' }] },
  contributor: { id: 'u-con', role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] },
  reader: { id: 'u-rea', role: 'member', memberships: [{ territoryCode: '49353', role: 'reader' }] },
  otherContributor: { id: 'u-oth', role: 'member', memberships: [{ territoryCode: '76709', role: 'contributor' }] },
  member: { id: 'u-member', role: 'member', memberships: [] },
  juror: { id: 'u-juror', role: 'juror' },
  admin: { id: 'u-admin', role: 'admin' },
} satisfies Record<string, Person | null>;
type Who = keyof typeof actors;

const signedIn: Who[] = ['referent', 'contributor', 'reader', 'otherContributor', 'member', 'juror', 'admin'];

/** Who may do what in territory 49353: the expected answer for every declared action and every kind of person. */
const expected: Record<Action, Who[]> = {
  'account.view': signedIn,
  'account.apiTokens.manage': signedIn,
  'admin.dashboard.view': ['admin'],
  'admin.users.list': ['admin'],
  'admin.users.invite': ['admin'],
  'admin.outbox.read': ['admin'],
  'referential.manage': ['admin'],
  'results.import': ['admin'],
  'results.manage': ['admin'],
  'actor.create': ['referent', 'contributor', 'otherContributor', 'admin'],
  'workspace.view': ['referent', 'contributor', 'reader', 'admin'],
  'initiative.viewDraft': ['referent', 'contributor', 'reader', 'admin'],
  'initiative.create': ['referent', 'contributor'],
  'initiative.edit': ['referent', 'contributor'],
  'initiative.publish': ['referent', 'contributor'],
  'initiative.delete': ['referent', 'contributor'],
  'initiative.moderate': ['admin'],
  'initiative.restore': ['admin'],
  'members.manage': ['referent'],
};

describe('permissions', () => {
  test('every declared action has an expectation here (a new action needs a test)', () => {
    assert.deepEqual(Object.keys(PERMISSIONS).sort(), Object.keys(expected).sort());
  });

  for (const [action, allowed] of Object.entries(expected) as [Action, Who[]][]) {
    for (const [who, actor] of Object.entries(actors) as [Who, Person | null][]) {
      const allow = allowed.includes(who);
      test(`${action} in 49353: ${who} ${allow ? 'may' : 'may not'}`, () => {
        assert.equal(can(actor, action, { territoryCode: '49353' }), allow);
      });
    }
  }

  test('territory rules refuse when no territory is named', () => {
    assert.equal(can(actors.referent, 'initiative.edit'), false);
    assert.equal(can(actors.referent, 'members.manage'), false);
  });

  test('a role in one territory gives nothing in another', () => {
    assert.equal(can(actors.otherContributor, 'initiative.edit', { territoryCode: '49353' }), false);
    assert.equal(can(actors.otherContributor, 'initiative.edit', { territoryCode: '76709' }), true);
  });

  test('a referent of a territory gets no admin right through it', () => {
    assert.equal(can(actors.referent, 'admin.users.invite', { territoryCode: '49353' }), false);
    assert.equal(can(actors.referent, 'initiative.moderate', { territoryCode: '49353' }), false);
  });
});
