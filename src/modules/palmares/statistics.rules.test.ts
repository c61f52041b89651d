import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { averageLevel, averageOfCounts, countLevels, totalOf } from '../label/results.rules.ts';
import { countByCategory, countByRegion, countByStratum, editionTrends, NO_STRATUM, summarise } from './statistics.rules.ts';

const pdl = { code: '52', name: 'Pays de la Loire' };
const bzh = { code: '53', name: 'Bretagne' };
const idf = { code: '11', name: 'Île-de-France' };

/** Results of one edition, as listEditionResults gives them (only what the rules read). */
const results = [
  { level: 5, region: pdl, stratum: '3k-20k' as const, category: 'ville' as const },
  { level: 5, region: pdl, stratum: 'gt100k' as const, category: 'ville' as const },
  { level: 4, region: bzh, stratum: null, category: 'territoire' as const },
  { level: 3, region: bzh, stratum: 'lt3k' as const, category: 'village' as const },
  { level: 5, region: idf, stratum: '20k-100k' as const, category: 'ville' as const },
  { level: 2, region: null, stratum: 'lt3k' as const, category: 'village' as const },
];

describe('statistics rules', () => {
  test('average level from counts equals the average of the levels, one decimal', () => {
    const levels = [5, 5, 4, 3, 5, 2];
    assert.equal(averageOfCounts(countLevels(levels)), averageLevel(levels));
    assert.equal(averageOfCounts(countLevels(levels)), 4);
    assert.equal(averageOfCounts(countLevels([5, 4, 4])), 4.3);
    assert.equal(averageOfCounts(countLevels([])), null);
    assert.equal(totalOf(countLevels(levels)), 6);
  });

  test('editions oldest first, with totals and averages; 2011 as the real label had it', () => {
    const trends = editionTrends([
      { year: 2012, total: 2, levels: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } },
      { year: 2011, total: 303, levels: { 1: 48, 2: 97, 3: 106, 4: 28, 5: 24 } },
    ]);
    assert.deepEqual(
      trends.map((t) => t.year),
      [2011, 2012],
    );
    assert.equal(trends[0]!.total, 303);
    assert.equal(trends[0]!.average, 2.6, '(48 + 194 + 318 + 112 + 120) / 303 = 2.61');
    assert.equal(trends[1]!.average, 4.5);
    const summary = summarise(trends)!;
    assert.deepEqual(
      { editions: summary.editions, firstYear: summary.firstYear, lastYear: summary.lastYear, labels: summary.labels, latest: summary.latest.year },
      { editions: 2, firstYear: 2011, lastYear: 2012, labels: 305, latest: 2012 },
    );
    assert.equal(summarise([]), null);
  });

  test('per région: counts per level, most labelled first then by name; without a région left out', () => {
    const byRegion = countByRegion(results);
    assert.deepEqual(
      byRegion.map((g) => [g.name, g.total]),
      [
        ['Bretagne', 2],
        ['Pays de la Loire', 2],
        ['Île-de-France', 1],
      ],
    );
    assert.deepEqual(byRegion[1]!.levels, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 2 });
    assert.equal(byRegion[0]!.average, 3.5);
    assert.equal(
      byRegion.reduce((sum, g) => sum + g.total, 0),
      results.length - 1,
    );
  });

  test('per stratum: every band in order, even empty; an unknown population last', () => {
    const byStratum = countByStratum(results);
    assert.deepEqual(
      byStratum.map((g) => [g.key, g.total]),
      [
        ['lt3k', 2],
        ['3k-20k', 1],
        ['20k-100k', 1],
        ['gt100k', 1],
        [NO_STRATUM, 1],
      ],
    );
    assert.deepEqual(byStratum[0]!.levels, { 1: 0, 2: 1, 3: 1, 4: 0, 5: 0 });
    assert.deepEqual(
      countByStratum(results.filter((r) => r.stratum !== null)).map((g) => g.key),
      ['lt3k', '3k-20k', '20k-100k', 'gt100k'],
    );
    assert.deepEqual(
      countByStratum([]).map((g) => g.total),
      [0, 0, 0, 0],
    );
  });

  test('per category: village, ville, territoire', () => {
    const byCategory = countByCategory(results);
    assert.deepEqual(
      byCategory.map((g) => [g.key, g.total, g.average]),
      [
        ['village', 2, 2.5],
        ['ville', 3, 5],
        ['territoire', 1, 4],
      ],
    );
    assert.deepEqual(
      countByCategory([{ level: 3, category: 'ville' }]).map((g) => g.total),
      [0, 1, 0],
    );
  });

  test('a level out of range is not counted', () => {
    assert.deepEqual(
      countByCategory([
        { level: 7, category: 'ville' },
        { level: 0, category: 'ville' },
      ]).map((g) => g.total),
      [0, 0, 0],
    );
  });
});
