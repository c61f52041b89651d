import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { categoryOf, compareDepartmentCodes, regionPublicCode, stratumOf, takesPart, TERRITORY_KINDS, VILLAGE_POPULATION_LIMIT } from './territory.rules.ts';

describe('categoryOf', () => {
  test('a commune under 3,000 inhabitants is a village, from 3,000 a ville', () => {
    assert.equal(VILLAGE_POPULATION_LIMIT, 3_000);
    assert.equal(categoryOf('commune', 0), 'village');
    assert.equal(categoryOf('commune', 2_999), 'village');
    assert.equal(categoryOf('commune', 3_000), 'ville');
    assert.equal(categoryOf('commune', 15_000), 'ville');
    assert.equal(categoryOf('commune', 2_000_000), 'ville');
  });

  test('intercommunalities, départements and régions are territoires whatever their population', () => {
    for (const kind of ['epci', 'departement', 'region'] as const) {
      assert.equal(categoryOf(kind, 500), 'territoire', kind);
      assert.equal(categoryOf(kind, 500_000), 'territoire', kind);
      assert.equal(categoryOf(kind, null), 'territoire', kind);
    }
  });

  test('a commune of unknown population is not taken for a village', () => {
    assert.equal(categoryOf('commune', null), 'ville');
  });

  test('every kind has a category', () => {
    for (const kind of TERRITORY_KINDS) assert.ok(['village', 'ville', 'territoire'].includes(categoryOf(kind, 1_000)));
  });
});

describe('stratumOf', () => {
  const cases: [number, string][] = [
    [0, 'lt3k'],
    [2_999, 'lt3k'],
    [3_000, '3k-20k'],
    [19_999, '3k-20k'],
    [20_000, '20k-100k'],
    [99_999, '20k-100k'],
    [100_000, 'gt100k'],
    [2_100_000, 'gt100k'],
  ];
  for (const [population, stratum] of cases) {
    test(`${population} inhabitants → ${stratum}`, () => {
      assert.equal(stratumOf(population), stratum);
    });
  }

  test('no stratum without a usable population', () => {
    assert.equal(stratumOf(null), null);
    assert.equal(stratumOf(Number.NaN), null);
    assert.equal(stratumOf(-1), null);
    assert.equal(stratumOf(Number.POSITIVE_INFINITY), null);
  });
});

test('a région gets a public code that cannot collide with a département', () => {
  assert.equal(regionPublicCode('52'), 'reg-52');
  assert.notEqual(regionPublicCode('01'), '01');
});

describe('takesPart: who can take part in the label (issue 12, finding 3)', () => {
  const commune = (departmentCode: string | null) => takesPart({ kind: 'commune', officialCode: 'x', departmentCode });
  test('communes of France, of the DROM and of the overseas collectivities with real communes take part', () => {
    for (const d of ['49', '2A', '971', '976', '975', '977', '978', '987', '988']) assert.ok(commune(d), d);
    assert.ok(commune(null), 'a commune without a known département is not refused');
  });
  test('the TAAF districts, Wallis-et-Futuna’s chiefdoms and Clipperton do not', () => {
    for (const d of ['984', '986', '989']) assert.ok(!commune(d), d);
  });
  test('the overseas collectivities are neither départements nor régions', () => {
    for (const code of ['975', '977', '978', '984', '986', '987', '988', '989']) {
      assert.ok(!takesPart({ kind: 'departement', officialCode: code, departmentCode: code }), `département ${code}`);
      assert.ok(!takesPart({ kind: 'region', officialCode: code, departmentCode: null }), `région ${code}`);
    }
    for (const code of ['01', '49', '2A', '971', '976']) assert.ok(takesPart({ kind: 'departement', officialCode: code, departmentCode: code }), code);
    for (const code of ['01', '06', '52', '94']) assert.ok(takesPart({ kind: 'region', officialCode: code, departmentCode: null }), code);
  });
  test('every intercommunality takes part', () => {
    assert.ok(takesPart({ kind: 'epci', officialCode: '200065928', departmentCode: '22' }));
  });
});

describe('compareDepartmentCodes', () => {
  test('Corse (2A, 2B) comes after 19 and before 21; overseas after metropolitan France', () => {
    const codes = ['21', '2B', '971', '01', '19', '2A', '976', '95', '10', '9'];
    assert.deepEqual([...codes].sort(compareDepartmentCodes), ['01', '9', '10', '19', '2A', '2B', '21', '95', '971', '976']);
    assert.equal(compareDepartmentCodes('2a', '2A'), 0);
  });
});
