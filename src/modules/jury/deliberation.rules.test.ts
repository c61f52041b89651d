import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agendaOrder, coverageLevel, DEFAULT_LEVEL_THRESHOLDS, divergence, isDiverging, parametersRefusal, suggestedLevel } from './deliberation.rules.ts';

const defaults = { levelThresholds: DEFAULT_LEVEL_THRESHOLDS, reviewWeight: 0.5 };

describe('the suggested level', () => {
  test('the coverage alone: 0 / 35 / 50 / 65 / 75 % give 1 to 5 @, each threshold included', () => {
    const cases: [number, number][] = [
      [0, 1],
      [34.9, 1],
      [35, 2],
      [49.99, 2],
      [50, 3],
      [65, 4],
      [74, 4],
      [75, 5],
      [100, 5],
    ];
    for (const [coverage, level] of cases) assert.equal(coverageLevel(coverage, DEFAULT_LEVEL_THRESHOLDS), level, `${coverage} %`);
    assert.deepEqual(suggestedLevel(60, [], defaults), { level: 3, coverageLevel: 3, reviewsAverage: null });
  });

  test('with reviews, the weighted mean of the coverage’s level and the reviews’ average, rounded half up', () => {
    // 3 from the coverage, reviews 4 and 5 (4.5): (3 + 4.5) / 2 = 3.75 → 4.
    assert.deepEqual(suggestedLevel(55, [4, 5], defaults), { level: 4, coverageLevel: 3, reviewsAverage: 4.5 });
    // 2 and 5: 3.5 → 4 (half up).
    assert.equal(suggestedLevel(40, [5], defaults).level, 4);
    // Weight 0: the coverage only; weight 1: the reviews only.
    assert.equal(suggestedLevel(40, [5, 5], { ...defaults, reviewWeight: 0 }).level, 2);
    assert.equal(suggestedLevel(40, [1, 2], { ...defaults, reviewWeight: 1 }).level, 2);
  });

  test('always between 1 and 5, whatever the thresholds', () => {
    assert.equal(suggestedLevel(0, [1, 1], defaults).level, 1);
    assert.equal(suggestedLevel(100, [5, 5, 5], defaults).level, 5);
    assert.equal(suggestedLevel(100, [], { levelThresholds: [0, 1, 2, 3, 4], reviewWeight: 0.5 }).level, 5);
  });
});

describe('divergence and the agenda', () => {
  test('reviews two levels apart or more diverge', () => {
    assert.equal(divergence([3]), 0);
    assert.equal(divergence([2, 3]), 1);
    assert.equal(isDiverging([2, 3]), false);
    assert.equal(isDiverging([2, 4]), true);
    assert.equal(isDiverging([5, 1, 3]), true);
  });

  test('diverging dossiers first, the widest gap first, then by name', () => {
    const d = (territoryName: string, reviewLevels: number[]) => ({ territoryName, reviewLevels });
    const order = agendaOrder([d('Angers', [3, 3]), d('Brest', [2, 4]), d('Albi', [1, 5]), d('Évreux', [3, 4]), d('Cholet', [])]);
    assert.deepEqual(
      order.map((x) => x.territoryName),
      ['Albi', 'Brest', 'Évreux', 'Angers', 'Cholet'],
    );
  });
});

describe('the jury’s parameters', () => {
  test('five ascending thresholds from 0, and a weight from 0 to 1', () => {
    assert.equal(parametersRefusal(defaults), null);
    assert.equal(parametersRefusal({ ...defaults, levelThresholds: [0, 35, 35, 65, 75] }), 'thresholds');
    assert.equal(parametersRefusal({ ...defaults, levelThresholds: [10, 35, 50, 65, 75] }), 'thresholds');
    assert.equal(parametersRefusal({ ...defaults, levelThresholds: [0, 35, 50, 65] }), 'thresholds');
    assert.equal(parametersRefusal({ ...defaults, levelThresholds: [0, 35, 50, 65, 120] }), 'thresholds');
    assert.equal(parametersRefusal({ ...defaults, reviewWeight: 1.5 }), 'weight');
    assert.equal(parametersRefusal({ ...defaults, reviewWeight: Number.NaN }), 'weight');
  });
});
