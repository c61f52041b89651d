import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toParisLocal } from '../../platform/paris-time.ts';
import {
  defaultEditionCalendar,
  EDITABLE_IN_STATE,
  handEditionEvents,
  isEditable,
  isImportedEdition,
  nextEditionCalendar,
  reopenBlocked,
} from './edition-admin.rules.ts';
import { editionCalendarRefusal } from './edition-calendar.rules.ts';
import { EDITION_STATES } from './edition-lifecycle.rules.ts';

const local = (calendar: Record<string, Date>) => Object.fromEntries(Object.entries(calendar).map(([k, d]) => [k, toParisLocal(d)]));

describe('edition administration rules', () => {
  test('the events offered by hand follow the lifecycle, never the publication', () => {
    assert.deepEqual(handEditionEvents('draft'), ['open']);
    assert.deepEqual(handEditionEvents('open'), ['close']);
    assert.deepEqual(handEditionEvents('closed'), ['reopen', 'startReview']);
    assert.deepEqual(handEditionEvents('under_review'), ['deliberate']);
    assert.deepEqual(handEditionEvents('deliberated'), ['reviseDeliberation'], 'publish is the jury’s, under embargo');
    assert.deepEqual(handEditionEvents('published'), []);
  });

  test('what is editable narrows as the campaign goes on', () => {
    assert.equal(isEditable('draft', 'referential'), true);
    assert.equal(isEditable('open', 'referential'), false);
    assert.equal(isEditable('open', 'distinctions'), true);
    assert.equal(isEditable('closed', 'calendar'), true);
    assert.equal(isEditable('closed', 'distinctions'), false);
    for (const state of EDITION_STATES) if (!['draft', 'open', 'closed'].includes(state)) assert.deepEqual(EDITABLE_IN_STATE[state], [], state);
  });

  test('an imported edition is a published one without a calendar', () => {
    assert.equal(isImportedEdition({ state: 'published', opensAt: null }), true);
    assert.equal(isImportedEdition({ state: 'published', opensAt: new Date() }), false);
    assert.equal(isImportedEdition({ state: 'draft', opensAt: null }), false);
  });

  test('reopening needs a closing date still to come', () => {
    const now = new Date('2027-05-01T10:00:00Z');
    assert.equal(reopenBlocked(new Date('2027-05-01T10:00:00Z'), now), true, 'now is already past');
    assert.equal(reopenBlocked(new Date('2027-04-30T21:59:00Z'), now), true);
    assert.equal(reopenBlocked(null, now), true);
    assert.equal(reopenBlocked(new Date('2027-05-15T21:59:00Z'), now), false);
  });

  test('the default calendar falls in the edition’s year, on the Paris clock, and is valid', () => {
    const calendar = defaultEditionCalendar(2027);
    assert.deepEqual(local(calendar), {
      opensAt: '2027-03-01T09:00',
      closesAt: '2027-04-30T23:59',
      juryAt: '2027-06-15T09:00',
      ceremonyAt: '2027-10-01T18:00',
    });
    assert.equal(calendar.closesAt.toISOString(), '2027-04-30T21:59:00.000Z', 'summer time already');
    assert.equal(editionCalendarRefusal(calendar), null);
  });

  test('the next calendar keeps the previous Paris clock times a year later, or is the default', () => {
    const previous = defaultEditionCalendar(2027);
    assert.deepEqual(local(nextEditionCalendar(previous, 2028, 1)), {
      opensAt: '2028-03-01T09:00',
      closesAt: '2028-04-30T23:59',
      juryAt: '2028-06-15T09:00',
      ceremonyAt: '2028-10-01T18:00',
    });
    assert.deepEqual(nextEditionCalendar(null, 2028, 1), defaultEditionCalendar(2028));
    assert.deepEqual(nextEditionCalendar({ opensAt: null, closesAt: null, juryAt: null, ceremonyAt: null }, 2024, 1), defaultEditionCalendar(2024));
  });
});
