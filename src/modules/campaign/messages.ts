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
  categories: { village: 'village (moins de 3 000 habitants)', ville: 'ville', territoire: 'territoire (intercommunalité, département, région)' },
  page: {
    title: (year: number, name: string) => `Candidature ${year} de ${name}`,
    crumb: (year: number) => `Candidature ${year}`,
    closesOn: (date: string) => `Les candidatures sont ouvertes jusqu’au ${date}.`,
    calendar: (opens: string, closes: string) => `Candidatures du ${opens} au ${closes}.`,
    startIntro:
      'Le dossier réunit les fiches de vos actions qui comptent pour cette édition, le questionnaire de votre catégorie, l’entretien et vos contacts. Il se prépare à plusieurs et s’enregistre au fur et à mesure ; un référent le dépose.',
    startHint:
      'Si votre territoire a candidaté l’an passé, le dossier reprend ses fiches qui comptent encore, ses réponses, son entretien et ses contacts : relisez-les.',
    start: 'Commencer la candidature',
    notStartedReader: 'La candidature n’est pas encore commencée : un référent ou un contributeur du territoire peut la commencer.',
    notOpen: 'Les candidatures ne sont pas ouvertes pour cette édition.',
    state: (state: string) => `État : ${state}`,
    version: (version: number, at: string) => `version ${version}, enregistrée le ${at}`,
    reopenedTitle: (at: string) => `L’équipe du label a rouvert votre dossier le ${at} :`,
    started: 'Candidature commencée. Elle s’enregistre au fur et à mesure ; un référent la déposera une fois complète.',
    saved: 'Dossier enregistré.',
    submittedNotice: 'Dossier déposé : il est figé et un accusé de réception a été envoyé aux référents.',
    save: 'Enregistrer le dossier',
    autosaveRefused: 'Une réponse n’est pas valable : « Enregistrer le dossier » vous dira laquelle.',
    autosave: {
      idle: 'Vos changements sont enregistrés automatiquement quelques secondes après la saisie.',
      saving: 'Enregistrement…',
      saved: (time: string) => `Dossier enregistré à ${time}.`,
      failed: 'L’enregistrement automatique a échoué : utilisez le bouton « Enregistrer le dossier ».',
    },
    checklist: {
      title: 'Avant le dépôt',
      complete: 'Le dossier est complet : un référent peut le déposer.',
      intro: (n: number) => (n === 1 ? 'Il manque encore 1 élément :' : `Il manque encore ${n} éléments :`),
    },
    sheets: {
      legend: 'Les fiches du dossier',
      hint: 'Comptent les actions terminées depuis moins de deux ans avant la clôture, ou encore en cours. Cochez celles à présenter au jury.',
      none: 'Aucune de vos fiches ne compte encore pour cette édition.',
      noneLink: 'Décrire une action',
      draft: '(fiche en brouillon : elle est présentée au jury, pas publiée)',
      planned: (n: number) =>
        n === 1 ? '1 action en projet (présentée à part, elle ne compte pas)' : `${n} actions en projet (présentées à part, elles ne comptent pas)`,
      ineligible: (n: number) => (n === 1 ? '1 fiche qui ne compte pas pour cette édition' : `${n} fiches qui ne comptent pas pour cette édition`),
    },
    questionnaire: {
      title: (category: string) => `Le questionnaire (${category})`,
      hint: 'Les questions marquées « obligatoire » doivent être remplies avant le dépôt ; le reste aide le jury à comprendre votre contexte.',
    },
    interview: {
      title: 'L’entretien',
      hint: 'Trois questions posées à chaque territoire ; les réponses peuvent être publiées avec vos résultats si vous l’acceptez.',
      consent: 'Nous acceptons que l’entretien soit publié avec nos résultats',
      consentHint: 'Sans cet accord, seul le jury le lit.',
    },
    contacts: {
      title: 'Les contacts',
      elected: 'L’élu chargé du numérique',
      agent: 'L’agent qui suit le dossier',
      fields: { name: 'Nom', role: 'Fonction', email: 'Adresse e-mail', phone: 'Téléphone' },
    },
    submit: {
      title: 'Déposer la candidature',
      intro:
        'Le dépôt fige le dossier tel qu’il est : les fiches, les réponses, l’entretien et l’auto-évaluation. Les modifications ultérieures de vos fiches ne le changent plus.',
      notReady: 'Le dossier n’est pas encore complet : le dépôt dira ce qui manque.',
      button: 'Déposer la candidature',
      referentOnly: 'Seul un référent du territoire peut déposer la candidature.',
    },
    submitted: {
      title: (at: string) => `Candidature déposée le ${at}.`,
      frozen: 'Le dossier est figé : c’est lui que le jury lira. Pour le modifier, demandez à l’équipe du label de le rouvrir.',
      pdf: 'Télécharger le dossier en PDF (pour votre conseil)',
    },
    history: {
      title: 'Historique du dossier',
      kinds: { created: 'Candidature commencée', submitted: 'Candidature déposée', reopened: 'Dossier rouvert par l’équipe du label' },
    },
  },
  api: {
    badId: 'identifiant de candidature invalide',
    badYear: 'année d’édition invalide',
    territoryCode: 'code du territoire requis (INSEE ou SIREN)',
    eligible: 'La fiche compte pour l’édition',
    reason: 'Pourquoi elle compte ou non, en français',
    initiatives: 'Les fiches du territoire : celles du dossier d’abord, puis celles qui pourraient l’être',
    missing: 'Ce qui manque avant le dépôt, chaque élément nommant son champ',
    createSummary: 'Commencer la candidature d’un territoire',
    getSummary: 'Lire une candidature',
    patchSummary: 'Modifier une candidature',
    patchDescription:
      'Envoyez `version` (celle que vous avez lue) et les parties à changer : `initiativeIds`, `answers`, `interview`, `contacts`. Une version dépassée répond 409 ; une fiche qui ne compte pas est refusée avec sa raison (400).',
    submitSummary: 'Déposer une candidature',
    submitDescription:
      'Réservé aux référents du territoire, tant que l’édition est ouverte (heure du serveur de base de données). Fige le dossier. Envoyez `version`, celle que vous avez relue : un dossier modifié depuis n’est pas déposé (409). 409 aussi une fois clos ou déjà déposé.',
    submitVersion: 'la version relue du dossier (un entier positif)',
    snapshotSummary: 'Le dossier figé au dépôt',
    noSnapshot: 'Cette candidature n’a pas encore été déposée : aucun dossier figé.',
  },
  application: {
    notFound: 'Candidature introuvable.',
    territoryUnknown: (code: string) => `Territoire inconnu : « ${code} ».`,
    territoryDoesNotTakePart: (name: string) => `${name} ne peut pas candidater au label.`,
    editionUnknown: (year: number) => `Aucune édition ${year} n’est ouverte aux candidatures.`,
    editionNotOpen: (year: number) => `Les candidatures de l’édition ${year} ne sont pas ouvertes.`,
    alreadyStarted: (year: number) => `La candidature ${year} de ce territoire est déjà commencée.`,
    staleVersion: (current: number) => `le dossier a été modifié depuis (version ${current}) : relisez-le, puis envoyez vos changements sur cette version`,
    changedSinceRead: (current: number) =>
      `Le dossier a été modifié depuis que vous l’avez relu (il en est à la version ${current}) : relisez-le, puis déposez-le.`,
    notDraft: 'Cette candidature est déposée : elle ne se modifie plus. Demandez à l’équipe du label de la rouvrir si besoin.',
    stale: (fields: string) =>
      `Quelqu’un a modifié ${fields} pendant que vous travailliez : rechargez la page pour voir sa version, puis refaites votre changement.`,
    sheetNotOfTerritory: 'cette fiche n’est pas une fiche du territoire',
    sheetNotEligible: (reason: string) => `cette fiche ne compte pas pour l’édition : ${reason}`,
    receipt: {
      aReferent: 'un référent du territoire',
      subject: (year: number, territory: string) => `Candidature ${year} de ${territory} : dossier déposé`,
      body: (d: { territory: string; year: number; submittedAt: string; by: string; sheets: number; link: string }) =>
        [
          'Bonjour,',
          '',
          `La candidature de ${d.territory} au label ${d.year} a bien été déposée le ${d.submittedAt} par ${d.by}.`,
          `Le dossier présente ${d.sheets === 1 ? '1 initiative' : `${d.sheets} initiatives`}. Il est désormais figé : les modifications de vos fiches ne le changent plus.`,
          '',
          `Le dossier et sa version PDF, à présenter à votre conseil : ${d.link}`,
          '',
          'Le jury examinera votre dossier ; les résultats seront annoncés lors de la cérémonie.',
          '',
          'L’équipe du label',
        ].join('\n'),
    },
    reopened: {
      subject: (year: number, territory: string) => `Candidature ${year} de ${territory} : dossier rouvert`,
      body: (territory: string, year: number, reason: string, link: string) =>
        [
          'Bonjour,',
          '',
          `L’équipe du label a rouvert la candidature ${year} de ${territory}, pour la raison suivante :`,
          '',
          reason,
          '',
          `Le dossier redevient un brouillon : complétez-le, puis déposez-le de nouveau avant la clôture : ${link}`,
          '',
          'L’équipe du label',
        ].join('\n'),
    },
    parts: {
      dossier: 'le dossier',
      initiatives: 'les fiches choisies',
      consent: 'l’accord de publication de l’entretien',
      interview: 'l’entretien',
      elected: 'le contact élu',
      agent: 'le contact agent',
    },
    incomplete: (n: number) => (n === 1 ? 'Il manque 1 élément au dossier avant de le déposer.' : `Il manque ${n} éléments au dossier avant de le déposer.`),
    checklist: {
      noInitiative: 'Choisissez au moins une fiche qui compte pour cette édition.',
      sheetGone: 'Une fiche choisie a été supprimée : retirez-la du dossier.',
      sheetNoLongerEligible: (reason: string) => `Une fiche choisie ne compte plus : ${reason}`,
      answer: (label: string) => `Répondez à la question « ${label} ».`,
      interview: (label: string) => `Entretien : répondez à « ${label} ».`,
      electedName: 'Indiquez l’élu chargé du numérique.',
      agentName: 'Indiquez l’agent qui suit le dossier.',
      contactEmail: 'Indiquez au moins une adresse e-mail de contact.',
    },
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
