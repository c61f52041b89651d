import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideSsoLogin, displayNameOf, isEmailVerified, readClaims, type AccountFacts } from './sso.rules.ts';

const member: AccountFacts = { id: 'u-member', role: 'member', disabled: false, deleted: false };
const admin: AccountFacts = { id: 'u-admin', role: 'admin', disabled: false, deleted: false };
const juror: AccountFacts = { id: 'u-juror', role: 'juror', disabled: false, deleted: false };

describe('readClaims', () => {
  test('reads ProConnect’s claims from UserInfo, the ID token giving the subject', () => {
    const claims = readClaims(
      { sub: 'abc-123', iss: 'https://auth.proconnect.gouv.fr/api/v2' },
      { sub: 'abc-123', email: ' Marie.Dupont@Trelaze.FR ', given_name: 'Marie  Claire', usual_name: 'Dupont', uid: '42', siret: '21490353000012' },
    );
    assert.deepEqual(claims, {
      sub: 'abc-123',
      email: 'marie.dupont@trelaze.fr',
      emailVerified: undefined,
      givenName: 'Marie Claire',
      usualName: 'Dupont',
      uid: '42',
      siret: '21490353000012',
    });
  });

  test('falls back to the ID token’s claims and to family_name', () => {
    const claims = readClaims({ sub: 's', email: 'a@b.fr', email_verified: true, family_name: 'Martin' }, {});
    assert.equal(claims.email, 'a@b.fr');
    assert.equal(claims.emailVerified, true);
    assert.equal(claims.usualName, 'Martin');
  });

  test('an invalid address or a claim of the wrong type is no claim; "true" and "false" strings are read', () => {
    const claims = readClaims({ sub: 's' }, { email: 'pas une adresse', email_verified: 'false', given_name: { value: 'x' }, siret: 21490353000012 });
    assert.equal(claims.email, undefined);
    assert.equal(claims.emailVerified, false);
    assert.equal(claims.givenName, undefined);
    assert.equal(claims.siret, '21490353000012');
    assert.equal(readClaims({ sub: 's' }, { email_verified: 'true' }).emailVerified, true);
    assert.equal(readClaims({ sub: 's' }, { email_verified: 'oui' }).emailVerified, undefined);
  });

  test('very long claims are cut', () => {
    assert.equal(readClaims({ sub: 's' }, { uid: 'x'.repeat(1000) }).uid?.length, 255);
  });
});

describe('isEmailVerified', () => {
  test('the provider’s own claim decides, both ways', () => {
    assert.equal(isEmailVerified({ emailVerified: true }, false), true);
    assert.equal(isEmailVerified({ emailVerified: false }, true), false);
  });
  test('without the claim, only a provider configured as vouching for its addresses is trusted', () => {
    assert.equal(isEmailVerified({}, true), true);
    assert.equal(isEmailVerified({}, false), false);
  });
});

describe('displayNameOf', () => {
  test('given name and usual name, or whichever is given', () => {
    assert.equal(displayNameOf({ givenName: 'Marie', usualName: 'Dupont' }), 'Marie Dupont');
    assert.equal(displayNameOf({ usualName: 'Dupont' }), 'Dupont');
    assert.equal(displayNameOf({}), undefined);
    assert.equal(displayNameOf({ givenName: 'x'.repeat(200) })?.length, 120);
  });
});

describe('decideSsoLogin', () => {
  const first = { linked: null, hasEmail: true, emailVerified: true };

  test('a linked subject signs in to its account, whatever the address says now', () => {
    assert.deepEqual(decideSsoLogin({ linked: member, byEmail: null, hasEmail: false, emailVerified: false }), {
      kind: 'sign_in',
      userId: 'u-member',
      link: 'subject',
    });
  });

  test('a first sign-in with a verified address links to the member account of that address', () => {
    assert.deepEqual(decideSsoLogin({ ...first, byEmail: member }), { kind: 'sign_in', userId: 'u-member', link: 'email' });
  });

  test('a first sign-in with an unverified address is not linked to the account of that address', () => {
    assert.deepEqual(decideSsoLogin({ ...first, byEmail: member, emailVerified: false }), { kind: 'refuse', reason: 'email_unverified', userId: 'u-member' });
    // Nor does it tell that the address is an administrator’s.
    assert.deepEqual(decideSsoLogin({ ...first, byEmail: admin, emailVerified: false }), { kind: 'refuse', reason: 'email_unverified', userId: 'u-admin' });
  });

  test('no account has the address: one is created, verified or not', () => {
    assert.deepEqual(decideSsoLogin({ ...first, byEmail: null }), { kind: 'create' });
    assert.deepEqual(decideSsoLogin({ ...first, byEmail: null, emailVerified: false }), { kind: 'create' });
  });

  test('administrators and jurors never sign in through the provider, linked or not', () => {
    for (const account of [admin, juror]) {
      assert.deepEqual(decideSsoLogin({ ...first, byEmail: account }), { kind: 'refuse', reason: 'reserved_role', userId: account.id });
      assert.deepEqual(decideSsoLogin({ linked: account, byEmail: null, hasEmail: true, emailVerified: true }), {
        kind: 'refuse',
        reason: 'reserved_role',
        userId: account.id,
      });
    }
  });

  test('disabled and deleted accounts are refused', () => {
    for (const account of [
      { ...member, disabled: true },
      { ...member, disabled: true, deleted: true },
    ]) {
      assert.deepEqual(decideSsoLogin({ linked: account, byEmail: null, hasEmail: true, emailVerified: true }), {
        kind: 'refuse',
        reason: 'account_disabled',
        userId: 'u-member',
      });
      assert.deepEqual(decideSsoLogin({ ...first, byEmail: account }), { kind: 'refuse', reason: 'account_disabled', userId: 'u-member' });
    }
  });

  test('without an address, a subject not linked yet can neither link nor create', () => {
    assert.deepEqual(decideSsoLogin({ linked: null, byEmail: null, hasEmail: false, emailVerified: true }), { kind: 'refuse', reason: 'email_missing' });
  });
});
