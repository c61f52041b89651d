import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countOf, formatDate, formatDateTime, formatNumber } from './format.ts';

// Issue 12, finding 22: one place formats numbers, counts and dates in French.
describe('French formats', () => {
  test('the first of the month is « 1er », the others plain', () => {
    assert.equal(formatDate('2026-12-01'), '1er décembre 2026');
    assert.equal(formatDate('2026-12-11'), '11 décembre 2026');
    assert.equal(formatDate('2026-12-21'), '21 décembre 2026');
    assert.equal(formatDate(new Date('2026-11-30T23:30:00Z')), '1er décembre 2026', 'a moment is read on the Paris clock');
    assert.match(formatDateTime(new Date('2026-03-01T08:05:00Z')), /^1er mars 2026 à 09:05$/);
    assert.match(formatDateTime(new Date('2026-03-10T08:05:00Z')), /^10 mars 2026 à 09:05$/);
  });
  test('a count agrees with its number: 0 and 1 singular', () => {
    assert.equal(countOf(0, 'habitant', 'habitants'), '0 habitant');
    assert.equal(countOf(1, 'habitant', 'habitants'), '1 habitant');
    assert.equal(countOf(16333, 'habitant', 'habitants'), `16${'\u202f'}333 habitants`);
    assert.equal(formatNumber(1234567), `1${'\u202f'}234${'\u202f'}567`);
  });
});
