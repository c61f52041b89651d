import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';
import { campaignMessages } from './messages.ts';

/**
 * Whether an initiative counts for an edition (the label's rule: "less than two years old or still
 * running"), pure. Decisions:
 * - a done initiative counts when it ended on or after the cutoff, the same calendar day
 *   ELIGIBILITY_YEARS years before the closing day (both in Europe/Paris calendar days);
 * - a done initiative without end date is judged on its start date: it ended after it started, so a
 *   start on or after the cutoff is enough; an older start, or no date at all, is not eligible and the
 *   reason asks for the end date (we never count what we cannot check);
 * - an in-progress one counts whatever its start (even 2015); a planned one is shown apart and not
 *   counted; an abandoned one does not count;
 * - a date that is not a valid 'YYYY-MM-DD' is treated as absent.
 */

/** How many years before the closing a done initiative may have ended and still count. */
export const ELIGIBILITY_YEARS = 2;

export type EligibilityInput = { status: InitiativeStatus; startDate: string | null; endDate: string | null };
/** `counted`: 'eligible' counts, 'planned' is shown apart and not counted, 'ineligible' does not count. */
export type Eligibility = { eligible: boolean; counted: 'eligible' | 'planned' | 'ineligible'; reason: string };

const parisDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day ('YYYY-MM-DD') of a moment on the French clock. */
export function parisDay(moment: Date): string {
  const parts = Object.fromEntries(parisDayFormat.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar day as written, or null when it is not a real 'YYYY-MM-DD' day. */
export function validDay(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

/** The same calendar day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The earliest end date ('YYYY-MM-DD', Paris) of a done initiative that still counts for an edition closing then. */
export function eligibilityCutoff(closesAt: Date): string {
  return yearsBefore(parisDay(closesAt), ELIGIBILITY_YEARS);
}

/** Whether this initiative counts for an edition closing at `closesAt`, and why, in French. */
export function initiativeEligibility(initiative: EligibilityInput, closesAt: Date): Eligibility {
  const m = campaignMessages.eligibility;
  const start = validDay(initiative.startDate);
  const end = validDay(initiative.endDate);
  const closingDay = parisDay(closesAt);
  const cutoff = eligibilityCutoff(closesAt);
  const yes = (reason: string): Eligibility => ({ eligible: true, counted: 'eligible', reason });
  const no = (reason: string): Eligibility => ({ eligible: false, counted: 'ineligible', reason });
  switch (initiative.status) {
    case 'in_progress':
      return yes(start ? m.inProgressSince(start) : m.inProgress);
    case 'planned':
      return { eligible: false, counted: 'planned', reason: m.planned };
    case 'abandoned':
      return no(m.abandoned);
    case 'done':
      if (end) return end >= cutoff ? yes(m.doneRecently(end, closingDay)) : no(m.doneTooLongAgo(end, closingDay, cutoff));
      if (start && start >= cutoff) return yes(m.doneStartedRecently(start, closingDay));
      return no(start ? m.doneEndDateNeeded(start, cutoff) : m.doneWithoutDate);
  }
}
