import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answerFingerprint,
  answerInputErrors,
  answerWrite,
  diagnosticScores,
  evolution,
  latestPerTerritory,
  letterOf,
  stratumAverage,
  unansweredQuestions,
  type CompletedDiagnostic,
  type ModelShape,
} from './diagnostic.rules.ts';
import { NR_MODEL, NR_QUESTIONS, nrModelSchema } from './nr-model.data.ts';
import { MIN_PEERS_FOR_AVERAGE, NOTE_MAX, NR_THEME_IDS } from './nr-themes.rules.ts';

const MODEL: ModelShape = {
  themes: [
    { id: 'gouvernance', name: 'Gouvernance', questions: [{ id: 'g.1' }, { id: 'g.2' }, { id: 'g.3' }] },
    { id: 'achats', name: 'Achats', questions: [{ id: 'a.1' }, { id: 'a.2' }] },
    { id: 'usages', name: 'Usages', questions: [{ id: 'u.1' }] },
  ],
};
const answers = (levels: Record<string, number>) => Object.entries(levels).map(([questionId, level]) => ({ questionId, level }));
const MESSAGES = { unknownQuestion: 'inconnue', level: 'niveau', noteTooLong: 'trop longue' };

describe('the model', () => {
  test('matches its schema: the seven themes, each with four level texts per question', () => {
    assert.doesNotThrow(() => nrModelSchema.parse(NR_MODEL));
    assert.deepEqual(
      NR_MODEL.themes.map((t) => t.id),
      [...NR_THEME_IDS],
    );
  });

  test('has at least 30 questions, 4 to 6 per theme', () => {
    assert.ok(NR_QUESTIONS.length >= 30, `${NR_QUESTIONS.length} questions`);
    for (const theme of NR_MODEL.themes) assert.ok(theme.questions.length >= 4 && theme.questions.length <= 6, `${theme.id}: ${theme.questions.length}`);
  });

  test('question ids are unique and start with their theme', () => {
    const ids = NR_QUESTIONS.map((q) => q.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const q of NR_QUESTIONS) assert.ok(q.id.startsWith(`${q.themeId}.`), q.id);
  });

  test('every level text is there, distinct within its question, and every question ends with « ? »', () => {
    for (const q of NR_QUESTIONS) {
      assert.equal(q.levels.length, 4, q.id);
      for (const text of q.levels) assert.ok(text.trim().length > 2, `${q.id}: empty level`);
      assert.equal(new Set(q.levels).size, 4, `${q.id}: two levels say the same`);
      assert.match(q.text, /\?$/, q.id);
    }
  });

  test('the schema refuses a question with three levels or an unknown theme', () => {
    const broken = structuredClone(NR_MODEL) as { themes: { id: string; questions: { levels: string[] }[] }[] };
    broken.themes[0]!.questions[0]!.levels.pop();
    assert.equal(nrModelSchema.safeParse(broken).success, false);
    const unknown = structuredClone(NR_MODEL) as { themes: { id: string }[] };
    unknown.themes[0]!.id = 'inconnu';
    assert.equal(nrModelSchema.safeParse(unknown).success, false);
  });
});

describe('letterOf', () => {
  test('A from 80, B from 60, C from 40, D from 20, else E', () => {
    assert.deepEqual([100, 80, 79, 60, 59, 40, 39, 20, 19, 0].map(letterOf), ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });
});

describe('diagnosticScores', () => {
  test('a theme index is round(mean / 3 × 100) over its answered questions', () => {
    const s = diagnosticScores(MODEL, answers({ 'g.1': 3, 'g.2': 2, 'a.1': 1 }));
    // gouvernance: mean 2.5 → 83.33 → 83; achats: mean 1 → 33.33 → 33; usages: none → null.
    assert.deepEqual(
      s.themes.map((t) => [t.themeId, t.index, t.answered, t.total]),
      [
        ['gouvernance', 83, 2, 3],
        ['achats', 33, 1, 2],
        ['usages', null, 0, 1],
      ],
    );
  });

  test('overall is the mean of the answered themes only, with its letter', () => {
    const s = diagnosticScores(MODEL, answers({ 'g.1': 3, 'g.2': 2, 'a.1': 1 }));
    assert.equal(s.overall, 58); // (83 + 33) / 2
    assert.equal(s.letter, 'C');
  });

  test('all at 3 is 100 and A; all at 0 is 0 and E', () => {
    const all = (level: number) => answers(Object.fromEntries(['g.1', 'g.2', 'g.3', 'a.1', 'a.2', 'u.1'].map((id) => [id, level])));
    assert.deepEqual([diagnosticScores(MODEL, all(3)).overall, diagnosticScores(MODEL, all(3)).letter], [100, 'A']);
    assert.deepEqual([diagnosticScores(MODEL, all(0)).overall, diagnosticScores(MODEL, all(0)).letter], [0, 'E']);
  });

  test('no answer: every index null, no letter, completeness 0', () => {
    const s = diagnosticScores(MODEL, []);
    assert.equal(s.overall, null);
    assert.equal(s.letter, null);
    assert.deepEqual(s.completeness, { answered: 0, total: 6, percent: 0 });
    assert.ok(s.themes.every((t) => t.index === null));
  });

  test('completeness counts the answered questions of the model; unknown questions count nowhere', () => {
    const s = diagnosticScores(MODEL, answers({ 'g.1': 1, 'u.1': 2, 'retiree.1': 3 }));
    assert.deepEqual(s.completeness, { answered: 2, total: 6, percent: 33 });
    assert.equal(s.themes.find((t) => t.themeId === 'usages')?.index, 67);
  });

  test('on the real model, completing every question at 2 gives 67 and B', () => {
    const s = diagnosticScores(
      NR_MODEL,
      NR_QUESTIONS.map((q) => ({ questionId: q.id, level: 2 })),
    );
    assert.equal(s.overall, 67);
    assert.equal(s.letter, 'B');
    assert.equal(s.completeness.percent, 100);
  });
});

describe('unansweredQuestions', () => {
  test('lists the questions without an answer, in the model order', () => {
    assert.deepEqual(unansweredQuestions(MODEL, answers({ 'g.2': 1, 'a.1': 0 })), ['g.1', 'g.3', 'a.2', 'u.1']);
    assert.deepEqual(unansweredQuestions(MODEL, answers({ 'g.1': 1, 'g.2': 1, 'g.3': 1, 'a.1': 1, 'a.2': 1, 'u.1': 1 })), []);
  });
});

describe('evolution', () => {
  test('the completed diagnostics in time order, each with its overall index and theme indexes', () => {
    const points = evolution(MODEL, [
      { id: 'b', completedAt: new Date('2026-06-01'), answers: answers({ 'g.1': 3, 'a.1': 3, 'u.1': 3 }) },
      { id: 'a', completedAt: new Date('2025-06-01'), answers: answers({ 'g.1': 0, 'a.1': 3 }) },
    ]);
    assert.deepEqual(
      points.map((p) => [p.diagnosticId, p.overall, p.letter]),
      [
        ['a', 50, 'C'],
        ['b', 100, 'A'],
      ],
    );
    assert.deepEqual(points[0]?.themes, { gouvernance: 0, achats: 100, usages: null });
  });

  test('no diagnostic: no point', () => {
    assert.deepEqual(evolution(MODEL, []), []);
  });
});

describe('stratumAverage', () => {
  const peer = (code: string, level: number, completedAt = new Date('2026-05-01')): CompletedDiagnostic => ({
    id: `${code}-${completedAt.toISOString()}`,
    territoryCode: code,
    completedAt,
    answers: answers({ 'g.1': level, 'a.1': level }),
  });
  const peers = (n: number) => Array.from({ length: n }, (_, i) => peer(`T${i}`, i % 4));

  test(`hidden with ${MIN_PEERS_FOR_AVERAGE - 1} peers, shown with ${MIN_PEERS_FOR_AVERAGE}`, () => {
    assert.equal(MIN_PEERS_FOR_AVERAGE, 5);
    assert.equal(stratumAverage(MODEL, 'OWN', peers(4)), null);
    const shown = stratumAverage(MODEL, 'OWN', peers(5));
    assert.ok(shown);
    assert.equal(shown.peers, 5);
  });

  test('the means per theme and overall over the peers, themes no peer answered are null', () => {
    // Levels 0, 1, 2, 3, 0 → indexes 0, 33, 67, 100, 0 → mean 40.
    const shown = stratumAverage(MODEL, 'OWN', peers(5));
    assert.deepEqual(shown, { peers: 5, overall: 40, themes: { gouvernance: 40, achats: 40, usages: null } });
  });

  test('the territory itself never counts among its peers', () => {
    assert.equal(stratumAverage(MODEL, 'T0', peers(5)), null);
    assert.equal(stratumAverage(MODEL, 'T0', peers(6))?.peers, 5);
  });

  test('only the latest completed diagnostic of each peer counts: two takings are one peer', () => {
    const list = [...peers(4), peer('T0', 3, new Date('2026-09-01'))];
    assert.equal(stratumAverage(MODEL, 'OWN', list), null, 'four territories, five diagnostics: hidden');
    const five = [...list, peer('T9', 0)];
    // T0 now at 3 (100) instead of 0: 100, 33, 67, 100, 0 → 60.
    assert.equal(stratumAverage(MODEL, 'OWN', five)?.overall, 60);
  });

  test('only means leave it: no territory code, no answer', () => {
    const shown = stratumAverage(MODEL, 'OWN', peers(5));
    assert.deepEqual(Object.keys(shown ?? {}).sort(), ['overall', 'peers', 'themes']);
    assert.doesNotMatch(JSON.stringify(shown), /T\d|questionId|level/);
  });

  test('a threshold of its own', () => {
    assert.equal(stratumAverage(MODEL, 'OWN', peers(2), 2)?.peers, 2);
  });
});

describe('latestPerTerritory', () => {
  test('keeps the latest of each territory', () => {
    const rows = [
      { territoryCode: 'A', completedAt: new Date('2025-01-01'), n: 1 },
      { territoryCode: 'A', completedAt: new Date('2026-01-01'), n: 2 },
      { territoryCode: 'B', completedAt: new Date('2024-01-01'), n: 3 },
    ];
    assert.deepEqual(
      latestPerTerritory(rows)
        .map((r) => r.n)
        .sort(),
      [2, 3],
    );
  });
});

describe('answerInputErrors', () => {
  const ids = new Set(['g.1']);
  test('a known question, a level 0–3, a note within its length: no error', () => {
    for (const level of [0, 1, 2, 3]) assert.deepEqual(answerInputErrors({ questionId: 'g.1', level, note: 'ok' }, ids, MESSAGES), {});
    assert.deepEqual(answerInputErrors({ questionId: 'g.1', level: 1 }, ids, MESSAGES), {});
  });
  test('each wrong field is named', () => {
    assert.deepEqual(answerInputErrors({ questionId: 'x.9', level: 1 }, ids, MESSAGES), { questionId: 'inconnue' });
    for (const level of [4, -1, 1.5, Number.NaN, '2', null])
      assert.deepEqual(answerInputErrors({ questionId: 'g.1', level }, ids, MESSAGES), { level: 'niveau' }, String(level));
    assert.deepEqual(answerInputErrors({ questionId: 'g.1', level: 1, note: 'x'.repeat(NOTE_MAX + 1) }, ids, MESSAGES), { note: 'trop longue' });
    assert.deepEqual(answerInputErrors({ questionId: 3, level: 9, note: 5 }, ids, MESSAGES), { questionId: 'inconnue', level: 'niveau', note: 'trop longue' });
  });
});

describe('answerWrite', () => {
  test('the first write needs no version', () => {
    assert.equal(answerWrite(undefined, undefined), 'insert');
    assert.equal(answerWrite(undefined, 3), 'insert');
  });
  test('a later write must carry the version it read', () => {
    assert.equal(answerWrite({ version: 2 }, 2), 'update');
    assert.equal(answerWrite({ version: 2 }, 1), 'conflict');
    assert.equal(answerWrite({ version: 2 }, undefined), 'conflict');
  });
});

describe('answerFingerprint', () => {
  test('stable, and different when the level or the note differs', () => {
    assert.equal(answerFingerprint(2, 'note'), answerFingerprint(2, 'note'));
    assert.match(answerFingerprint(null, ''), /^[0-9a-f]{8}$/);
    const prints = new Set([
      answerFingerprint(null, ''),
      answerFingerprint(0, ''),
      answerFingerprint(1, ''),
      answerFingerprint(1, 'a'),
      answerFingerprint(1, 'b'),
    ]);
    assert.equal(prints.size, 5);
    assert.equal(answerFingerprint(undefined, undefined), answerFingerprint(null, ''));
  });
});
