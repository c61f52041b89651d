import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  agendaOrder,
  coverageLevel,
  decisionInput,
  decisionRefusals,
  DEFAULT_LEVEL_THRESHOLDS,
  deliberationWindow,
  divergence,
  excellenceOutlook,
  isDiverging,
  juryParametersFromInput,
  parametersEditable,
  parametersRefusal,
  RATIONALE_MAX,
  suggestedLevel,
} from './deliberation.rules.ts';

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

describe('the jury’s parameters as the staff send them', () => {
  const form = { reviewersPerDossier: '3', levelThresholds: ['0', '30', '47,5', '60', '80'], reviewWeight: '0,25' };

  test('texts with a decimal comma, or numbers', () => {
    assert.deepEqual(juryParametersFromInput(form), {
      ok: true,
      parameters: { reviewersPerDossier: 3, levelThresholds: [0, 30, 47.5, 60, 80], reviewWeight: 0.25 },
    });
    assert.equal(juryParametersFromInput({ reviewersPerDossier: 2, levelThresholds: [0, 35, 50, 65, 75], reviewWeight: 1 }).ok, true);
  });

  test('each wrong field named, all at once', () => {
    const refused = juryParametersFromInput({ reviewersPerDossier: '2,5', levelThresholds: ['5', '30', '30', 'beaucoup', '101'], reviewWeight: '1,5' });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.deepEqual(Object.keys(refused.errors).sort(), [
      'levelThresholds.0',
      'levelThresholds.2',
      'levelThresholds.3',
      'levelThresholds.4',
      'reviewWeight',
      'reviewersPerDossier',
    ]);
    assert.match(refused.errors['levelThresholds.2']!, /dépasser/);
  });

  test('five thresholds, reviewers from 1 to 5, two decimals at most', () => {
    const count = juryParametersFromInput({ ...form, levelThresholds: ['0', '50'] });
    assert.ok(!count.ok && count.errors.levelThresholds);
    for (const reviewers of ['0', '6', '', 'deux']) assert.ok(!juryParametersFromInput({ ...form, reviewersPerDossier: reviewers }).ok, reviewers);
    assert.ok(!juryParametersFromInput({ ...form, reviewWeight: '0,125' }).ok);
    assert.ok(!juryParametersFromInput({ ...form, reviewWeight: undefined }).ok);
  });
});

describe('a decision', () => {
  const valid = { level: 3, distinctions: ['verte'], rationale: '  Une politique suivie.  ' };

  test('level 1 to 5, a rationale, a public comment of 600 characters at most', () => {
    const parsed = decisionInput.safeParse(valid);
    assert.ok(parsed.success);
    assert.equal(parsed.data.rationale, 'Une politique suivie.');
    assert.equal(parsed.data.publicComment, '');
    const field = (input: unknown) => {
      const r = decisionInput.safeParse(input);
      return r.success ? null : String(r.error.issues[0]!.path[0]);
    };
    assert.equal(field({ ...valid, level: 0 }), 'level', 'every participant gets at least 1 @');
    assert.equal(field({ ...valid, level: 6 }), 'level');
    assert.equal(field({ ...valid, level: 2.5 }), 'level');
    assert.equal(field({ ...valid, rationale: '   ' }), 'rationale');
    assert.equal(field({ ...valid, rationale: undefined }), 'rationale');
    assert.equal(field({ ...valid, rationale: 'x'.repeat(RATIONALE_MAX + 1) }), 'rationale');
    assert.equal(field({ ...valid, publicComment: 'x'.repeat(601) }), 'publicComment');
    assert.equal(field({ ...valid, version: -1 }), 'version');
  });

  test('distinctions among the edition’s, never the title, in the catalogue’s order', () => {
    const offered = ['democratie-locale', 'mediation', 'verte', 'excellence'];
    assert.deepEqual(decisionRefusals(['verte', 'democratie-locale', 'verte'], offered), { errors: {}, distinctions: ['democratie-locale', 'verte'] });
    assert.match(decisionRefusals(['excellence'], offered).errors.distinctions!, /suit sa règle/);
    assert.match(decisionRefusals(['inconnue'], offered).errors.distinctions!, /inconnue/);
  });

  test('recorded while the jury works and deliberates, never once the publication is scheduled', () => {
    assert.equal(deliberationWindow({ state: 'under_review', publishedAt: null }), 'open');
    assert.equal(deliberationWindow({ state: 'deliberated', publishedAt: null }), 'open');
    assert.equal(deliberationWindow({ state: 'deliberated', publishedAt: new Date() }), 'scheduled');
    assert.equal(deliberationWindow({ state: 'published', publishedAt: new Date() }), 'published');
    assert.equal(deliberationWindow({ state: 'closed', publishedAt: null }), 'notYet');
    assert.equal(parametersEditable('under_review'), true);
    assert.equal(parametersEditable('deliberated'), false);
    assert.equal(parametersEditable('published'), false);
  });
});

describe('« Territoire d’excellence numérique » and a decision', () => {
  const parameters = { consecutiveTopLevels: 6, validityYears: 3 };
  const years = [2021, 2022, 2023, 2024, 2025, 2026];
  const allTop = new Map(years.map((y) => [y, 5]));

  test('a sixth 5 @ in a row grants it; a 4 @ does not', () => {
    const base = { year: 2027, levelsByYear: new Map([...allTop].filter(([y]) => y > 2021)), editionYears: years, grantYears: [], parameters };
    assert.deepEqual(excellenceOutlook({ ...base, level: 5 }), { outcome: 'granted', streak: 6, grantYear: 2027, validUntil: 2029 });
    assert.deepEqual(excellenceOutlook({ ...base, level: 4 }), { outcome: 'none', streak: 0, grantYear: null, validUntil: null });
  });

  test('an edition without a result breaks the run', () => {
    const levelsByYear = new Map([...allTop].filter(([y]) => y !== 2023));
    assert.equal(excellenceOutlook({ year: 2027, level: 5, levelsByYear, editionYears: years, grantYears: [], parameters }).streak, 4);
  });

  test('a grant still valid is kept, whatever the level', () => {
    const outlook = excellenceOutlook({ year: 2027, level: 3, levelsByYear: allTop, editionYears: years, grantYears: [2026], parameters });
    assert.deepEqual(outlook, { outcome: 'kept', streak: 0, grantYear: 2026, validUntil: 2028 });
    // Granted in 2024, valid 2024–2026: in 2027 it has expired, and six 5 @ in a row grant it again.
    assert.equal(excellenceOutlook({ year: 2027, level: 5, levelsByYear: allTop, editionYears: years, grantYears: [2024], parameters }).outcome, 'granted');
  });
});
