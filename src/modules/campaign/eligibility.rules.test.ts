import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ELIGIBILITY_YEARS, eligibilityCutoff, initiativeEligibility, parisDay, validDay, yearsBefore } from './eligibility.rules.ts';

// 15 November 2026 at 23:59 in Paris (UTC+1 in winter).
const closesAt = new Date('2026-11-15T22:59:00Z');

describe('initiative eligibility', () => {
  test('the window is two years, counted in Paris calendar days', () => {
    assert.equal(ELIGIBILITY_YEARS, 2);
    assert.equal(eligibilityCutoff(closesAt), '2024-11-15');
    // 23:30 UTC on the 15th is already the 16th in Paris.
    assert.equal(parisDay(new Date('2026-11-15T23:30:00Z')), '2026-11-16');
    assert.equal(eligibilityCutoff(new Date('2026-11-15T23:30:00Z')), '2024-11-16');
    // Summer time: UTC+2.
    assert.equal(parisDay(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  });

  test('finished three years before closing: not eligible, says why and from when it would count', () => {
    const result = initiativeEligibility({ status: 'done', startDate: '2022-01-10', endDate: '2023-11-10' }, closesAt);
    assert.equal(result.eligible, false);
    assert.equal(result.counted, 'ineligible');
    assert.match(result.reason, /Terminée le 10 novembre 2023, plus de deux ans avant la clôture du 15 novembre 2026/);
    assert.match(result.reason, /depuis le 15 novembre 2024/);
  });

  test('in progress since 2015: eligible', () => {
    const result = initiativeEligibility({ status: 'in_progress', startDate: '2015-03-01', endDate: null }, closesAt);
    assert.deepEqual(result.eligible, true);
    assert.equal(result.counted, 'eligible');
    assert.match(result.reason, /En cours depuis le 1er mars 2015/);
    assert.equal(initiativeEligibility({ status: 'in_progress', startDate: null, endDate: null }, closesAt).eligible, true);
  });

  test('done within two years counts, the cutoff day included, the day before not', () => {
    assert.equal(initiativeEligibility({ status: 'done', startDate: null, endDate: '2024-11-15' }, closesAt).eligible, true);
    assert.equal(initiativeEligibility({ status: 'done', startDate: null, endDate: '2024-11-14' }, closesAt).eligible, false);
    const recent = initiativeEligibility({ status: 'done', startDate: '2025-01-01', endDate: '2025-06-30' }, closesAt);
    assert.equal(recent.counted, 'eligible');
    assert.match(recent.reason, /terminée le 30 juin 2025/);
  });

  test('done without end date: judged on its start, else asks for the end date', () => {
    const recentStart = initiativeEligibility({ status: 'done', startDate: '2025-02-01', endDate: null }, closesAt);
    assert.equal(recentStart.eligible, true);
    const oldStart = initiativeEligibility({ status: 'done', startDate: '2020-02-01', endDate: null }, closesAt);
    assert.equal(oldStart.eligible, false);
    assert.match(oldStart.reason, /indiquez sa date de fin/);
    const noDate = initiativeEligibility({ status: 'done', startDate: null, endDate: null }, closesAt);
    assert.deepEqual([noDate.eligible, noDate.counted], [false, 'ineligible']);
    assert.match(noDate.reason, /indiquez sa date de fin/);
    // A malformed date is no date.
    assert.equal(initiativeEligibility({ status: 'done', startDate: null, endDate: '2025-02-30' }, closesAt).eligible, false);
  });

  test('planned is shown apart and not counted; abandoned is not eligible', () => {
    const planned = initiativeEligibility({ status: 'planned', startDate: '2027-01-01', endDate: null }, closesAt);
    assert.deepEqual([planned.eligible, planned.counted], [false, 'planned']);
    assert.match(planned.reason, /En projet/);
    const abandoned = initiativeEligibility({ status: 'abandoned', startDate: '2025-01-01', endDate: '2025-02-01' }, closesAt);
    assert.deepEqual([abandoned.eligible, abandoned.counted], [false, 'ineligible']);
    assert.match(abandoned.reason, /Abandonnée/);
  });

  test('calendar helpers', () => {
    assert.equal(yearsBefore('2028-02-29', 2), '2026-02-28');
    assert.equal(yearsBefore('2026-01-31', 2), '2024-01-31');
    assert.equal(validDay('2024-02-29'), '2024-02-29');
    assert.equal(validDay('2023-02-29'), null);
    assert.equal(validDay('2024-2-1'), null);
    assert.equal(validDay(null), null);
  });
});
