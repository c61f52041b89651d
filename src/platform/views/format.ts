/** French number and date formats, shared by the views and the message catalogues. */

const numberFormat = new Intl.NumberFormat('fr-FR');
export const formatNumber = (n: number) => numberFormat.format(n);

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
/** A calendar date (`2024-03-12` or a Date) in French: « 12 mars 2024 ». */
export const formatDate = (d: Date | string) => dateFormat.format(typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())));
