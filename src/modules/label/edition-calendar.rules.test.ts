import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dueCalendarEvent, editionCalendarRefusal, type EditionCalendar } from './edition-calendar.rules.ts';

describe('edition calendar', () => {
  const calendar: EditionCalendar = {
    opensAt: new Date('2026-04-01T08:00:00Z'),
    closesAt: new Date('2026-11-15T22:59:00Z'),
    juryAt: new Date('2026-12-10T09:00:00Z'),
    ceremonyAt: new Date('2027-02-04T17:00:00Z'),
  };

  test('the four moments must follow one another, the message names the field', () => {
    assert.equal(editionCalendarRefusal(calendar), null);
    assert.deepEqual(editionCalendarRefusal({ ...calendar, closesAt: calendar.opensAt }), {
      field: 'closesAt',
      message: 'La date de clôture doit suivre l’ouverture.',
    });
    assert.equal(editionCalendarRefusal({ ...calendar, juryAt: new Date('2026-11-01T00:00:00Z') })?.field, 'juryAt');
    assert.match(editionCalendarRefusal({ ...calendar, juryAt: new Date('2026-11-01T00:00:00Z') })?.message ?? '', /jury doit suivre la clôture/);
    assert.equal(editionCalendarRefusal({ ...calendar, ceremonyAt: calendar.juryAt })?.field, 'ceremonyAt');
    assert.match(editionCalendarRefusal({ ...calendar, ceremonyAt: calendar.juryAt })?.message ?? '', /cérémonie doit suivre/);
  });

  test('an invalid date is refused first, naming its field', () => {
    const refusal = editionCalendarRefusal({ ...calendar, juryAt: new Date('nope'), closesAt: calendar.opensAt });
    assert.equal(refusal?.field, 'juryAt');
    assert.match(refusal?.message ?? '', /\(jury\)/);
  });

  test('the scheduler opens a draft when its time has come, and closes an open edition at its closing', () => {
    const at = (iso: string) => new Date(iso);
    assert.equal(dueCalendarEvent('draft', calendar, at('2026-03-31T00:00:00Z')), null);
    assert.equal(dueCalendarEvent('draft', calendar, calendar.opensAt), 'open');
    assert.equal(dueCalendarEvent('open', calendar, at('2026-06-01T00:00:00Z')), null);
    assert.equal(dueCalendarEvent('open', calendar, calendar.closesAt), 'close');
    assert.equal(dueCalendarEvent('open', calendar, at('2026-12-01T00:00:00Z')), 'close');
  });

  test('the scheduler leaves alone a draft past its closing, and every later state', () => {
    assert.equal(dueCalendarEvent('draft', calendar, new Date('2026-12-01T00:00:00Z')), null);
    for (const state of ['closed', 'under_review', 'deliberated', 'published'] as const) {
      assert.equal(dueCalendarEvent(state, calendar, new Date('2026-06-01T00:00:00Z')), null);
      assert.equal(dueCalendarEvent(state, calendar, new Date('2026-12-01T00:00:00Z')), null);
    }
  });
});
