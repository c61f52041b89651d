import type { ReferentialService } from './catalogue.data.ts';

/** The services of the axis « Démocratie et services publics », theme by theme (the catalogue joins the four axes). */
export const DEMOCRACY_SERVICES = [
  // — Démocratie et services publics › Identités, droits et libertés
  {
    id: 'coffre-fort-numerique',
    themeId: 'identites-droits-libertes',
    name: 'Coffre-fort numérique pour les usagers accompagnés',
    description:
      'Les personnes fragilisées conservent gratuitement et en sécurité leurs documents administratifs en ligne, avec l’appui du CCAS ou d’une structure d’accompagnement.',
    responsibleDigital: false,
  },
  {
    id: 'protection-donnees-personnelles',
    themeId: 'identites-droits-libertes',
    name: 'Protection des données personnelles des usagers',
    description:
      'Les habitants savent quelles données la collectivité traite, pourquoi, et peuvent exercer leurs droits auprès d’un délégué à la protection des données.',
    responsibleDigital: false,
  },
  {
    id: 'sensibilisation-cyber-agents-elus',
    themeId: 'identites-droits-libertes',
    name: 'Sensibilisation des agents et des élus aux risques cyber',
    description:
      'Agents et élus adoptent les bons réflexes (mots de passe, messagerie, navigation, réseaux sociaux, objets connectés) pour protéger les données des habitants.',
    responsibleDigital: false,
  },
  {
    id: 'prevention-hameconnage',
    themeId: 'identites-droits-libertes',
    name: 'Prévention de l’hameçonnage',
    description:
      'Des campagnes et exercices apprennent aux agents à repérer les courriels frauduleux, ce qui réduit le risque d’attaque contre les services publics.',
    responsibleDigital: false,
  },
  {
    id: 'audit-cybersecurite',
    themeId: 'identites-droits-libertes',
    name: 'Audit de cybersécurité du système d’information',
    description: 'Un audit régulier repère les failles du système d’information communal et fixe un plan d’action pour garantir la continuité des services.',
    responsibleDigital: false,
  },
  {
    id: 'hebergement-securise-donnees',
    themeId: 'identites-droits-libertes',
    name: 'Hébergement sécurisé et sauvegarde des données',
    description:
      'Les données de la collectivité et des usagers sont hébergées dans une architecture sécurisée, sauvegardées et restaurables en cas d’incident.',
    responsibleDigital: false,
  },
  {
    id: 'identification-numerique-usagers',
    themeId: 'identites-droits-libertes',
    name: 'Identification numérique des usagers',
    description: 'Les habitants accèdent aux démarches en ligne avec une identité numérique reconnue, sans multiplier les comptes et les mots de passe.',
    responsibleDigital: false,
  },
  {
    id: 'accessibilite-numerique',
    themeId: 'identites-droits-libertes',
    name: 'Accessibilité numérique des services en ligne',
    description: 'Les personnes en situation de handicap utilisent le site et les démarches de la collectivité grâce au respect des règles d’accessibilité.',
    responsibleDigital: false,
  },
  {
    id: 'logiciels-libres',
    themeId: 'identites-droits-libertes',
    name: 'Recours aux logiciels libres et formats ouverts',
    description:
      'La collectivité privilégie les logiciels libres et les formats ouverts, ce qui garantit aux habitants un accès durable à l’information publique.',
    responsibleDigital: true,
  },

  // — Démocratie et services publics › Vie associative
  {
    id: 'portail-associatif',
    themeId: 'vie-associative',
    name: 'Portail des associations',
    description: 'Les associations disposent d’un espace en ligne pour se présenter, publier leurs activités et être trouvées par les habitants.',
    responsibleDigital: false,
  },
  {
    id: 'annuaire-associations',
    themeId: 'vie-associative',
    name: 'Annuaire en ligne des associations',
    description: 'Les habitants trouvent facilement l’association qui correspond à leur envie de pratiquer, de s’engager ou de se faire aider.',
    responsibleDigital: false,
  },
  {
    id: 'subventions-associations-en-ligne',
    themeId: 'vie-associative',
    name: 'Demande de subvention en ligne',
    description: 'Les associations déposent et suivent leurs demandes de subvention en ligne, sans dossier papier.',
    responsibleDigital: false,
  },
  {
    id: 'reservation-salles-materiel',
    themeId: 'vie-associative',
    name: 'Réservation en ligne de salles et de matériel',
    description: 'Associations et habitants réservent en ligne les salles et le matériel municipaux et voient leurs disponibilités.',
    responsibleDigital: false,
  },
  {
    id: 'accompagnement-numerique-associations',
    themeId: 'vie-associative',
    name: 'Accompagnement numérique des associations',
    description: 'Les bénévoles sont formés aux outils numériques utiles à leur association : site, gestion des adhérents, communication.',
    responsibleDigital: false,
  },
  {
    id: 'agenda-associatif',
    themeId: 'vie-associative',
    name: 'Agenda partagé des associations',
    description: 'Les associations publient leurs événements dans un agenda commun que les habitants consultent au même endroit.',
    responsibleDigital: false,
  },
  {
    id: 'plateforme-benevolat',
    themeId: 'vie-associative',
    name: 'Plateforme locale de bénévolat',
    description: 'Les habitants qui veulent donner de leur temps rencontrent en ligne les associations qui cherchent des bénévoles.',
    responsibleDigital: false,
  },

  // — Démocratie et services publics › Services publics
  {
    id: 'paiement-en-ligne',
    themeId: 'services-publics',
    name: 'Paiement en ligne des services municipaux',
    description: 'Les habitants règlent par carte bancaire, en ligne ou au guichet, la cantine, le périscolaire et les autres services municipaux.',
    responsibleDigital: false,
  },
  {
    id: 'prise-rendez-vous-en-ligne',
    themeId: 'services-publics',
    name: 'Prise de rendez-vous en ligne',
    description: 'Les habitants prennent rendez-vous en ligne pour leurs démarches en mairie, à toute heure et sans attente téléphonique.',
    responsibleDigital: false,
  },
  {
    id: 'site-internet-municipal',
    themeId: 'services-publics',
    name: 'Site internet municipal adapté aux mobiles',
    description: 'Les habitants trouvent l’information et les démarches de la commune sur un site pensé pour eux et lisible sur smartphone.',
    responsibleDigital: false,
  },
  {
    id: 'teleservices-periscolaire',
    themeId: 'services-publics',
    name: 'Inscriptions périscolaires en ligne',
    description: 'Les familles inscrivent leurs enfants à la cantine, à l’accueil périscolaire et aux activités de loisirs depuis un portail en ligne.',
    responsibleDigital: false,
  },
  {
    id: 'teleservices-urbanisme',
    themeId: 'services-publics',
    name: 'Dépôt en ligne des demandes d’urbanisme',
    description: 'Les habitants déposent et suivent en ligne leurs demandes de permis et déclarations préalables.',
    responsibleDigital: false,
  },
  {
    id: 'demarches-etat-civil-en-ligne',
    themeId: 'services-publics',
    name: 'Démarches d’état civil en ligne',
    description: 'Les habitants demandent leurs actes d’état civil et effectuent leurs formalités courantes en ligne, à toute heure.',
    responsibleDigital: false,
  },
  {
    id: 'gestion-relation-usagers',
    themeId: 'services-publics',
    name: 'Gestion centralisée de la relation aux usagers',
    description: 'Chaque demande d’un habitant, quel que soit le canal, est enregistrée, suivie et reçoit une réponse dans un délai connu.',
    responsibleDigital: false,
  },
  {
    id: 'dematerialisation-rh',
    themeId: 'services-publics',
    name: 'Dématérialisation des procédures RH des agents',
    description:
      'Demandes de congés, récupérations et validations circulent en ligne, ce qui fait gagner du temps aux agents et améliore le suivi des plannings.',
    responsibleDigital: false,
  },
  {
    id: 'parapheur-signature-electronique',
    themeId: 'services-publics',
    name: 'Parapheur et signature électroniques',
    description: 'Les décisions sont signées électroniquement, ce qui accélère les réponses aux habitants et réduit les impressions.',
    responsibleDigital: true,
  },
  {
    id: 'archivage-electronique',
    themeId: 'services-publics',
    name: 'Gestion électronique des documents et archivage',
    description: 'Les documents de la collectivité sont classés, retrouvés et archivés électroniquement, avec moins d’espace de stockage papier.',
    responsibleDigital: false,
  },
  {
    id: 'assistance-informatique-distance',
    themeId: 'services-publics',
    name: 'Assistance informatique à distance',
    description: 'Le support informatique intervient par prise en main à distance, ce qui dépanne plus vite et évite des déplacements.',
    responsibleDigital: true,
  },
  {
    id: 'outils-metiers-services',
    themeId: 'services-publics',
    name: 'Applications métiers des services municipaux',
    description: 'Les services municipaux utilisent des applications adaptées à leur métier, pour traiter plus vite et mieux les demandes des habitants.',
    responsibleDigital: false,
  },

  // — Démocratie et services publics › Démocratie locale
  {
    id: 'retransmission-conseil-municipal',
    themeId: 'democratie-locale',
    name: 'Retransmission en direct du conseil municipal',
    description: 'Les habitants suivent les séances du conseil municipal en direct ou en différé, sur le site ou les réseaux sociaux.',
    responsibleDigital: false,
  },
  {
    id: 'dematerialisation-conseil-municipal',
    themeId: 'democratie-locale',
    name: 'Conseil municipal dématérialisé',
    description:
      'De la convocation à la publication des délibérations, le conseil municipal fonctionne sans papier et ses décisions sont accessibles plus tôt.',
    responsibleDigital: true,
  },
  {
    id: 'publication-actes-en-ligne',
    themeId: 'democratie-locale',
    name: 'Publication des actes en ligne',
    description: 'Délibérations, arrêtés et budgets sont publiés en ligne et consultables librement par les habitants.',
    responsibleDigital: false,
  },
  {
    id: 'consultation-citoyenne-en-ligne',
    themeId: 'democratie-locale',
    name: 'Consultation citoyenne en ligne',
    description: 'Les habitants donnent leur avis en ligne sur les projets de la commune et voient ce qui en a été retenu.',
    responsibleDigital: false,
  },
  {
    id: 'budget-participatif-en-ligne',
    themeId: 'democratie-locale',
    name: 'Budget participatif en ligne',
    description: 'Les habitants proposent et votent en ligne des projets financés par une part du budget communal.',
    responsibleDigital: false,
  },
  {
    id: 'donnees-ouvertes',
    themeId: 'democratie-locale',
    name: 'Ouverture des données publiques',
    description: 'La collectivité publie ses données en open data pour que chacun puisse les consulter, les vérifier et les réutiliser.',
    responsibleDigital: false,
  },
  {
    id: 'reseaux-sociaux-municipaux',
    themeId: 'democratie-locale',
    name: 'Présence de la commune sur les réseaux sociaux',
    description: 'La commune informe les habitants et dialogue avec eux sur les réseaux sociaux qu’ils utilisent.',
    responsibleDigital: false,
  },
  {
    id: 'chaine-video-municipale',
    themeId: 'democratie-locale',
    name: 'Chaîne vidéo municipale',
    description: 'Une chaîne vidéo en ligne présente les projets, les séances et la vie de la commune aux habitants.',
    responsibleDigital: false,
  },
  {
    id: 'conseil-jeunes-numerique',
    themeId: 'democratie-locale',
    name: 'Participation numérique des jeunes',
    description: 'Les jeunes de la commune débattent et portent des projets grâce à un conseil municipal des jeunes outillé en ligne.',
    responsibleDigital: false,
  },
] as const satisfies readonly ReferentialService[];
