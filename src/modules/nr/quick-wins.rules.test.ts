import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { NR_QUICK_WINS } from './nr-quick-wins.data.ts';
import { NR_THEME_IDS } from './nr-themes.rules.ts';
import { catalogueProblems, matchQuickWins, ofTheme, type QuickWin } from './quick-wins.rules.ts';

const qw = (id: string, over: Partial<QuickWin> = {}): QuickWin => ({
  id,
  title: id,
  themeId: 'usages',
  priority: 2,
  difficulty: 2,
  effect: 'Un effet.',
  measure: 'Une mesure.',
  questionIds: [],
  ...over,
});

describe('the quick wins catalogue', () => {
  test('at least 20, well formed, every theme served', () => {
    assert.ok(NR_QUICK_WINS.length >= 20);
    assert.deepEqual(catalogueProblems(NR_QUICK_WINS), []);
    for (const theme of NR_THEME_IDS)
      assert.ok(
        NR_QUICK_WINS.some((q) => q.themeId === theme),
        theme,
      );
  });
  test('Le Trait’s four and the other steps of its story are there', () => {
    for (const id of [
      'postes-eteints-la-nuit',
      'bonnes-pratiques-entretiens-annuels',
      'police-econome-par-defaut',
      'impression-noir-blanc-recto-verso',
      'digital-clean-up-day',
      'boites-collecte-smartphones',
      'nettoyage-messageries',
      'achats-reconditionnes',
    ])
      assert.ok(
        NR_QUICK_WINS.some((q) => q.id === id),
        id,
      );
  });
  test('every question a quick win answers exists in the diagnostic’s model', async () => {
    const modelFile = new URL('./nr-model.data.ts', import.meta.url);
    if (!existsSync(modelFile)) return; // The model is written by another part of issue 15.
    const model = (await import(modelFile.href)) as Record<string, unknown>;
    const ids = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const o = value as { id?: unknown; questions?: unknown; themes?: unknown };
        if (Array.isArray(o.questions)) for (const q of o.questions as { id?: unknown }[]) if (typeof q.id === 'string') ids.add(q.id);
        if (o.themes) collect(o.themes);
      }
    };
    Object.values(model).forEach(collect);
    const all = NR_QUICK_WINS.flatMap((q) => q.questionIds);
    if (all.length === 0) return;
    assert.ok(ids.size > 0, 'the model’s questions were read');
    assert.deepEqual(catalogueProblems(NR_QUICK_WINS, ids), []);
  });
  test('its faults are found', () => {
    const bad = [qw('a'), qw('a'), qw('B c', { themeId: 'nowhere' as never, priority: 4 as never, title: ' ' }), qw('d', { questionIds: ['usages.x'] })];
    const problems = catalogueProblems(bad, new Set(['usages.y']));
    assert.ok(problems.includes('a: id repeated'));
    assert.ok(problems.some((p) => p.startsWith('B c: id not in kebab-case')));
    assert.ok(problems.includes('B c: unknown theme nowhere'));
    assert.ok(problems.includes('B c: rank 4 out of 1–3'));
    assert.ok(problems.includes('B c: empty title'));
    assert.ok(problems.includes('d: unknown question usages.x'));
  });
});

describe('matchQuickWins', () => {
  const catalogue = [
    qw('other-easy', { themeId: 'achats', priority: 1, difficulty: 1 }),
    qw('weak-theme-p2', { themeId: 'parc', priority: 2 }),
    qw('weak-theme-p1-hard', { themeId: 'parc', priority: 1, difficulty: 3 }),
    qw('weak-theme-p1-easy', { themeId: 'parc', priority: 1, difficulty: 1 }),
    qw('weak-answer', { themeId: 'achats', priority: 3, difficulty: 3, questionIds: ['achats.reemploi', 'achats.clauses'] }),
    qw('answer-level-2', { themeId: 'achats', priority: 1, difficulty: 1, questionIds: ['achats.clauses'] }),
  ];
  const answers = new Map([
    ['achats.reemploi', 1],
    ['achats.clauses', 2],
  ]);
  const indexes = new Map([
    ['achats', 60],
    ['parc', 20],
  ]);

  test('weak answers first, then weak themes, then the rest; by priority then difficulty', () => {
    const ids = matchQuickWins(catalogue, answers, indexes).map((m) => m.quickWin.id);
    assert.deepEqual(ids, ['weak-answer', 'weak-theme-p1-easy', 'weak-theme-p1-hard', 'weak-theme-p2', 'answer-level-2', 'other-easy']);
  });
  test('a level 2 answer is not weak; level 0 and 1 are', () => {
    const [first] = matchQuickWins(catalogue, answers, indexes);
    assert.equal(first?.reason, 'weakAnswer');
    assert.deepEqual(first?.weakQuestionIds, ['achats.reemploi']);
    const zero = matchQuickWins(catalogue, new Map([['achats.clauses', 0]]), new Map());
    assert.deepEqual(
      zero.filter((m) => m.reason === 'weakAnswer').map((m) => m.quickWin.id),
      ['answer-level-2', 'weak-answer'],
    );
  });
  test('an index at the threshold is not weak', () => {
    const at = matchQuickWins([qw('x', { themeId: 'parc' })], new Map(), new Map([['parc', 50]]));
    assert.equal(at[0]?.reason, 'other');
    assert.equal(at[0]?.themeIndex, 50);
  });
  test('without a diagnostic: priority then difficulty, every one « other »', () => {
    const matched = matchQuickWins(catalogue, new Map(), new Map());
    assert.ok(matched.every((m) => m.reason === 'other' && m.themeIndex === null));
    assert.deepEqual(
      matched.slice(0, 3).map((m) => m.quickWin.id),
      ['answer-level-2', 'other-easy', 'weak-theme-p1-easy'],
      'equal ranks: the lower theme index, then the model’s theme order, then the title',
    );
    for (let i = 1; i < matched.length; i++) {
      const [a, b] = [matched[i - 1]!.quickWin, matched[i]!.quickWin];
      assert.ok(a.priority < b.priority || (a.priority === b.priority && a.difficulty <= b.difficulty));
    }
  });
  test('adopted ones are flagged, not hidden', () => {
    const matched = matchQuickWins(catalogue, answers, indexes, new Set(['other-easy']));
    assert.equal(matched.length, catalogue.length);
    assert.deepEqual(
      matched.filter((m) => m.adopted).map((m) => m.quickWin.id),
      ['other-easy'],
    );
  });
  test('the theme filter keeps a known theme only', () => {
    const matched = matchQuickWins(catalogue, answers, indexes);
    assert.deepEqual(
      ofTheme(matched, 'parc').map((m) => m.quickWin.themeId),
      ['parc', 'parc', 'parc'],
    );
    assert.equal(ofTheme(matched, 'inconnu').length, catalogue.length);
    assert.equal(ofTheme(matched, undefined).length, catalogue.length);
  });
});
