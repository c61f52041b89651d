import { formatNumber } from '../../platform/views/format.ts';

/** French texts of /a-propos: what the label is, who runs it, how to take part, its yearly rhythm. */
export const aboutMessages = {
  title: 'À propos du label',
  description: (label: string) =>
    `${label}\u00a0: ce qu’est le label des politiques numériques locales, qui l’organise, comment y participer et son calendrier.`,
  lead: (label: string) =>
    `${label} distingue chaque année les villages, les villes et les intercommunalités qui mettent le numérique au service de leurs habitants. Les initiatives des territoires participants restent consultables dans l’observatoire, pour que d’autres puissent s’en inspirer.`,
  contents: 'Sur cette page',
  what: {
    title: 'Ce qu’est le label',
    intro:
      'Le label est ouvert à toutes les communes et intercommunalités, quelle que soit leur taille. Chaque catégorie (village de moins de 3\u00a0000 habitants, ville, territoire intercommunal) répond à un questionnaire adapté, et un village à 5\u00a0@ vaut une ville à 5\u00a0@.',
    axesIntro: (themes: number, services: number) =>
      `Les actions des territoires sont évaluées selon quatre axes, déclinés en ${formatNumber(themes)} enjeux et ${formatNumber(services)} services numériques rendus à la population (le référentiel)\u00a0:`,
    referentialLink: 'Consulter le référentiel complet',
    levelsTitle: 'De 1 à 5 @',
    levels:
      'Chaque territoire participant obtient au moins 1\u00a0@. Un jury d’une vingtaine de personnes (universitaires, journalistes, experts du numérique public) examine les dossiers et attribue de 1 à 5\u00a0@ («\u00a0arobases\u00a0»)\u00a0: plus les services sont nombreux, utiles et durables, plus le niveau est élevé.',
    distinctionsTitle: 'Les distinctions',
    distinctionsIntro: 'Le jury peut aussi décerner des distinctions thématiques\u00a0:',
    excellence: (name: string, consecutive: number, validity: number) =>
      `Le titre «\u00a0${name}\u00a0» récompense la constance\u00a0: il est accordé après ${formatNumber(consecutive)} labels consécutifs au niveau le plus haut, et vaut ${formatNumber(validity)}\u00a0ans.`,
    palmaresLink: 'Voir les palmarès',
  },
  organiser: {
    title: 'Qui organise le label',
    text: (label: string, organiser: string) =>
      `${label} est organisé par ${organiser}, qui réunit le jury, publie le palmarès et fait vivre l’observatoire des initiatives.`,
    contactLink: 'Écrire à l’organisateur',
  },
  join: {
    title: 'Comment participer',
    steps: [
      'Demandez un compte pour votre collectivité à l’organisateur\u00a0: les élus et agents reçoivent une invitation par e-mail.',
      'Décrivez les actions numériques de votre territoire dans des fiches d’initiatives, mises à jour d’une année sur l’autre. Une action compte si elle a moins de deux ans ou se poursuit.',
      'Mesurez où vous en êtes avec l’autoévaluation, et repérez des pistes chez les territoires comparables.',
      'Déposez votre dossier de candidature pendant la période d’inscription.',
    ],
    free: 'Tout le site se consulte librement, sans compte\u00a0: le palmarès, les pages des territoires, l’observatoire et les données ouvertes.',
  },
  calendar: {
    title: 'Le calendrier',
    intro: 'Le label suit un rythme annuel\u00a0; l’édition porte le nom de l’année de sa cérémonie.',
    steps: [
      { when: 'Au printemps', what: 'ouverture des candidatures.' },
      { when: 'Mi-novembre', what: 'clôture des candidatures.' },
      { when: 'En décembre', what: 'le jury examine les dossiers et délibère.' },
      { when: 'Début février', what: 'les résultats sont annoncés lors d’une cérémonie, puis publiés dans le palmarès.' },
    ],
    dates: 'Les dates précises de chaque édition sont annoncées par l’organisateur à l’ouverture des candidatures.',
  },
} as const;
