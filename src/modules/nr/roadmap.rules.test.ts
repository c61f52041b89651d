import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { checkAction, checkSignature, isCalendarDate, themesToPropose, timelineOf, weakestThemes } from './roadmap.rules.ts';

describe('weakestThemes and themesToPropose', () => {
  const indexes = new Map([
    ['gouvernance', 80],
    ['achats', 10],
    ['parc', 40],
    ['usages', 10],
    ['ecoconception', 100],
  ]);
  test('the three weakest, weakest first, equal ones in the model’s order', () => {
    assert.deepEqual(
      weakestThemes(indexes).map((t) => t.themeId),
      ['achats', 'usages', 'parc'],
    );
  });
  test('the third only when it is weak: two otherwise', () => {
    const two = weakestThemes(
      new Map([
        ['achats', 10],
        ['usages', 30],
        ['parc', 70],
      ]),
    );
    assert.deepEqual(
      two.map((t) => t.themeId),
      ['achats', 'usages'],
    );
  });
  test('a full theme is never proposed; no diagnostic, nothing', () => {
    assert.deepEqual(weakestThemes(new Map([['parc', 100]])), []);
    assert.deepEqual(weakestThemes(new Map()), []);
  });
  test('not duplicated: a theme with a proposed action left out, unless it was abandoned', () => {
    const existing = [
      { themeId: 'achats', origin: 'weakTheme', status: 'in_progress' },
      { themeId: 'usages', origin: 'quickWin', status: 'planned' },
      { themeId: 'parc', origin: 'weakTheme', status: 'abandoned' },
    ] as const;
    assert.deepEqual(
      themesToPropose(indexes, existing).map((t) => t.themeId),
      ['usages', 'parc'],
    );
  });
});

describe('isCalendarDate', () => {
  test('a real date in 1900–2100 only', () => {
    assert.ok(isCalendarDate('2026-06-26'));
    assert.ok(isCalendarDate('2024-02-29'));
    for (const bad of ['2026-02-30', '2025-02-29', '26/06/2026', '2026-6-26', '0202-01-01', '2101-01-01', '2026-13-01', ''])
      assert.equal(isCalendarDate(bad), false, bad);
  });
});

describe('checkAction', () => {
  test('a valid action, trimmed; empty due date none, empty status planned', () => {
    const checked = checkAction({ title: '  Éteindre les postes  ', themeId: 'usages', owner: ' Service informatique ', dueOn: '', status: '' }, m.action);
    assert.deepEqual(checked, {
      ok: true,
      value: { title: 'Éteindre les postes', description: '', themeId: 'usages', owner: 'Service informatique', dueOn: null, status: 'planned' },
    });
  });
  test('each bad field named', () => {
    const checked = checkAction(
      { title: ' ', description: 'x'.repeat(2001), themeId: 'meteo', owner: 'o'.repeat(121), dueOn: '2026-02-30', status: 'fini' },
      m.action,
    );
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.deepEqual(Object.keys(checked.errors).sort(), ['description', 'dueOn', 'owner', 'status', 'themeId', 'title']);
    assert.equal(checked.errors.title, m.action.titleRequired);
    const long = checkAction({ title: 't'.repeat(201), themeId: 'parc' }, m.action);
    assert.ok(!long.ok && long.errors.title?.includes('200'));
  });
});

describe('checkSignature', () => {
  const today = '2026-06-26';
  test('today and a past date pass', () => {
    assert.ok(checkSignature({ signedOn: today, signatory: 'Marie Martin', role: 'maire' }, today, m.signature).ok);
    assert.ok(checkSignature({ signedOn: '2025-01-02', signatory: 'Marie Martin', role: 'maire' }, today, m.signature).ok);
  });
  test('a date in the future refused, naming signedOn', () => {
    const checked = checkSignature({ signedOn: '2026-06-27', signatory: 'Marie Martin', role: 'maire' }, today, m.signature);
    assert.deepEqual(checked, { ok: false, errors: { signedOn: m.signature.signedOnFuture } });
  });
  test('missing or wrong fields named', () => {
    const checked = checkSignature({ signedOn: '2026-02-31', signatory: '', role: ' ' }, today, m.signature);
    assert.deepEqual(checked, {
      ok: false,
      errors: { signedOn: m.signature.signedOnInvalid, signatory: m.signature.signatoryRequired, role: m.signature.roleRequired },
    });
    const none = checkSignature({ signatory: 'x'.repeat(121), role: 'maire' }, today, m.signature);
    assert.ok(!none.ok && none.errors.signedOn === m.signature.signedOnRequired && none.errors.signatory?.includes('120'));
  });
});

describe('timelineOf', () => {
  const actions = [
    { id: 'a', title: 'B', dueOn: '2026-08-15', status: 'planned' },
    { id: 'b', title: 'A', dueOn: '2026-08-15', status: 'done' },
    { id: 'c', title: 'C', dueOn: '2026-03-01', status: 'in_progress' },
    { id: 'd', title: 'D', dueOn: '2026-01-10', status: 'abandoned' },
    { id: 'e', title: 'E', dueOn: null, status: 'planned' },
    { id: 'f', title: 'F', dueOn: '2026-11-30', status: 'planned' },
  ] as const;
  const today = '2026-06-26';
  test('by month, in time order, overdue flagged, done shown done', () => {
    const t = timelineOf(actions, today, 'month');
    assert.deepEqual(
      t.periods.map((p) => [p.key, p.entries.map((e) => e.action.id)]),
      [
        ['2026-01', ['d']],
        ['2026-03', ['c']],
        ['2026-08', ['b', 'a']],
        ['2026-11', ['f']],
      ],
    );
    assert.deepEqual(
      t.undated.map((e) => e.action.id),
      ['e'],
    );
    const flags = Object.fromEntries([...t.periods.flatMap((p) => p.entries), ...t.undated].map((e) => [e.action.id, [e.overdue, e.done]]));
    assert.deepEqual(flags, { a: [false, false], b: [false, true], c: [true, false], d: [false, false], e: [false, false], f: [false, false] });
    assert.equal(t.overdue, 1);
  });
  test('by quarter', () => {
    const t = timelineOf(actions, today, 'quarter');
    assert.deepEqual(
      t.periods.map((p) => [p.key, p.year, p.part, p.entries.length]),
      [
        ['2026-T1', 2026, 1, 2],
        ['2026-T3', 2026, 3, 2],
        ['2026-T4', 2026, 4, 1],
      ],
    );
  });
  test('due today is not overdue', () => {
    assert.equal(timelineOf([{ id: 'x', title: 'X', dueOn: today, status: 'planned' }], today, 'month').overdue, 0);
  });
});

describe('roadmap messages', () => {
  test('months and quarters in French', () => {
    assert.equal(m.month(2026, 6), 'juin 2026');
    assert.equal(m.quarter(2026, 1), '1er trimestre 2026');
    assert.equal(m.quarter(2026, 3), '3e trimestre 2026');
  });
  test('the latest signature in words', () => {
    assert.equal(m.charter.signedBy('2026-06-26', 'Jean Dupont', 'maire'), 'Charte signée le 26 juin 2026 par Jean Dupont, maire.');
  });
});
