import { parisInstant, shiftParisYears } from '../../platform/paris-time.ts';
import type { EditionCalendar } from './edition-calendar.rules.ts';
import { EDITION_EVENTS, nextEditionState, type EditionEvent, type EditionState } from './edition-lifecycle.rules.ts';

/**
 * What the administrator may do to an edition, pure: what is editable in each state, which state
 * changes the edition page offers, how the next edition's calendar is drawn from the previous one.
 */

/** The editable parts of an edition. */
export type EditionSettingsPart = 'calendar' | 'referential' | 'distinctions';

/**
 * What is editable in each state. A draft: everything. Open: the calendar and the distinctions, not
 * the referential (dossiers are being prepared against it). Closed: the calendar only (the jury's
 * and the ceremony's dates, a later closing before reopening). Once under review, nothing.
 */
export const EDITABLE_IN_STATE: Record<EditionState, readonly EditionSettingsPart[]> = {
  draft: ['calendar', 'referential', 'distinctions'],
  open: ['calendar', 'distinctions'],
  closed: ['calendar'],
  under_review: [],
  deliberated: [],
  published: [],
};

export const isEditable = (state: EditionState, part: EditionSettingsPart): boolean => EDITABLE_IN_STATE[state].includes(part);

/** Publication happens under embargo at the ceremony's time (the jury's screens), never by this page's hand. */
const NOT_BY_HAND: readonly EditionEvent[] = ['publish'];

/** The events an administrator may trigger by hand from this state, in the lifecycle's order. */
export function handEditionEvents(state: EditionState): EditionEvent[] {
  return EDITION_EVENTS.filter((event) => !NOT_BY_HAND.includes(event) && nextEditionState(state, event) !== null);
}

/** A past edition imported with the palmarès: published, with no calendar. It is shown, never changed. */
export const isImportedEdition = (edition: { state: EditionState; opensAt: Date | null }): boolean => edition.state === 'published' && edition.opensAt === null;

/**
 * Reopening a closed edition needs a closing date still to come: the calendar would close it again at
 * once. Null when it may reopen.
 */
export const reopenBlocked = (closesAt: Date | null, now: Date): boolean => closesAt === null || closesAt.getTime() <= now.getTime();

/** The calendar of an edition with no previous calendar to copy, on the Paris clock of its year (named after its ceremony). */
export function defaultEditionCalendar(year: number): EditionCalendar {
  const at = (local: string) => parisInstant(`${year}-${local}`);
  return { opensAt: at('03-01T09:00'), closesAt: at('04-30T23:59'), juryAt: at('06-15T09:00'), ceremonyAt: at('10-01T18:00') };
}

/** The next edition's calendar: the previous one's, the same Paris clock times `years` later; the default when it had none. */
export function nextEditionCalendar(previous: Partial<Record<keyof EditionCalendar, Date | null>> | null, year: number, years: number): EditionCalendar {
  const { opensAt, closesAt, juryAt, ceremonyAt } = previous ?? {};
  if (!opensAt || !closesAt || !juryAt || !ceremonyAt) return defaultEditionCalendar(year);
  return {
    opensAt: shiftParisYears(opensAt, years),
    closesAt: shiftParisYears(closesAt, years),
    juryAt: shiftParisYears(juryAt, years),
    ceremonyAt: shiftParisYears(ceremonyAt, years),
  };
}

/** The longest reason kept for a state change. */
export const STATE_CHANGE_REASON_MAX = 1000;
