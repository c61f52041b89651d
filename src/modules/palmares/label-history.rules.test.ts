import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiLabel, labelTimeline } from './label-history.rules.ts';
import { DEFAULT_EXCELLENCE } from '../label/results.rules.ts';

describe('label history rules', () => {
  const editions = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

  test('from the first label to the latest edition, with a gap for each edition missed', () => {
    const timeline = labelTimeline(
      [
        { year: 2018, level: 4, distinctions: [] },
        { year: 2019, level: 5, distinctions: ['verte'] },
        { year: 2021, level: 5, distinctions: [] },
      ],
      editions,
    );
    assert.deepEqual(
      timeline.map((t) => [t.year, t.level]),
      [
        [2018, 4],
        [2019, 5],
        [2020, null],
        [2021, 5],
        [2022, null],
        [2023, null],
      ],
    );
    assert.deepEqual(timeline[1]!.distinctions, ['verte']);
    assert.deepEqual(timeline[2]!.distinctions, []);
  });

  test('never labelled: no timeline', () => {
    assert.deepEqual(labelTimeline([], editions), []);
  });

  test('the API property: current, history and the excellence without its parameters', () => {
    const label = apiLabel({
      results: [{ year: 2022, level: 5, distinctions: ['excellence'] }],
      current: { year: 2022, level: 5 },
      excellence: { grantYears: [2022], validUntil: 2024, validNow: true, parameters: DEFAULT_EXCELLENCE },
    });
    assert.deepEqual(label, {
      current: { year: 2022, level: 5 },
      history: [{ year: 2022, level: 5, distinctions: ['excellence'] }],
      excellence: { grantYears: [2022], validUntil: 2024, validNow: true },
    });
  });
});
