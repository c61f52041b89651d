import type { EditionState } from './edition-lifecycle.rules.ts';
import { editionCalendarMessages } from './messages.ts';

/**
 * An edition's calendar, pure: the four moments must follow one another, and what the one scheduler
 * should do to the edition at a given instant. The edition's states and transitions are in
 * label/edition-lifecycle.rules.ts.
 */

/** The moments of an edition (instants; the forms enter them on the French clock). */
export type EditionCalendar = { opensAt: Date; closesAt: Date; juryAt: Date; ceremonyAt: Date };
export const EDITION_CALENDAR_FIELDS = ['opensAt', 'closesAt', 'juryAt', 'ceremonyAt'] as const satisfies readonly (keyof EditionCalendar)[];

export type CalendarRefusal = { field: keyof EditionCalendar; message: string };

const isValid = (d: Date) => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * Null when opensAt < closesAt < juryAt < ceremonyAt (strictly), else the first field at fault with a
 * French message naming it: an invalid date first, then the first moment that does not follow the one before.
 */
export function editionCalendarRefusal(calendar: EditionCalendar): CalendarRefusal | null {
  const m = editionCalendarMessages;
  for (const field of EDITION_CALENDAR_FIELDS) {
    if (!isValid(calendar[field])) return { field, message: m.dateInvalid(m.fields[field]) };
  }
  if (calendar.closesAt <= calendar.opensAt) return { field: 'closesAt', message: m.closesAfterOpens };
  if (calendar.juryAt <= calendar.closesAt) return { field: 'juryAt', message: m.juryAfterCloses };
  if (calendar.ceremonyAt <= calendar.juryAt) return { field: 'ceremonyAt', message: m.ceremonyAfterJury };
  return null;
}

/**
 * What the scheduler should do to an edition now: 'open' a draft once `opensAt` has come (but not
 * if `closesAt` has passed too: a draft forgotten past its closing waits for the administrator),
 * 'close' an open edition once `closesAt` has come, else null. An edition closed by hand early is
 * never reopened by the clock; an edition reopened by hand past its `closesAt` is closed again at
 * once, so reopening means setting a later closing first.
 */
export function dueCalendarEvent(state: EditionState, calendar: Pick<EditionCalendar, 'opensAt' | 'closesAt'>, now: Date): 'open' | 'close' | null {
  const t = now.getTime();
  if (state === 'draft' && t >= calendar.opensAt.getTime() && t < calendar.closesAt.getTime()) return 'open';
  if (state === 'open' && t >= calendar.closesAt.getTime()) return 'close';
  return null;
}
