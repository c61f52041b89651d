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

/** The editions' administration (/admin/editions): states, events, the forms and their refusals. */
export const editionAdminMessages = {
  card: { title: 'Éditions du label', summary: 'Calendrier, référentiel et distinctions de chaque campagne ; ouverture, clôture et changements d’état.' },
  title: 'Éditions du label',
  lead: 'Chaque édition porte le nom de l’année de sa cérémonie. L’ouverture et la clôture suivent le calendrier d’elles-mêmes (heure de Paris) ; un administrateur peut aussi changer l’état à la main, avec une raison.',
  states: {
    draft: 'En préparation',
    open: 'Ouverte aux candidatures',
    closed: 'Candidatures closes',
    under_review: 'Examen par le jury',
    deliberated: 'Délibérée',
    published: 'Résultats publiés',
  },
  imported: 'importée',
  importedHint: 'Édition passée importée avec le palmarès : consultable sur le palmarès, sans réglage.',
  events: {
    open: 'Ouvrir les candidatures',
    close: 'Clore les candidatures',
    reopen: 'Rouvrir les candidatures',
    startReview: 'Passer à l’examen par le jury',
    deliberate: 'Marquer comme délibérée',
    reviseDeliberation: 'Revenir à l’examen par le jury',
    publish: 'Publier les résultats',
  },
  columns: { year: 'Édition', state: 'État', calendar: 'Calendrier', referential: 'Référentiel', actions: 'Actions' },
  caption: 'Éditions, la plus récente d’abord',
  empty: 'Aucune édition pour l’instant.',
  calendarLine: (field: string, when: string) => `${field} : ${when}`,
  noCalendar: 'pas de calendrier',
  noReferential: '—',
  manage: (year: number) => `Régler l’édition ${year}`,
  prepare: {
    title: 'Préparer l’édition suivante',
    button: (year: number) => `Préparer l’édition ${year}`,
    explainFrom: (year: number) =>
      `Elle reprend de l’édition ${year} le référentiel, les questionnaires, les distinctions proposées et le calendrier décalé d’un an, à ajuster ensuite. Elle reste en préparation jusqu’à son ouverture.`,
    explainFirst: 'Elle reçoit le référentiel en vigueur, toutes les mentions et un calendrier par défaut, à ajuster ensuite.',
    exists: (year: number) => `L’édition ${year} existe déjà : ouvrez-la dans la liste pour la régler.`,
    yearInvalid: 'Année d’édition invalide.',
    created: (year: number) => `L’édition ${year} est préparée. Vérifiez son calendrier, son référentiel et ses distinctions.`,
  },
  edition: {
    title: (year: number) => `Édition ${year}`,
    notFound: (year: string) => `Aucune édition « ${year} ».`,
    state: (label: string) => `État : ${label}`,
    basedOn: (year: number) => `Préparée à partir de l’édition ${year}.`,
    settingsTitle: 'Calendrier, référentiel et distinctions',
    editableNow: {
      draft: 'En préparation, tout se règle : le calendrier, la version du référentiel et les distinctions proposées.',
      open: 'Ouverte : le calendrier et les distinctions se règlent encore ; le référentiel est figé, les dossiers s’y rapportent.',
      closed: 'Close : seul le calendrier se règle (dates du jury et de la cérémonie, ou une clôture plus tardive avant de rouvrir).',
      frozen: 'Plus rien ne se règle à ce stade : le jury examine, délibère ou a publié.',
    },
    calendarLegend: 'Calendrier (heure de Paris)',
    calendarHint: 'Jour et heure, à l’heure de Paris.',
    fields: { opensAt: 'Ouverture des candidatures', closesAt: 'Clôture des candidatures', juryAt: 'Réunion du jury', ceremonyAt: 'Cérémonie' },
    referential: 'Version du référentiel',
    referentialHint: 'Les versions publiées ; les dossiers sont évalués sur celle-ci.',
    referentialUnknown: 'version inconnue ou non publiée : choisissez-en une dans la liste',
    distinctionsLegend: 'Distinctions proposées',
    distinctionUnknown: 'distinction inconnue',
    save: 'Enregistrer',
    saved: 'Les réglages de l’édition sont enregistrés.',
    notEditable: (state: string) => `Cette édition ne se règle plus à l’état « ${state} ».`,
    questionnaires: 'Questionnaires de l’édition',
    selfAssessmentWeights: 'Pondérations de l’auto-évaluation',
    jury: 'Jury : jurés, conflits d’intérêts et répartition des dossiers',
    juryParameters: 'Paramètres du jury : évaluateurs par dossier, seuils du niveau suggéré',
    deliberation: 'Délibération : ordre du jour et décisions',
    publication: 'Publication des résultats sous embargo',
    pressKit: 'Dossier de presse : chiffres, phrases et palmarès par région (CSV)',
    applications: 'Dossiers de candidature de l’édition',
  },
  stateChange: {
    title: 'Changer l’état à la main',
    lead: 'L’ouverture et la clôture suivent le calendrier d’elles-mêmes. Un changement à la main demande une raison, gardée dans l’historique. La publication des résultats se fait depuis les écrans du jury, sous embargo jusqu’à la cérémonie.',
    none: 'Aucun changement d’état possible à la main depuis cet état.',
    reason: 'Raison du changement',
    reasonHint: 'Elle est gardée dans l’historique ci-dessous.',
    reasonRequired: 'à remplir : dites pourquoi l’état change',
    reasonTooLong: (max: number) => `${max} caractères au plus`,
    eventInvalid: 'Ce changement d’état n’est pas possible depuis l’état actuel de l’édition.',
    reopenNeedsLaterClosing: (closesAt: string) =>
      `La clôture (${closesAt}) est passée : le calendrier refermerait l’édition aussitôt. Changez d’abord la date de clôture, puis rouvrez.`,
    reopenNoCalendar: 'L’édition n’a pas de calendrier : fixez d’abord une date de clôture à venir, puis rouvrez.',
    reviseScheduled: 'La publication des résultats est programmée : annulez-la d’abord depuis la page de publication, puis reprenez la délibération.',
    changed: (label: string) => `L’édition est maintenant à l’état « ${label} ».`,
    moved: 'L’état de l’édition a changé entre-temps : voici son état actuel.',
  },
  history: {
    title: 'Historique des états',
    caption: 'Changements d’état, le plus récent d’abord',
    columns: { at: 'Date', from: 'De', to: 'Vers', by: 'Par', reason: 'Raison' },
    calendar: 'le calendrier',
    creation: 'création',
    empty: 'Aucun changement d’état pour l’instant.',
  },
  calendarReason: 'calendrier',
  schedulerLog: (year: number, from: string, to: string) => `Édition ${year} : ${from} → ${to} (calendrier).`,
} as const;

/** The publication under embargo, as the label writes it (the jury's pages say the rest). */
export const publicationMessages = {
  notSchedulable: 'La publication se programme une fois l’édition en cours d’évaluation ou délibérée, avant la cérémonie.',
  alreadyPublic: 'Les résultats de cette édition sont déjà publics : la publication ne se change plus.',
  notScheduled: 'Aucune publication n’est programmée pour cette édition.',
  atInThePast: 'L’heure de publication doit être à venir.',
  scheduledReason: 'Publication des résultats programmée',
  publishedReason: 'Publication des résultats à l’heure de la cérémonie',
  jobLog: (year: number) => `Édition ${year} : résultats publiés (heure de la cérémonie).`,
};
