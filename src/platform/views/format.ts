/** French number and date formats, shared by the views and the message catalogues. */

const numberFormat = new Intl.NumberFormat('fr-FR');
export const formatNumber = (n: number) => numberFormat.format(n);

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);
