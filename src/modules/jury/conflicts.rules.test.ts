import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conflictsWith, hasConflict, isNested, suggestedDeclarations, type ConflictTerritory, type JurorConflictFacts } from './conflicts.rules.ts';

// Real shapes: Trélazé (49353) in Angers Loire Métropole (244900015), Maine-et-Loire (49), Pays de la Loire (52).
const trelaze: ConflictTerritory = { code: '49353', kind: 'commune', departmentCode: '49', regionCode: '52', epciCode: '244900015' };
const angers: ConflictTerritory = { code: '49007', kind: 'commune', departmentCode: '49', regionCode: '52', epciCode: '244900015' };
const alm: ConflictTerritory = { code: '244900015', kind: 'epci', departmentCode: '49', regionCode: '52', epciCode: null };
const maineEtLoire: ConflictTerritory = { code: '49', kind: 'departement', departmentCode: '49', regionCode: '52', epciCode: null };
const paysDeLaLoire: ConflictTerritory = { code: 'R52', kind: 'region', departmentCode: null, regionCode: '52', epciCode: null };
const leTrait: ConflictTerritory = { code: '76709', kind: 'commune', departmentCode: '76', regionCode: '28', epciCode: '200023414' };
const nobody: JurorConflictFacts = { memberships: [], declared: [] };

describe('conflicts of interest', () => {
  test('a juror with no membership and no declaration may review anyone', () => {
    for (const t of [trelaze, alm, maineEtLoire, paysDeLaLoire]) assert.deepEqual(conflictsWith(nobody, t), []);
  });

  test('a member of the territory is in conflict with it', () => {
    const juror = { memberships: [trelaze], declared: [] };
    assert.deepEqual(conflictsWith(juror, trelaze), [{ kind: 'member', via: '49353', source: 'derived' }]);
    assert.equal(hasConflict(juror, leTrait), false);
  });

  test('a commune and its intercommunality are in conflict both ways, but not two communes of it', () => {
    assert.deepEqual(conflictsWith({ memberships: [trelaze], declared: [] }, alm), [{ kind: 'nested', via: '49353', source: 'derived' }]);
    assert.deepEqual(conflictsWith({ memberships: [alm], declared: [] }, trelaze), [{ kind: 'nested', via: '244900015', source: 'derived' }]);
    assert.equal(hasConflict({ memberships: [trelaze], declared: [] }, angers), false);
  });

  test('a département and a région contain what lies in them', () => {
    assert.equal(isNested(maineEtLoire, trelaze), true);
    assert.equal(isNested(alm, maineEtLoire), true);
    assert.equal(isNested(paysDeLaLoire, trelaze), true);
    assert.equal(isNested(paysDeLaLoire, maineEtLoire), true);
    assert.equal(isNested(maineEtLoire, leTrait), false);
    assert.equal(isNested(trelaze, trelaze), false);
  });

  test('a declared département covers its communes and intercommunalities and the département itself', () => {
    const juror: JurorConflictFacts = { memberships: [], declared: [{ kind: 'department', departmentCode: '49', source: 'juror' }] };
    for (const t of [trelaze, angers, alm, maineEtLoire]) assert.deepEqual(conflictsWith(juror, t), [{ kind: 'department', via: '49', source: 'juror' }]);
    assert.equal(hasConflict(juror, leTrait), false);
    assert.equal(hasConflict(juror, paysDeLaLoire), false);
  });

  test('a declared territory is a conflict with it and with what contains it or lies in it', () => {
    const juror: JurorConflictFacts = { memberships: [], declared: [{ kind: 'territory', territory: alm, source: 'admin' }] };
    assert.deepEqual(conflictsWith(juror, alm), [{ kind: 'territory', via: '244900015', source: 'admin' }]);
    assert.deepEqual(conflictsWith(juror, trelaze), [{ kind: 'nested', via: '244900015', source: 'admin' }]);
    assert.equal(hasConflict(juror, leTrait), false);
  });

  test('another reason keeps its words', () => {
    const juror: JurorConflictFacts = { memberships: [], declared: [{ kind: 'other', territory: leTrait, reason: 'Ma sœur y est adjointe', source: 'juror' }] };
    assert.deepEqual(conflictsWith(juror, leTrait), [{ kind: 'other', via: '76709', reason: 'Ma sœur y est adjointe', source: 'juror' }]);
    assert.equal(hasConflict(juror, trelaze), false);
  });

  test('every reason is listed, not only the first', () => {
    const juror: JurorConflictFacts = { memberships: [trelaze], declared: [{ kind: 'department', departmentCode: '49', source: 'juror' }] };
    assert.deepEqual(
      conflictsWith(juror, trelaze).map((c) => c.kind),
      ['member', 'department'],
    );
  });

  test('the départements of the juror’s territories are suggested once, unless declared', () => {
    assert.deepEqual(suggestedDeclarations({ memberships: [trelaze, alm, leTrait], declared: [] }), [
      { kind: 'department', departmentCode: '49', because: '49353' },
      { kind: 'department', departmentCode: '76', because: '76709' },
    ]);
    assert.deepEqual(suggestedDeclarations({ memberships: [trelaze], declared: [{ kind: 'department', departmentCode: '49', source: 'juror' }] }), []);
    assert.deepEqual(suggestedDeclarations({ memberships: [paysDeLaLoire], declared: [] }), []);
  });
});
