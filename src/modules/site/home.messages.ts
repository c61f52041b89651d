import { resultsMessages } from '../label/messages.ts';

/** French texts of the home page. */
export const homeMessages = {
  page: {
    description: 'Le label national des politiques numériques locales et l’observatoire des initiatives numériques des territoires.',
    title: 'Le numérique des territoires, partagé pour être copié',
    lead: 'Villages, villes et intercommunalités documentent ici leurs initiatives numériques, s’évaluent et candidatent chaque année au label, noté de 1 à 5 @. Un jury les examine, le palmarès est publié, et chaque initiative reste consultable pour que d’autres territoires s’en inspirent.',
    searchLabel: 'Chercher un territoire',
    searchFieldLabel: 'Chercher une commune, une intercommunalité, un département ou une région',
    searchPlaceholder: 'Par exemple : Trélazé, Le Trait, Aunis Atlantique',
    searchButton: 'Rechercher',
  },
  palmares: {
    title: (year: number) => `Palmarès ${year}`,
    summary: (total: number) => `${resultsMessages.laureates(total).replace(/^./, (c) => c.toUpperCase())}.`,
    atLevel: (level: string) => `à ${level}`,
    link: (year: number) => `Voir le palmarès ${year} et sa carte`,
    statistics: 'Les statistiques du label',
  },
  figures: {
    title: 'Tous les territoires de France',
    /** Shown after the count of each kind. */
    communes: 'communes',
    epcis: 'intercommunalités',
    departements: 'départements',
    regions: 'régions',
    directoryLink: 'Parcourir l’annuaire des territoires',
  },
  audiences: {
    title: 'Pour qui ?',
    members: {
      title: 'Élus et agents',
      text: 'Tenez à jour les initiatives de votre territoire, évaluez-vous et préparez votre candidature au label.',
      link: 'Se connecter à son espace',
    },
    peers: {
      title: 'Autres territoires',
      text: 'Voyez ce que font les communes et intercommunalités de votre taille, et reprenez ce qui marche.',
      link: 'Trouver un territoire',
      initiativesLink: 'Chercher une initiative à reprendre',
    },
    public: {
      title: 'Citoyens et presse',
      text: 'Consultez le palmarès de chaque édition, et pour chaque territoire son historique au label et ses initiatives publiées.',
      palmaresLink: 'Voir les palmarès et les statistiques',
    },
  },
} as const;
