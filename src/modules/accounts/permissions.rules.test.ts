import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assignedWithoutConflict,
  can,
  isSystemCaller,
  PERMISSIONS,
  personIdOf,
  systemCaller,
  type Action,
  type PermissionContext,
  type Person,
} from './permissions.rules.ts';

// Every kind of person, seen from the territory 49353 (Trélazé).
const people = {
  anonymous: null,
  referent: { id: 'u-ref', role: 'member', memberships: [{ territoryCode: '49353', role: 'referent' }] },
  contributor: { id: 'u-con', role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] },
  reader: { id: 'u-rea', role: 'member', memberships: [{ territoryCode: '49353', role: 'reader' }] },
  otherContributor: { id: 'u-oth', role: 'member', memberships: [{ territoryCode: '76709', role: 'contributor' }] },
  member: { id: 'u-member', role: 'member', memberships: [] },
  juror: { id: 'u-juror', role: 'juror' },
  admin: { id: 'u-admin', role: 'admin' },
} satisfies Record<string, Person | null>;
type Who = keyof typeof people;

const signedIn: Who[] = ['referent', 'contributor', 'reader', 'otherContributor', 'member', 'juror', 'admin'];

/** Who may do what in territory 49353: the expected answer for every declared action and every kind of person. */
const expected: Record<Action, Who[]> = {
  'account.view': signedIn,
  'account.apiTokens.manage': signedIn,
  'account.profile.edit': signedIn,
  'account.invitations.answer': signedIn,
  'account.data.export': signedIn,
  'account.delete': signedIn,
  'admin.dashboard.view': ['admin'],
  'admin.users.list': ['admin'],
  'admin.users.invite': ['admin'],
  'admin.users.manage': ['admin'],
  'admin.outbox.read': ['admin'],
  'admin.outbox.retry': ['admin'],
  'audit.read': ['admin'],
  'organisation.manage': ['admin'],
  'audit.purge': ['admin'],
  'referential.manage': ['admin'],
  'results.import': ['admin'],
  'results.manage': ['admin'],
  'editions.manage': ['admin'],
  'questionnaires.manage': ['admin'],
  'application.view': ['referent', 'contributor', 'reader', 'admin'],
  'application.edit': ['referent', 'contributor'],
  'application.submit': ['referent'],
  'application.reopen': ['admin'],
  'applications.list': ['admin'],
  'selfAssessment.view': ['referent', 'contributor', 'reader', 'admin'],
  'nr.view': ['referent', 'contributor', 'reader', 'admin'],
  'nr.edit': ['referent', 'contributor'],
  'nr.charter.sign': ['referent'],
  'nr.publish': ['referent'],
  'selfAssessment.declare': ['referent', 'contributor'],
  'jury.manage': ['admin'],
  'jury.conflicts.declare': ['juror'],
  'jury.assignments.listOwn': ['juror'],
  // Without the dossier's facts (assigned, conflicted) nobody: the rule is tested with them below.
  'review.view': [],
  'review.edit': [],
  'deliberation.view': ['admin'],
  'deliberation.record': ['admin'],
  'publication.schedule': ['admin'],
  'pressKit.download': ['admin'],
  'actor.create': ['referent', 'contributor', 'otherContributor', 'admin'],
  'workspace.list': signedIn,
  'workspace.view': ['referent', 'contributor', 'reader', 'admin'],
  'initiative.viewDraft': ['referent', 'contributor', 'reader', 'admin'],
  'initiative.create': ['referent', 'contributor'],
  'initiative.edit': ['referent', 'contributor'],
  'initiative.publish': ['referent', 'contributor'],
  'initiative.delete': ['referent', 'contributor'],
  'initiative.moderate': ['admin'],
  'initiative.restore': ['admin'],
  'members.manage': ['referent', 'admin'],
};

describe('permissions', () => {
  test('every declared action has an expectation here (a new action needs a test)', () => {
    assert.deepEqual(Object.keys(PERMISSIONS).sort(), Object.keys(expected).sort());
  });

  for (const [action, allowed] of Object.entries(expected) as [Action, Who[]][]) {
    for (const [who, person] of Object.entries(people) as [Who, Person | null][]) {
      const allow = allowed.includes(who);
      test(`${action} in 49353: ${who} ${allow ? 'may' : 'may not'}`, () => {
        assert.equal(can(person, action, { territoryCode: '49353' }), allow);
      });
    }
  }

  test('territory rules refuse when no territory is named', () => {
    assert.equal(can(people.referent, 'initiative.edit'), false);
    assert.equal(can(people.referent, 'members.manage'), false);
  });

  test('a role in one territory gives nothing in another', () => {
    assert.equal(can(people.otherContributor, 'initiative.edit', { territoryCode: '49353' }), false);
    assert.equal(can(people.otherContributor, 'initiative.edit', { territoryCode: '76709' }), true);
  });

  test('a referent of a territory gets no admin right through it', () => {
    assert.equal(can(people.referent, 'admin.users.invite', { territoryCode: '49353' }), false);
    assert.equal(can(people.referent, 'initiative.moderate', { territoryCode: '49353' }), false);
  });

  test('the system, acting for a command or a job, may do any action once it says why', () => {
    const cli = systemCaller('import-palmares CLI');
    for (const action of Object.keys(PERMISSIONS) as Action[]) assert.equal(can(cli, action), true, action);
    assert.equal(can(systemCaller(''), 'results.import'), false, 'no reason, no right');
    assert.equal(can(systemCaller('   '), 'admin.users.invite'), false, 'a blank reason is none');
  });

  test('a system caller is told apart from a person, and writes no person id', () => {
    assert.equal(isSystemCaller(systemCaller('seed-demo')), true);
    assert.equal(isSystemCaller(people.admin), false);
    assert.equal(isSystemCaller(null), false);
    assert.equal(personIdOf(systemCaller('seed-demo')), null);
    assert.equal(personIdOf(people.admin), 'u-admin');
  });
});

describe('permissions: a rule reading the resource acted on (the coming jury rule)', () => {
  const juror = (id: string): Person => ({ id, role: 'juror' });
  const application = (resource: Partial<NonNullable<PermissionContext['resource']>> = {}): PermissionContext => ({
    resource: { kind: 'application', id: 'app-2025-49353', territoryCode: '49353', assignedTo: ['j-1', 'j-2'], conflictedWith: ['j-2'], ...resource },
  });

  test('a juror assigned to the application, without conflict, may', () => {
    assert.equal(assignedWithoutConflict(juror('j-1'), application()), true);
  });

  test('assigned but in a conflict of interest: refused', () => {
    assert.equal(assignedWithoutConflict(juror('j-2'), application()), false);
  });

  test('not assigned, not a juror, anonymous, or no resource named: refused', () => {
    assert.equal(assignedWithoutConflict(juror('j-3'), application()), false);
    assert.equal(assignedWithoutConflict({ id: 'j-1', role: 'admin' }, application()), false, 'an administrator is not a juror');
    assert.equal(assignedWithoutConflict(null, application()), false);
    assert.equal(assignedWithoutConflict(juror('j-1'), {}), false);
    assert.equal(assignedWithoutConflict(juror('j-1'), application({ assignedTo: undefined })), false);
  });
});
