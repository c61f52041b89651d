import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromParisLocal, shiftParisYears, toParisLocal } from './paris-time.ts';

describe('the Paris clock and instants', () => {
  test('winter is UTC+1, summer UTC+2, both ways', () => {
    assert.equal(fromParisLocal('2027-03-01T09:00')?.toISOString(), '2027-03-01T08:00:00.000Z');
    assert.equal(fromParisLocal('2027-06-15T09:00')?.toISOString(), '2027-06-15T07:00:00.000Z');
    assert.equal(fromParisLocal('2027-04-30T23:59')?.toISOString(), '2027-04-30T21:59:00.000Z');
    assert.equal(toParisLocal(new Date('2027-03-01T08:00:00Z')), '2027-03-01T09:00');
    assert.equal(toParisLocal(new Date('2027-04-30T21:59:00Z')), '2027-04-30T23:59');
    assert.equal(toParisLocal(new Date('2026-12-31T23:30:00Z')), '2027-01-01T00:30', 'the Paris day, not the UTC one');
  });

  test('every minute of a year survives the round trip (but the second autumn hour)', () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 37 * 60_000) {
      const local = toParisLocal(new Date(t));
      assert.equal(fromParisLocal(local)?.getTime() === t || local.startsWith('2027-10-31T02'), true, local);
    }
  });

  test('the spring change (28 March 2027, 2:00 → 3:00): the missing hour is read as summer time', () => {
    assert.equal(fromParisLocal('2027-03-28T01:59')?.toISOString(), '2027-03-28T00:59:00.000Z');
    assert.equal(fromParisLocal('2027-03-28T03:00')?.toISOString(), '2027-03-28T01:00:00.000Z');
    const gap = fromParisLocal('2027-03-28T02:30');
    assert.equal(gap?.toISOString(), '2027-03-28T01:30:00.000Z');
    assert.equal(toParisLocal(gap!), '2027-03-28T03:30');
  });

  test('the autumn change (31 October 2027, 3:00 → 2:00): the hour seen twice is the first one', () => {
    assert.equal(fromParisLocal('2027-10-31T01:59')?.toISOString(), '2027-10-30T23:59:00.000Z');
    assert.equal(fromParisLocal('2027-10-31T02:30')?.toISOString(), '2027-10-31T00:30:00.000Z', 'summer time, the first 2:30');
    assert.equal(fromParisLocal('2027-10-31T03:00')?.toISOString(), '2027-10-31T02:00:00.000Z');
    assert.equal(toParisLocal(new Date('2027-10-31T01:30:00Z')), '2027-10-31T02:30', 'the second 2:30 shows as 2:30 too');
  });

  test('anything but a real « YYYY-MM-DDTHH:mm » is refused', () => {
    for (const bad of [
      '',
      '2027-02-30T09:00',
      '2027-13-01T09:00',
      '2027-03-01T24:00',
      '2027-03-01T09:60',
      '2027-03-01',
      '01/03/2027 09:00',
      '2027-03-01T9:00',
      'demain',
    ])
      assert.equal(fromParisLocal(bad), null, bad);
    assert.equal(fromParisLocal(' 2028-02-29T12:00 ')?.toISOString(), '2028-02-29T11:00:00.000Z', 'a leap day, spaces around');
  });

  test('a year later on the same Paris clock, across a change of offset and a leap day', () => {
    assert.equal(toParisLocal(shiftParisYears(fromParisLocal('2027-03-27T09:00')!, 1)), '2028-03-27T09:00');
    assert.equal(toParisLocal(shiftParisYears(fromParisLocal('2028-02-29T18:00')!, 1)), '2029-02-28T18:00');
    assert.equal(toParisLocal(shiftParisYears(fromParisLocal('2027-10-01T18:00')!, 1)), '2028-10-01T18:00');
  });
});
