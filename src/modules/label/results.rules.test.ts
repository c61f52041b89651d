import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  averageLevel,
  countLevels,
  DEFAULT_EXCELLENCE,
  distinctionsHeld,
  EXCELLENCE_CODE,
  excellenceGrantYears,
  excellenceStatus,
  holdsExcellence,
  excellenceValidUntil,
  isExcellenceValid,
  isLevel,
  normaliseDistinctionLabel,
} from './results.rules.ts';

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const levels = (entries: Record<number, number>) => new Map(Object.entries(entries).map(([y, l]) => [Number(y), l]));
const allTop = (from: number, to: number) => levels(Object.fromEntries(years(from, to).map((y) => [y, 5])));

describe('who holds the title in a given edition (issue 12, finding 2)', () => {
  test('Trélazé granted in 2025 holds it in 2025, 2026 and 2027, not before nor after', () => {
    assert.ok(!holdsExcellence([2025], 2024, DEFAULT_EXCELLENCE));
    assert.ok(holdsExcellence([2025], 2025, DEFAULT_EXCELLENCE));
    assert.ok(holdsExcellence([2025], 2026, DEFAULT_EXCELLENCE));
    assert.ok(holdsExcellence([2025], 2027, DEFAULT_EXCELLENCE));
    assert.ok(!holdsExcellence([2025], 2028, DEFAULT_EXCELLENCE));
    assert.ok(holdsExcellence([2019, 2022], 2023, DEFAULT_EXCELLENCE), 'the later grant counts');
    assert.ok(!holdsExcellence([], 2026, DEFAULT_EXCELLENCE));
  });

  test('the status as of the latest edition says until when, and whether it still holds', () => {
    assert.deepEqual(excellenceStatus([2025], 2026, DEFAULT_EXCELLENCE), { grantYears: [2025], validUntil: 2027, validNow: true });
    assert.deepEqual(excellenceStatus([2022, 2019], 2026, DEFAULT_EXCELLENCE), { grantYears: [2019, 2022], validUntil: 2024, validNow: false });
    assert.deepEqual(excellenceStatus([], 2026, DEFAULT_EXCELLENCE), { grantYears: [], validUntil: null, validNow: false });
    assert.deepEqual(excellenceStatus([2025], null, DEFAULT_EXCELLENCE).validNow, false);
  });

  test('a published result carries the title in every year it is held, in the catalogue order', () => {
    const order = ['verte', 'numerique-educatif', EXCELLENCE_CODE];
    assert.deepEqual(distinctionsHeld(['numerique-educatif'], true, order), ['numerique-educatif', EXCELLENCE_CODE]);
    assert.deepEqual(distinctionsHeld([EXCELLENCE_CODE, 'verte'], true, order), ['verte', EXCELLENCE_CODE], 'not twice');
    assert.deepEqual(distinctionsHeld([EXCELLENCE_CODE], false, order), [], 'a stored grant no longer held is not shown');
    assert.deepEqual(distinctionsHeld(['inconnue', 'verte'], false, order), ['verte', 'inconnue']);
  });
});

describe('Territoire d’excellence numérique', () => {
  test('Trélazé, seven editions in a row at 5 @ (seed 000): granted at the sixth, valid three editions', () => {
    const grants = excellenceGrantYears(allTop(2017, 2023), years(2017, 2023), DEFAULT_EXCELLENCE);
    assert.deepEqual(grants, [2022]);
    assert.equal(excellenceValidUntil(2022, DEFAULT_EXCELLENCE), 2024);
    assert.ok(isExcellenceValid(2022, 2023, DEFAULT_EXCELLENCE));
    assert.ok(isExcellenceValid(2022, 2024, DEFAULT_EXCELLENCE));
    assert.ok(!isExcellenceValid(2022, 2025, DEFAULT_EXCELLENCE));
    assert.ok(!isExcellenceValid(2022, 2021, DEFAULT_EXCELLENCE));
  });

  test('five editions at the top are not enough', () => {
    assert.deepEqual(excellenceGrantYears(allTop(2019, 2023), years(2017, 2023), DEFAULT_EXCELLENCE), []);
  });

  test('a 4 @ breaks the streak, and so does an edition without a result', () => {
    const withFour = allTop(2014, 2023);
    withFour.set(2018, 4);
    assert.deepEqual(excellenceGrantYears(withFour, years(2014, 2023), DEFAULT_EXCELLENCE), []);
    const withGap = allTop(2014, 2023);
    withGap.delete(2017);
    assert.deepEqual(excellenceGrantYears(withGap, years(2014, 2023), DEFAULT_EXCELLENCE), [2023]);
  });

  test('a year the label did not run does not break the streak: editions, not calendar years, count', () => {
    const editions = [2015, 2016, 2017, 2018, 2019, 2021];
    const history = levels({ 2015: 5, 2016: 5, 2017: 5, 2018: 5, 2019: 5, 2021: 5 });
    assert.deepEqual(excellenceGrantYears(history, editions, DEFAULT_EXCELLENCE), [2021]);
  });

  test('staying at the top renews the distinction when the previous one expires', () => {
    assert.deepEqual(excellenceGrantYears(allTop(2000, 2014), years(2000, 2014), DEFAULT_EXCELLENCE), [2005, 2008, 2011, 2014]);
  });

  test('both parameters are honoured', () => {
    const params = { consecutiveTopLevels: 3, validityYears: 5 };
    assert.deepEqual(excellenceGrantYears(allTop(2010, 2020), years(2010, 2020), params), [2012, 2017]);
    assert.equal(excellenceValidUntil(2012, params), 2016);
  });

  test('editions given out of order are read in order', () => {
    assert.deepEqual(excellenceGrantYears(allTop(2017, 2022), [2022, 2017, 2019, 2018, 2021, 2020], DEFAULT_EXCELLENCE), [2022]);
  });
});

describe('levels', () => {
  test('only the integers 1 to 5 are levels', () => {
    assert.deepEqual([0, 1, 3, 5, 6, 2.5, Number.NaN, '3'].map(isLevel), [false, true, true, true, false, false, false, false]);
  });

  test('counts per level ignore anything else', () => {
    assert.deepEqual(countLevels([5, 5, 4, 1, 7, 0]), { 1: 1, 2: 0, 3: 0, 4: 1, 5: 2 });
  });

  test('average level, one decimal, null without results', () => {
    assert.equal(averageLevel([5, 4, 4]), 4.3);
    assert.equal(averageLevel([]), null);
  });
});

describe('distinction labels as press lists write them', () => {
  test('"@ verte", "Arobase Verte" and "@verte" meet', () => {
    assert.equal(normaliseDistinctionLabel('@ verte'), 'arobase verte');
    assert.equal(normaliseDistinctionLabel('Arobase Verte'), 'arobase verte');
    assert.equal(normaliseDistinctionLabel('@Verte'), 'arobase verte');
  });

  test('accents, ligatures, punctuation and the word "mention" do not matter', () => {
    assert.equal(normaliseDistinctionLabel('Mention « Démocratie locale »'), 'democratie locale');
    assert.equal(normaliseDistinctionLabel('Territoire d’excellence numérique'), 'territoire d excellence numerique');
    assert.equal(normaliseDistinctionLabel('Cœur'), 'coeur');
  });
});
