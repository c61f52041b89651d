import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import { requirePermission, safeReturnPath } from './guard.ts';
import { isSystemCaller, systemCaller, type Caller, type Person } from './permissions.rules.ts';

describe('safeReturnPath (where to go after login)', () => {
  for (const path of ['/compte', '/admin/utilisateurs?invite=a%40b.fr', '/territoires?q=tr%C3%A9laz%C3%A9&page=2', '/']) {
    test(`keeps the local path ${path}`, () => assert.equal(safeReturnPath(path), path));
  }

  const unsafe = [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    ' /compte',
    '/ /evil.example',
    '/\\/evil.example',
    '/compte\nSet-Cookie: x=1',
    '/caf\u00e9',
    '',
    'compte',
  ];
  for (const value of unsafe) {
    test(`refuses ${JSON.stringify(value)} and sends to /compte`, () => assert.equal(safeReturnPath(value), '/compte'));
  }

  test('refuses what is not a string', () => {
    assert.equal(safeReturnPath(undefined), '/compte');
    assert.equal(safeReturnPath(['/admin']), '/compte');
  });
});

describe('requirePermission (what every service calls first)', () => {
  const contributor: Person = { id: 'u-con', role: 'member', memberships: [{ territoryCode: '49353', role: 'contributor' }] };

  test('anonymous: sign in first', () => {
    assert.throws(() => requirePermission(null, 'initiative.edit', { territoryCode: '49353' }), SignInRequiredError);
  });

  test('a person the declared rule refuses: forbidden, with the French message', () => {
    assert.throws(
      () => requirePermission(contributor, 'members.manage', { territoryCode: '49353' }),
      (error: unknown) => {
        assert.ok(error instanceof ForbiddenError);
        assert.equal(error.kind, 'forbidden');
        assert.match(error.message, /Vous n’avez pas les droits pour cette action/);
        return true;
      },
    );
  });

  test('a person the rule allows, and the system with its reason, pass; the caller is then known not to be null', () => {
    for (const caller of [contributor, systemCaller('import-palmares CLI')] as (Caller | null)[]) {
      requirePermission(caller, 'initiative.edit', { territoryCode: '49353' });
      // Narrowed by the assertion to Person | SystemCaller: no `caller!` needed.
      assert.ok(isSystemCaller(caller) || caller.id === 'u-con');
    }
  });

  test('a system caller without a reason is refused', () => {
    assert.throws(() => requirePermission(systemCaller(''), 'results.import'), ForbiddenError);
  });
});
