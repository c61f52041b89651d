import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ECOINDEX_QUANTILES, ecoIndex, ecoIndexGrade, ecoIndexScore, gradeAtLeast, quantileRank } from './ecoindex.rules.ts';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('EcoIndex quantile rank', () => {
  test('every table has 21 increasing bounds starting at 0', () => {
    for (const [name, bounds] of Object.entries(ECOINDEX_QUANTILES)) {
      assert.equal(bounds.length, 21, name);
      assert.equal(bounds[0], 0, name);
      for (let i = 1; i < bounds.length; i++) assert.ok(bounds[i]! > bounds[i - 1]!, `${name}[${i}]`);
    }
  });

  test('an exact bound gives its index', () => {
    assert.equal(quantileRank(ECOINDEX_QUANTILES.dom, 0), 0);
    assert.equal(quantileRank(ECOINDEX_QUANTILES.dom, 47), 1);
    assert.equal(quantileRank(ECOINDEX_QUANTILES.requests, 15), 2);
    assert.equal(quantileRank(ECOINDEX_QUANTILES.sizeKb, 144.7), 2);
  });

  test('between two bounds, the rank is interpolated linearly', () => {
    close(quantileRank(ECOINDEX_QUANTILES.dom, 61), 1.5); // halfway from 47 to 75
    close(quantileRank(ECOINDEX_QUANTILES.requests, 20), 2.5); // halfway from 15 to 25
    close(quantileRank(ECOINDEX_QUANTILES.sizeKb, 1.37 / 4), 0.25);
  });

  test('at or beyond the last bound, the rank is 20', () => {
    assert.equal(quantileRank(ECOINDEX_QUANTILES.dom, 594601), 20);
    assert.equal(quantileRank(ECOINDEX_QUANTILES.requests, 1e9), 20);
  });
});

describe('EcoIndex score and grade', () => {
  test('the best case: an empty page scores 100, A', () => {
    assert.equal(ecoIndexScore({ domElements: 0, requests: 0, sizeKb: 0 }), 100);
    assert.deepEqual(ecoIndex({ domElements: 0, requests: 0, sizeKb: 0 }), { score: 100, grade: 'A' });
  });

  test('the worst case: beyond every last bound scores 0, G', () => {
    assert.deepEqual(ecoIndex({ domElements: 1e6, requests: 1e4, sizeKb: 1e6 }), { score: 0, grade: 'G' });
  });

  test('weights 3 for the DOM, 2 for the requests, 1 for the size', () => {
    // Rank 1 on one measure only: 100 − 5 × weight / 6.
    close(ecoIndexScore({ domElements: 47, requests: 0, sizeKb: 0 }), 100 - 15 / 6);
    close(ecoIndexScore({ domElements: 0, requests: 2, sizeKb: 0 }), 100 - 10 / 6);
    close(ecoIndexScore({ domElements: 0, requests: 0, sizeKb: 1.37 }), 100 - 5 / 6);
  });

  test('the worked example of the method’s documentation: 100 elements, 100 requests, 100 kB is 72, B', () => {
    assert.deepEqual(ecoIndex({ domElements: 100, requests: 100, sizeKb: 100 }), { score: 72, grade: 'B' });
  });

  test('each grade starts strictly above its bound', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [80.01, 'A'],
      [80, 'B'],
      [70.01, 'B'],
      [70, 'C'],
      [55.01, 'C'],
      [55, 'D'],
      [40.01, 'D'],
      [40, 'E'],
      [25.01, 'E'],
      [25, 'F'],
      [10.01, 'F'],
      [10, 'G'],
      [0, 'G'],
    ];
    for (const [score, grade] of cases) assert.equal(ecoIndexGrade(score), grade, String(score));
  });

  test('the grade is that of the rounded score', () => {
    // Ranks 4 (DOM), 4 (requests) and 3.52 (size): a raw score of 80.4, shown as 80, a B.
    const below = { domElements: 233, requests: 34, sizeKb: 319.53 + 0.52 * (479.46 - 319.53) };
    close(ecoIndexScore(below), 80.4);
    assert.equal(ecoIndexGrade(ecoIndexScore(below)), 'A');
    assert.deepEqual(ecoIndex(below), { score: 80, grade: 'B' });
    // Size rank 3.28: 80.6, shown as 81, an A.
    const above = { ...below, sizeKb: 319.53 + 0.28 * (479.46 - 319.53) };
    assert.deepEqual(ecoIndex(above), { score: 81, grade: 'A' });
  });

  test('grade comparison: A is better than B, and a grade is at least itself', () => {
    assert.ok(gradeAtLeast('A', 'B'));
    assert.ok(gradeAtLeast('B', 'B'));
    assert.ok(!gradeAtLeast('C', 'B'));
    assert.ok(!gradeAtLeast('B', 'A'));
  });
});
