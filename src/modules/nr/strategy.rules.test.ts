import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STRATEGY_POPULATION_THRESHOLD } from './nr-themes.rules.ts';
import { publicMessages } from './public.messages.ts';
import { assembleStrategy, checkReview, objectiveTarget, readPublicityForm, strategyRequired, strategyRequirement } from './strategy.rules.ts';

const rm = publicMessages.strategy.review;

describe('strategyRequired', () => {
  test('a commune or an EPCI from the threshold on', () => {
    assert.equal(strategyRequired({ kind: 'commune', population: STRATEGY_POPULATION_THRESHOLD }), true);
    assert.equal(strategyRequired({ kind: 'epci', population: 155_850 }), true);
    assert.equal(strategyRequired({ kind: 'commune', population: STRATEGY_POPULATION_THRESHOLD - 1 }), false);
    assert.equal(strategyRequired({ kind: 'epci', population: 15_000 }), false);
  });
  test('never a département or a région, whatever their population', () => {
    assert.equal(strategyRequired({ kind: 'departement', population: 800_000 }), false);
    assert.deepEqual(strategyRequirement({ kind: 'region', population: 3_000_000 }), {
      required: false,
      reason: 'kind',
      kind: 'region',
      population: 3_000_000,
    });
  });
  test('an unknown population: not required, said so', () => {
    assert.deepEqual(strategyRequirement({ kind: 'commune', population: null }), {
      required: false,
      reason: 'unknownPopulation',
      kind: 'commune',
      population: null,
    });
  });
});

describe('objectiveTarget', () => {
  test('raised by 20, rounded up to the next ten, at most 100', () => {
    assert.equal(objectiveTarget(0), 20);
    assert.equal(objectiveTarget(33), 60);
    assert.equal(objectiveTarget(40), 60);
    assert.equal(objectiveTarget(85), 100);
    assert.equal(objectiveTarget(99), 100);
  });
});

describe('assembleStrategy', () => {
  const indexes = new Map([
    ['achats', 0],
    ['parc', 17],
    ['usages', 50],
    ['gouvernance', 100],
  ]);
  test('objectives from the weak themes, weakest first; none without a diagnostic', () => {
    const doc = assembleStrategy({ themeIndexes: indexes, actions: [], indicators: [] });
    assert.deepEqual(
      doc.objectives.map((o) => [o.themeId, o.from, o.to]),
      [
        ['achats', 0, 20],
        ['parc', 17, 40],
      ],
    );
    assert.match(doc.objectives[0]!.themeName, /Achats/);
    assert.deepEqual(assembleStrategy({ themeIndexes: null, actions: [], indicators: [] }).objectives, []);
  });
  test('measures by theme in the model order, abandoned ones left out', () => {
    const doc = assembleStrategy({
      themeIndexes: null,
      actions: [
        { title: 'Éteindre', themeId: 'usages', status: 'planned', dueOn: null },
        { title: 'Réemploi', themeId: 'achats', status: 'in_progress', dueOn: '2026-06-30' },
        { title: 'Abandonnée', themeId: 'achats', status: 'abandoned', dueOn: null },
        { title: 'Charte', themeId: 'gouvernance', status: 'abandoned', dueOn: null },
      ],
      indicators: [],
    });
    assert.deepEqual(
      doc.measures.map((g) => [g.themeId, g.measures.map((a) => a.title)]),
      [
        ['achats', ['Réemploi']],
        ['usages', ['Éteindre']],
      ],
    );
  });
  test('only indicators with a value', () => {
    const doc = assembleStrategy({
      themeIndexes: null,
      actions: [],
      indicators: [
        { name: 'A', unit: '%', latest: { measuredOn: '2025-01-01', value: 3 } },
        { name: 'B', unit: '', latest: null },
      ],
    });
    assert.deepEqual(
      doc.indicators.map((i) => i.name),
      ['A'],
    );
  });
});

describe('checkReview', () => {
  const today = '2026-03-10';
  test('a good review', () => {
    assert.deepEqual(checkReview({ year: '2025', adoptedOn: '2026-02-01', summary: '  Bilan  ' }, today, rm), {
      ok: true,
      value: { year: 2025, adoptedOn: '2026-02-01', summary: 'Bilan' },
    });
    assert.deepEqual(checkReview({ year: '2026', adoptedOn: '', summary: 'x' }, today, rm), { ok: true, value: { year: 2026, adoptedOn: null, summary: 'x' } });
  });
  test('each bad field named', () => {
    const r = checkReview({ year: '2030', adoptedOn: '2026-02-30', summary: ' ' }, today, rm);
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(Object.keys(r.errors).sort(), ['adoptedOn', 'summary', 'year']);
    const early = checkReview({ year: '2019', summary: 'x' }, today, rm);
    assert.ok(!early.ok && early.errors.year);
    const future = checkReview({ year: '2026', adoptedOn: '2026-12-01', summary: 'x' }, today, rm);
    assert.ok(!future.ok && future.errors.adoptedOn === rm.adoptedOnFuture);
    const other = checkReview({ year: '2022', adoptedOn: '2025-01-01', summary: 'x' }, today, rm);
    assert.ok(!other.ok && other.errors.adoptedOn === rm.adoptedOnOtherYear);
    const long = checkReview({ year: '2025', summary: 'x'.repeat(2001) }, today, rm);
    assert.ok(!long.ok && long.errors.summary);
    assert.ok(!checkReview({ year: 'abcd', summary: 'x' }, today, rm).ok);
  });
});

describe('readPublicityForm', () => {
  test('ticked boxes are public, the others not', () => {
    assert.deepEqual(readPublicityForm({ maturity: 'on', charter: 'on' }, 'bad'), {
      ok: true,
      value: { maturity: true, charter: true, indicators: false, roadmap: false },
    });
    assert.deepEqual(readPublicityForm({}, 'bad'), { ok: true, value: { maturity: false, charter: false, indicators: false, roadmap: false } });
  });
  test('another value refused, naming the field', () => {
    assert.deepEqual(readPublicityForm({ maturity: 'on', roadmap: 'peut-être' }, 'bad'), { ok: false, errors: { roadmap: 'bad' } });
  });
});
