/** French number and date formats, shared by the views and the message catalogues. */

const numberFormat = new Intl.NumberFormat('fr-FR');
export const formatNumber = (n: number) => numberFormat.format(n);

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);

const calendarDateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
/** A date in French, « 12 mars 2024 »: a calendar date (`2024-03-12`) as is, a moment on the French clock. */
export const formatDate = (d: Date | string) => (typeof d === 'string' ? calendarDateFormat.format(new Date(`${d}T00:00:00Z`)) : dayFormat.format(d));
