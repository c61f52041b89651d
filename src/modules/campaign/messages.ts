import { formatDate, formatDateTime, formatNumber } from '../../platform/views/format.ts';

/** French texts of the campaign's rules: eligibility of sheets, submission, calendar, self-assessment. */
export const campaignMessages = {
  eligibility: {
    inProgress: 'En cours : une action en cours compte, quelle que soit sa date de début.',
    inProgressSince: (start: string) => `En cours depuis le ${formatDate(start)} : une action en cours compte, quelle que soit sa date de début.`,
    planned: 'En projet : elle figure à part dans le dossier et ne compte pas encore.',
    abandoned: 'Abandonnée : elle ne compte pas pour le label.',
    doneRecently: (end: string, closingDay: string) =>
      `Réalisée, terminée le ${formatDate(end)} : moins de deux ans avant la clôture du ${formatDate(closingDay)}, elle compte.`,
    doneTooLongAgo: (end: string, closingDay: string, cutoff: string) =>
      `Terminée le ${formatDate(end)}, plus de deux ans avant la clôture du ${formatDate(closingDay)} : elle ne compte plus. Comptent les actions terminées depuis le ${formatDate(cutoff)} ou encore en cours.`,
    doneStartedRecently: (start: string, closingDay: string) =>
      `Réalisée, commencée le ${formatDate(start)} : elle s’est terminée moins de deux ans avant la clôture du ${formatDate(closingDay)}, elle compte.`,
    doneEndDateNeeded: (start: string, cutoff: string) =>
      `Réalisée, commencée le ${formatDate(start)}, sans date de fin : indiquez sa date de fin. Elle compte si elle s’est terminée depuis le ${formatDate(cutoff)}.`,
    doneWithoutDate: 'Réalisée, sans date : indiquez sa date de fin pour savoir si elle compte (terminée depuis moins de deux ans).',
  },
  submission: {
    not_referent: 'Seul un référent du territoire peut déposer la candidature.',
    already_submitted: 'Cette candidature est déjà déposée. Pour la modifier, demandez à l’équipe du label de la rouvrir.',
    edition_not_open_yet: 'Les candidatures ne sont pas encore ouvertes pour cette édition.',
    edition_not_open: 'Les candidatures sont closes pour cette édition.',
    closed_by_clock: (closesAt: Date) => `Les candidatures ont fermé le ${formatDateTime(closesAt)} : le dépôt n’est plus possible.`,
  },
  reopen: {
    not_submitted: 'Cette candidature n’est pas déposée : il n’y a rien à rouvrir.',
    reason_required: 'Indiquez la raison de la réouverture : elle sera montrée au territoire.',
  },
  applicationStates: { draft: 'Brouillon', submitted: 'Déposée' },
  application: {
    input: {
      text: 'texte attendu',
      tooLong: (max: number) => `${max} caractères au plus`,
      email: 'adresse e-mail invalide',
      phone: 'numéro de téléphone invalide',
      version: 'la version de départ est requise (un entier positif)',
      initiativeId: 'identifiant de fiche invalide',
      initiativeIds: 'liste de fiches attendue',
      tooManyInitiatives: (max: number) => `${max} fiches au plus par dossier`,
      answers: 'réponses attendues (un objet)',
      interview: 'entretien attendu (un objet)',
      consent: 'oui ou non attendu',
    },
  },
  selfAssessment: {
    notConcerned: 'non concerné',
    notConcernedReasonRequired: 'Indiquez pourquoi ce service ne concerne pas votre territoire.',
    notConcernedButCovered: 'Une de vos initiatives couvre ce service : il reste dans le calcul malgré la déclaration « non concerné ».',
    notConcernedUnknownService: (id: string) => `Service inconnu du référentiel : « ${id} ».`,
    aboveShare: (percent: number, peers: string) => `au-dessus de ${formatNumber(percent)} % des ${peers}`,
    serviceShare: (percent: number) => `${formatNumber(percent)} % des territoires de votre strate ont une initiative sur ce service`,
    explanation: {
      serviceValue:
        'Chaque service du référentiel vaut la pondération la plus haute parmi vos initiatives qui le couvrent (tableau ci-dessous) ; 0 si aucune ne le couvre.',
      themeScore: 'Le score d’un enjeu est la moyenne de ses services, sur 100.',
      axisScore: 'Le score d’un axe, et le score global, sont la moyenne de tous leurs services concernés, sur 100 : un enjeu riche en services pèse plus.',
      notConcerned:
        'Un service déclaré « non concerné », avec sa raison, sort du calcul ; un enjeu dont aucun service n’est concerné est marqué « non concerné ».',
      coverage: 'La couverture est la part des services concernés couverts par au moins une initiative de pondération positive.',
      peers: (minPeers: number) =>
        `Votre position parmi les territoires de votre strate n’est donnée qu’à partir de ${formatNumber(minPeers)} territoires comparables.`,
      rounding: 'Les scores sont arrondis à une décimale ; les parts de territoires au pourcentage entier inférieur.',
      weights: 'Les pondérations sont fixées pour chaque édition du label.',
    },
  },
} as const;
