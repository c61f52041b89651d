import { formatNumber } from '../../platform/views/format.ts';

/** French texts shared by the results pages (palmarès, history, statistics, badge). */
export const resultsMessages = {
  /** "5 @": the short form used in tables and the badge. */
  levelShort: (level: number) => `${level} @`,
  /** "5 arobases": what a screen reader says for the @ signs. */
  levelLong: (level: number) => (level === 1 ? '1 arobase' : `${level} arobases`),
  levelSigns: (level: number) => '@'.repeat(level),
  edition: (year: number) => `Label ${year}`,
  laureates: (n: number) => (n === 0 ? 'aucun territoire labellisé' : n === 1 ? '1 territoire labellisé' : `${formatNumber(n)} territoires labellisés`),
  excellence: {
    name: 'Territoire d’excellence numérique',
    granted: (year: number, until: number) => `accordé en ${year}, valable jusqu’en ${until}`,
    rule: (consecutive: number, validity: number) => `Accordé par règle après ${consecutive} labels consécutifs à 5 @, valable ${validity} ans.`,
  },
} as const;

/** The calendar of an edition: its four moments, named in the admin's form and its errors. */
export const editionCalendarMessages = {
  fields: { opensAt: 'ouverture', closesAt: 'clôture', juryAt: 'jury', ceremonyAt: 'cérémonie' },
  dateInvalid: (field: string) => `Date et heure invalides (${field}).`,
  closesAfterOpens: 'La date de clôture doit suivre l’ouverture.',
  juryAfterCloses: 'La date du jury doit suivre la clôture.',
  ceremonyAfterJury: 'La date de la cérémonie doit suivre la réunion du jury.',
} as const;
