import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { servicesConcerned, summarizePublication, type SummaryService } from './publication-summary.rules.ts';

const s = (id: string, themeId: string, name = `Service ${id}`, extra: Partial<SummaryService> = {}): SummaryService => ({
  id,
  themeId,
  name,
  description: `Description de ${id}`,
  responsibleDigital: false,
  ...extra,
});

const base = [s('a', 't1'), s('b', 't1'), s('c', 't2'), s('d', 't2'), s('e', 't3')];

describe('summarizePublication', () => {
  test('two identical versions: nothing changes', () => {
    const summary = summarizePublication(base, base, new Map([['a', 3]]));
    assert.equal(summary.empty, true);
    assert.deepEqual([summary.added, summary.renamed, summary.described, summary.moved, summary.retired, summary.changedWithSheets], [[], [], [], [], [], []]);
    assert.equal(summary.turnover, 0);
  });

  test('lists what is added, renamed, otherwise edited, moved and retired, with the sheets of each retired service', () => {
    const next = [
      s('a', 't1', 'Nouveau nom de a'),
      s('b', 't1', 'Service b', { description: 'Autre description' }),
      s('c', 't3'),
      s('e', 't3', 'Service e', { responsibleDigital: true }),
      s('f', 't2', 'Service f'),
    ];
    const summary = summarizePublication(
      base,
      next,
      new Map([
        ['a', 2],
        ['d', 5],
        ['c', 1],
      ]),
    );
    assert.equal(summary.empty, false);
    assert.deepEqual(summary.added, [{ id: 'f', name: 'Service f', themeId: 't2' }]);
    assert.deepEqual(summary.renamed, [{ id: 'a', from: 'Service a', to: 'Nouveau nom de a' }]);
    assert.deepEqual(summary.described, [
      { id: 'b', name: 'Service b' },
      { id: 'e', name: 'Service e' },
    ]);
    assert.deepEqual(summary.moved, [{ id: 'c', name: 'Service c', fromThemeId: 't2', toThemeId: 't3' }]);
    assert.deepEqual(summary.retired, [{ id: 'd', name: 'Service d', themeId: 't2', sheets: 5 }]);
    assert.deepEqual(summary.changedWithSheets, [
      { id: 'a', sheets: 2 },
      { id: 'c', sheets: 1 },
    ]);
    assert.equal(summary.turnover, 2 / 5, 'one added and one retired out of five');
  });

  test('a service renamed and moved at once appears in both lists, counted once among the changed ones', () => {
    const next = [s('a', 't2', 'Renommé et déplacé'), ...base.slice(1)];
    const summary = summarizePublication(base, next, new Map([['a', 4]]));
    assert.deepEqual(
      summary.renamed.map((r) => r.id),
      ['a'],
    );
    assert.deepEqual(
      summary.moved.map((r) => r.id),
      ['a'],
    );
    assert.deepEqual(summary.changedWithSheets, [{ id: 'a', sheets: 4 }]);
    assert.deepEqual(servicesConcerned(summary), ['a']);
  });

  test('a retired service without sheets counts zero; services without sheets are left out of the changed ones', () => {
    const next = [s('a', 't1', 'Autre nom'), ...base.slice(1, 4)];
    const summary = summarizePublication(base, next, new Map());
    assert.deepEqual(summary.retired, [{ id: 'e', name: 'Service e', themeId: 't3', sheets: 0 }]);
    assert.deepEqual(summary.changedWithSheets, []);
    assert.deepEqual(servicesConcerned(summary), ['e', 'a']);
  });

  test('a first version (no base) only adds', () => {
    const summary = summarizePublication([], base, new Map());
    assert.equal(summary.added.length, 5);
    assert.equal(summary.turnover, 0);
    assert.equal(summary.empty, false);
  });
});
