import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Person } from '../accounts/permissions.rules.ts';
import {
  cleanActorName,
  cleanSiren,
  formatSiren,
  hasSearchableCharacter,
  isValidSiren,
  maySeeActor,
  normalizeWebsite,
  type ActorExposure,
} from './actor.rules.ts';

describe('SIREN', () => {
  test('real SIREN numbers are valid', () => {
    // Angers Loire Métropole, Nantes Métropole, La Poste (whose SIREN does pass the Luhn check).
    for (const siren of ['244900015', '244400404', '356000000']) assert.equal(isValidSiren(siren), true, siren);
  });

  test('a wrong digit, a swap of digits or a wrong length is refused', () => {
    for (const siren of ['244900016', '424900015', '24490001', '2449000150', '', 'abcdefghi', '24490001a', '２４４９００００１５']) {
      assert.equal(isValidSiren(siren), false, siren);
    }
  });

  test('spaces, dots and hyphens typed by people are removed', () => {
    assert.equal(cleanSiren(' 244 900 015 '), '244900015');
    assert.equal(cleanSiren('244.900.015'), '244900015');
    assert.equal(cleanSiren('244-900-015'), '244900015');
    assert.equal(cleanSiren('244\u00a0900\u202f015'), '244900015');
  });

  test('printed by groups of three', () => {
    assert.equal(formatSiren('244900015'), '244 900 015');
    assert.equal(formatSiren('abc'), 'abc');
  });
});

describe('website', () => {
  test('https:// is added when the scheme is missing', () => {
    assert.equal(normalizeWebsite('www.ecologic-france.com'), 'https://www.ecologic-france.com');
    assert.equal(normalizeWebsite(' ecologic-france.com/contact '), 'https://ecologic-france.com/contact');
    assert.equal(normalizeWebsite('exemple.fr:8080/a'), 'https://exemple.fr:8080/a');
    assert.equal(normalizeWebsite('//exemple.fr'), 'https://exemple.fr');
  });

  test('http and https addresses are kept, the host lower-cased, a bare trailing slash dropped', () => {
    assert.equal(normalizeWebsite('http://www.mairie.fr/'), 'http://www.mairie.fr');
    assert.equal(normalizeWebsite('HTTPS://WWW.Mairie.FR/Numérique?x=1'), 'https://www.mairie.fr/Num%C3%A9rique?x=1');
    assert.equal(normalizeWebsite('https://emmaus-connect.org/'), 'https://emmaus-connect.org');
  });

  test('other schemes and things that are not web addresses are refused', () => {
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://exemple.fr',
      'mailto:contact@exemple.fr',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'https://user:secret@exemple.fr',
      'https://localhost',
      'pas un site',
      'https://',
      '',
      '   ',
      `https://exemple.fr/${'a'.repeat(600)}`,
    ]) {
      assert.equal(normalizeWebsite(value), null, value);
    }
  });
});

describe('actor names', () => {
  test('spaces are folded', () => {
    assert.equal(cleanActorName('  Emmaüs \u00a0 Connect\n'), 'Emmaüs Connect');
  });

  test('a name needs a letter or a digit the search can compare', () => {
    assert.equal(hasSearchableCharacter('Écologic'), true);
    assert.equal(hasSearchableCharacter('Œuvre'), true);
    assert.equal(hasSearchableCharacter('42'), true);
    assert.equal(hasSearchableCharacter('!!'), false);
    assert.equal(hasSearchableCharacter('« — »'), false);
  });
});

describe('who may see an actor', () => {
  const facts = (over: Partial<ActorExposure> = {}): ActorExposure => ({ createdBy: 'creator', namedPublicly: false, draftTerritories: [], ...over });
  const member = (territoryCode: string, role: 'reader' | 'contributor' | 'referent' = 'reader'): Person => ({
    id: `${role}-${territoryCode}`,
    role: 'member',
    memberships: [{ territoryCode, role }],
  });
  const admin: Person = { id: 'admin', role: 'admin' };
  const juror: Person = { id: 'juror', role: 'juror' };

  test('named by a public sheet: everyone, anonymous visitors too', () => {
    for (const person of [null, juror, member('76709'), admin]) assert.equal(maySeeActor(person, facts({ namedPublicly: true })), true);
  });

  test('named only in drafts: the members of their territories (any role) and admins; nobody else', () => {
    const exposure = facts({ draftTerritories: ['49353', '49007'] });
    for (const person of [member('49353'), member('49007', 'contributor'), admin]) assert.equal(maySeeActor(person, exposure), true, person.id);
    for (const person of [null, juror, member('76709', 'referent'), { id: 'x', role: 'member' } as Person])
      assert.equal(maySeeActor(person, exposure), false, person?.id ?? 'anonymous');
  });

  test('named by no sheet one may see: its creator and admins only', () => {
    assert.equal(maySeeActor({ id: 'creator', role: 'member' }, facts()), true);
    assert.equal(maySeeActor(admin, facts({ createdBy: null })), true);
    for (const person of [null, juror, member('49353', 'referent')]) assert.equal(maySeeActor(person, facts()), false);
  });
});
