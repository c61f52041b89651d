/** French number and date formats, shared by the views and the message catalogues. */

const numberFormat = new Intl.NumberFormat('fr-FR');
export const formatNumber = (n: number) => numberFormat.format(n);

const oneDecimalFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** « 45,2 », « 1 204,0 »: one decimal always (sizes and scores measured to a tenth). */
export const formatOneDecimal = (n: number) => oneDecimalFormat.format(n);

/** « 1 ligne », « 2 lignes », « 1 200 lignes »: a count and its noun, singular for 0 and 1 as French has it. */
export const countOf = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
/** « 1er décembre 2026 à 09:05 », on the French clock. */
export const formatDateTime = (d: Date) => withFirstOfMonth(dateTimeFormat.format(d));

const calendarDateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** « 1er mars », never « 1 mars »: French writes the first of the month as an ordinal. */
const withFirstOfMonth = (text: string) => text.replace(/(^|\s)1(\s)/, '$11er$2');

/** A date in French, « 12 mars 2024 », « 1er mars 2024 »: a calendar date (`2024-03-12`) as is, a moment on the French clock. */
export const formatDate = (d: Date | string) =>
  withFirstOfMonth(typeof d === 'string' ? calendarDateFormat.format(new Date(`${d}T00:00:00Z`)) : dayFormat.format(d));

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
/** The time of a moment on the French clock, « 09:05 », whatever the server's or the browser's time zone. */
export const formatTime = (d: Date) => timeFormat.format(d);
