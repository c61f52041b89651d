// First edition of arobase's referential: 4 axes, 16 themes (the label's matrix) and our own
// catalogue of digital services rendered to the population. Written by the arobase team from what
// territories actually do (see ../shared/seeds). Ids are stable slugs: never renumber, never reuse
// a retired id; later editions copy this one and rename, add, move or retire services.

export const REFERENTIAL_SEED_VERSION = '2027';

export interface ReferentialAxis {
  readonly id: string;
  readonly name: string;
}

export const AXES = [
  { id: 'democratie-services-publics', name: 'Démocratie et services publics' },
  { id: 'vivre-ensemble', name: 'Vivre ensemble' },
  { id: 'partage-connaissances', name: 'Partage des connaissances' },
  { id: 'creation-richesses', name: 'Création de richesses' },
] as const satisfies readonly ReferentialAxis[];

export type AxisId = (typeof AXES)[number]['id'];

export interface ReferentialTheme {
  readonly id: string;
  readonly axisId: AxisId;
  readonly name: string;
}

export const THEMES = [
  { id: 'identites-droits-libertes', axisId: 'democratie-services-publics', name: 'Identités, droits et libertés' },
  { id: 'vie-associative', axisId: 'democratie-services-publics', name: 'Vie associative' },
  { id: 'services-publics', axisId: 'democratie-services-publics', name: 'Services publics' },
  { id: 'democratie-locale', axisId: 'democratie-services-publics', name: 'Démocratie locale' },
  { id: 'vie-quotidienne', axisId: 'vivre-ensemble', name: 'Vie quotidienne' },
  { id: 'cohesion-sociale', axisId: 'vivre-ensemble', name: 'Cohésion sociale' },
  { id: 'solidarites', axisId: 'vivre-ensemble', name: 'Solidarités' },
  { id: 'territoire-durable', axisId: 'vivre-ensemble', name: 'Territoire durable' },
  { id: 'education', axisId: 'partage-connaissances', name: 'Éducation' },
  { id: 'mediation', axisId: 'partage-connaissances', name: 'Médiation' },
  { id: 'cooperations', axisId: 'partage-connaissances', name: 'Coopérations' },
  { id: 'culture-patrimoine', axisId: 'partage-connaissances', name: 'Culture et patrimoine' },
  { id: 'emploi', axisId: 'creation-richesses', name: 'Emploi' },
  { id: 'innovation', axisId: 'creation-richesses', name: 'Innovation' },
  { id: 'developpement-economique', axisId: 'creation-richesses', name: 'Développement économique' },
  { id: 'attractivite-territoire', axisId: 'creation-richesses', name: 'Attractivité du territoire' },
] as const satisfies readonly ReferentialTheme[];

export type ThemeId = (typeof THEMES)[number]['id'];

export interface ReferentialService {
  readonly id: string;
  readonly themeId: ThemeId;
  readonly name: string;
  /** One French sentence: what the service brings to the population. */
  readonly description: string;
  /** Matters to responsible digital (réemploi, sobriété, écoconception, collecte…). */
  readonly responsibleDigital: boolean;
}

export const SERVICES = [
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

  // — Vivre ensemble › Vie quotidienne
  {
    id: 'signalement-incidents',
    themeId: 'vie-quotidienne',
    name: 'Application de signalement des incidents et incivilités',
    description: 'Les habitants signalent en quelques clics un dépôt sauvage, une panne ou une dégradation, et suivent son traitement.',
    responsibleDigital: false,
  },
  {
    id: 'application-mobile-municipale',
    themeId: 'vie-quotidienne',
    name: 'Application mobile municipale',
    description: 'Les habitants ont sur leur smartphone l’actualité, les alertes et les services de la commune.',
    responsibleDigital: false,
  },
  {
    id: 'wifi-public',
    themeId: 'vie-quotidienne',
    name: 'Wifi public dans la commune',
    description: 'Habitants et visiteurs accèdent gratuitement à internet dans les lieux publics, de façon simple et contrôlée.',
    responsibleDigital: false,
  },
  {
    id: 'wifi-batiments-publics',
    themeId: 'vie-quotidienne',
    name: 'Wifi sécurisé dans les bâtiments municipaux',
    description: 'Usagers et agents disposent d’un accès wifi sécurisé dans les bâtiments municipaux qui en sont équipés.',
    responsibleDigital: false,
  },
  {
    id: 'video-protection',
    themeId: 'vie-quotidienne',
    name: 'Vidéoprotection de l’espace public',
    description: 'La vidéoprotection, encadrée et déclarée, sécurise les biens et les personnes sur le domaine public et peut aider les forces de l’ordre.',
    responsibleDigital: false,
  },
  {
    id: 'controle-acces-batiments',
    themeId: 'vie-quotidienne',
    name: 'Accès aux bâtiments par badge ou mobile',
    description: 'Les bâtiments municipaux s’ouvrent par badge ou smartphone, ce qui sécurise les lieux et facilite leur prêt aux associations.',
    responsibleDigital: false,
  },
  {
    id: 'alertes-population',
    themeId: 'vie-quotidienne',
    name: 'Alerte et information de la population',
    description: 'Les habitants inscrits reçoivent par SMS, courriel ou notification les alertes météo, travaux et coupures qui les concernent.',
    responsibleDigital: false,
  },
  {
    id: 'teleconsultation-medicale',
    themeId: 'vie-quotidienne',
    name: 'Téléconsultation médicale de proximité',
    description: 'Les habitants éloignés des médecins consultent à distance dans un lieu équipé et accompagné de la commune.',
    responsibleDigital: false,
  },
  {
    id: 'mobilite-information-temps-reel',
    themeId: 'vie-quotidienne',
    name: 'Information mobilité en temps réel',
    description: 'Les habitants consultent en temps réel les horaires de transport, le stationnement disponible et le transport à la demande.',
    responsibleDigital: false,
  },

  // — Vivre ensemble › Cohésion sociale
  {
    id: 'prevention-risques-numeriques-jeunes-parents',
    themeId: 'cohesion-sociale',
    name: 'Prévention des risques numériques auprès des jeunes et des parents',
    description: 'Jeunes et parents sont sensibilisés aux dangers d’internet, au cyberharcèlement et aux écrans, pour des usages plus sereins en famille.',
    responsibleDigital: false,
  },
  {
    id: 'espace-jeunesse-numerique',
    themeId: 'cohesion-sociale',
    name: 'Espace numérique jeunesse',
    description: 'Les jeunes disposent d’un lieu encadré pour créer, jouer et apprendre avec le numérique aux côtés d’animateurs.',
    responsibleDigital: false,
  },
  {
    id: 'ateliers-intergenerationnels',
    themeId: 'cohesion-sociale',
    name: 'Ateliers numériques intergénérationnels',
    description: 'Jeunes et aînés se retrouvent autour du numérique, les uns transmettant aux autres, ce qui crée du lien entre générations.',
    responsibleDigital: false,
  },
  {
    id: 'entraide-voisinage-en-ligne',
    themeId: 'cohesion-sociale',
    name: 'Plateforme d’entraide entre voisins',
    description: 'Les habitants d’un quartier s’échangent en ligne services, prêts d’objets et coups de main.',
    responsibleDigital: true,
  },
  {
    id: 'tiers-lieu-numerique',
    themeId: 'cohesion-sociale',
    name: 'Tiers-lieu numérique',
    description: 'Un lieu ouvert réunit coworking, médiation numérique, services et commerces de proximité pour recréer du lien.',
    responsibleDigital: false,
  },
  {
    id: 'jeu-video-lien-social',
    themeId: 'cohesion-sociale',
    name: 'Jeu vidéo et lien social',
    description: 'Des tournois et ateliers de jeu vidéo rassemblent publics et générations dans les équipements municipaux.',
    responsibleDigital: false,
  },

  // — Vivre ensemble › Solidarités
  {
    id: 'ordinateurs-reconditionnes-familles',
    themeId: 'solidarites',
    name: 'Dons d’ordinateurs reconditionnés aux foyers modestes',
    description: 'Des ordinateurs reconditionnés sont remis à des habitants qui n’en ont pas, pour leurs démarches, leur emploi ou la scolarité des enfants.',
    responsibleDigital: true,
  },
  {
    id: 'equipement-enfants-reussite-educative',
    themeId: 'solidarites',
    name: 'Équipement informatique des enfants suivis en réussite éducative',
    description:
      'Des enfants suivis par le Programme de réussite éducative reçoivent un ordinateur, de préférence reconditionné, pour réduire la fracture numérique.',
    responsibleDigital: true,
  },
  {
    id: 'cheques-aptic',
    themeId: 'solidarites',
    name: 'Chèques de médiation numérique',
    description: 'Des chèques gratuits, du type APTIC, donnent droit à des heures d’accompagnement au numérique chez un médiateur qualifié.',
    responsibleDigital: false,
  },
  {
    id: 'inclusion-numerique-seniors',
    themeId: 'solidarites',
    name: 'Inclusion numérique des seniors',
    description: 'Avec le CCAS et les services d’aide à domicile, les aînés sont accompagnés pour utiliser le numérique et garder le lien.',
    responsibleDigital: false,
  },
  {
    id: 'accompagnement-demarches-fragiles',
    themeId: 'solidarites',
    name: 'Accompagnement des publics fragiles dans leurs démarches en ligne',
    description: 'Les travailleurs sociaux réalisent avec les personnes fragiles leurs démarches en ligne, avec un cadre sécurisé de type Aidants Connect.',
    responsibleDigital: false,
  },
  {
    id: 'pret-materiel-numerique',
    themeId: 'solidarites',
    name: 'Prêt de matériel numérique',
    description: 'Les habitants sans équipement empruntent un ordinateur, une tablette ou une clé de connexion pour une période donnée.',
    responsibleDigital: true,
  },
  {
    id: 'teleassistance-seniors',
    themeId: 'solidarites',
    name: 'Téléassistance des personnes âgées',
    description: 'Les personnes âgées à domicile sont reliées à un service d’alerte qui intervient rapidement en cas de chute ou de malaise.',
    responsibleDigital: false,
  },

  // — Vivre ensemble › Territoire durable
  {
    id: 'suivi-energetique-batiments',
    themeId: 'territoire-durable',
    name: 'Suivi énergétique des bâtiments municipaux',
    description: 'Des capteurs suivent la consommation des bâtiments et alertent en cas de dérive, pour réduire factures et émissions.',
    responsibleDigital: true,
  },
  {
    id: 'achats-materiel-reconditionne',
    themeId: 'territoire-durable',
    name: 'Achat de matériel informatique reconditionné',
    description: 'La collectivité équipe ses agents de matériel reconditionné, ce qui réduit l’impact environnemental et le coût du parc.',
    responsibleDigital: true,
  },
  {
    id: 'reemploi-materiel-informatique',
    themeId: 'territoire-durable',
    name: 'Réemploi et réparation du matériel informatique',
    description: 'Le matériel de la collectivité vit plus longtemps grâce au changement de pièces, au nettoyage et à la remise à niveau logicielle.',
    responsibleDigital: true,
  },
  {
    id: 'inventaire-tri-materiel',
    themeId: 'territoire-durable',
    name: 'Inventaire et tri du matériel inutilisé',
    description: 'Le matériel acheté et inutilisé est recensé, trié puis réaffecté, donné ou recyclé au lieu de dormir dans les placards.',
    responsibleDigital: true,
  },
  {
    id: 'collecte-ordinateurs-inutilises',
    themeId: 'territoire-durable',
    name: 'Collecte des ordinateurs inutilisés des habitants et des entreprises',
    description: 'Habitants et entreprises donnent leurs ordinateurs inutilisés, qui sont reconditionnés pour une seconde vie sur le territoire.',
    responsibleDigital: true,
  },
  {
    id: 'collecte-deee',
    themeId: 'territoire-durable',
    name: 'Recyclage des déchets d’équipements électroniques',
    description: 'Le matériel obsolète est confié à une filière de recyclage agréée, avec un suivi des tonnages collectés.',
    responsibleDigital: true,
  },
  {
    id: 'collecte-smartphones',
    themeId: 'territoire-durable',
    name: 'Boîtes de collecte de téléphones mobiles',
    description: 'Des boîtes installées dans les lieux publics collectent les téléphones usagés des habitants pour les réemployer ou les recycler.',
    responsibleDigital: true,
  },
  {
    id: 'extinction-postes-nuit',
    themeId: 'territoire-durable',
    name: 'Extinction des équipements la nuit',
    description: 'Postes, écrans et équipements sont éteints le soir et le week-end, ce qui économise de l’énergie sans gêner le service.',
    responsibleDigital: true,
  },
  {
    id: 'impression-sobre',
    themeId: 'territoire-durable',
    name: 'Impression sobre par défaut',
    description: 'Les impressions sont réglées par défaut en noir et blanc et en recto verso, avec des polices économes en encre.',
    responsibleDigital: true,
  },
  {
    id: 'nettoyage-donnees',
    themeId: 'territoire-durable',
    name: 'Nettoyage des messageries et des données stockées',
    description: 'Les agents suppriment les courriels et fichiers inutiles, et le volume stocké est suivi dans le temps.',
    responsibleDigital: true,
  },
  {
    id: 'journee-nettoyage-numerique',
    themeId: 'territoire-durable',
    name: 'Participation au Digital Clean Up Day',
    description: 'Agents et habitants se mobilisent une journée pour trier leurs données et collecter les équipements inutilisés.',
    responsibleDigital: true,
  },
  {
    id: 'charte-numerique-responsable',
    themeId: 'territoire-durable',
    name: 'Signature d’une charte numérique responsable',
    description: 'La collectivité s’engage publiquement, par la signature d’un élu, dans une démarche de numérique responsable.',
    responsibleDigital: true,
  },
  {
    id: 'feuille-route-numerique-responsable',
    themeId: 'territoire-durable',
    name: 'Autodiagnostic et feuille de route numérique responsable',
    description: 'Un autodiagnostic mesure la maturité de la collectivité et débouche sur une feuille de route d’actions datées et suivies.',
    responsibleDigital: true,
  },
  {
    id: 'sensibilisation-numerique-responsable-agents',
    themeId: 'territoire-durable',
    name: 'Sensibilisation des agents au numérique responsable',
    description: 'Les agents apprennent les gestes sobres, intégrés à leurs outils collaboratifs et à leurs objectifs annuels.',
    responsibleDigital: true,
  },
  {
    id: 'eclairage-public-intelligent',
    themeId: 'territoire-durable',
    name: 'Éclairage public piloté',
    description: 'L’éclairage public est piloté à distance et selon la présence, ce qui réduit la consommation et la pollution lumineuse.',
    responsibleDigital: true,
  },

  // — Partage des connaissances › Éducation
  {
    id: 'tableaux-videoprojecteurs-interactifs',
    themeId: 'education',
    name: 'Tableaux et vidéoprojecteurs interactifs dans les classes',
    description: 'Chaque classe dispose d’un tableau ou d’un vidéoprojecteur interactif au service des projets pédagogiques des enseignants.',
    responsibleDigital: false,
  },
  {
    id: 'robots-programmation',
    themeId: 'education',
    name: 'Robots d’initiation à la programmation',
    description: 'Dès la maternelle, les élèves découvrent la programmation avec de petits robots comme les BeeBot.',
    responsibleDigital: false,
  },
  {
    id: 'classe-mobile-tablettes',
    themeId: 'education',
    name: 'Classe mobile de tablettes',
    description: 'Une classe mobile de tablettes et d’ardoises numériques circule entre les classes pour que chaque élève pratique le numérique.',
    responsibleDigital: false,
  },
  {
    id: 'moteur-recherche-junior',
    themeId: 'education',
    name: 'Moteur de recherche adapté aux enfants',
    description: 'Les écoles utilisent un moteur de recherche pour enfants, respectueux de leurs données, comme Qwant Junior.',
    responsibleDigital: false,
  },
  {
    id: 'parcours-educatif-numerique',
    themeId: 'education',
    name: 'Parcours éducatif numérique',
    description: 'Dans les structures d’accueil de l’enfance et de la jeunesse, un parcours construit esprit critique, créativité et identité numérique.',
    responsibleDigital: false,
  },
  {
    id: 'espace-numerique-travail',
    themeId: 'education',
    name: 'Espace numérique de travail des écoles',
    description: 'Élèves, familles et enseignants partagent devoirs, cahier de liaison et ressources dans un espace en ligne sécurisé.',
    responsibleDigital: false,
  },
  {
    id: 'connexion-ecoles',
    themeId: 'education',
    name: 'Connexion haut débit et maintenance des écoles',
    description: 'Les écoles bénéficient d’une connexion fiable et d’un parc entretenu, pour que le numérique serve vraiment en classe.',
    responsibleDigital: false,
  },
  {
    id: 'ateliers-periscolaires-numeriques',
    themeId: 'education',
    name: 'Ateliers numériques périscolaires',
    description: 'Pendant les temps périscolaires, les enfants codent, créent des vidéos ou fabriquent des objets avec des animateurs.',
    responsibleDigital: false,
  },

  // — Partage des connaissances › Médiation
  {
    id: 'ateliers-informatique-habitants',
    themeId: 'mediation',
    name: 'Ateliers d’informatique pour les habitants',
    description: 'Des ateliers réguliers aident les habitants à prendre en main ordinateur, smartphone, messagerie et démarches en ligne.',
    responsibleDigital: false,
  },
  {
    id: 'conseillers-numeriques',
    themeId: 'mediation',
    name: 'Conseillers numériques',
    description: 'Des conseillers numériques accompagnent gratuitement les habitants, individuellement ou en groupe, vers l’autonomie numérique.',
    responsibleDigital: false,
  },
  {
    id: 'espace-public-numerique',
    themeId: 'mediation',
    name: 'Espace public numérique',
    description: 'Un lieu équipé et animé offre aux habitants un accès libre à internet et un accompagnement par un médiateur.',
    responsibleDigital: false,
  },
  {
    id: 'agents-accueil-facilitateurs',
    themeId: 'mediation',
    name: 'Agents d’accueil facilitateurs numériques',
    description: 'À l’accueil de la mairie, des agents formés aident les habitants à réaliser leurs démarches dématérialisées.',
    responsibleDigital: false,
  },
  {
    id: 'mediation-itinerante',
    themeId: 'mediation',
    name: 'Médiation numérique itinérante',
    description: 'Des permanences numériques se déplacent dans les quartiers et les hameaux pour aller vers ceux qui ne viennent pas.',
    responsibleDigital: false,
  },
  {
    id: 'sensibilisation-sobriete-habitants',
    themeId: 'mediation',
    name: 'Sensibilisation des habitants à la sobriété numérique',
    description: 'Des ateliers montrent aux habitants comment prolonger la vie de leurs appareils et alléger leurs usages numériques.',
    responsibleDigital: true,
  },
  {
    id: 'formation-numerique-agents',
    themeId: 'mediation',
    name: 'Formation des agents aux outils numériques',
    description: 'Les agents sont formés aux outils numériques pour mieux servir les habitants et les accompagner à leur tour.',
    responsibleDigital: false,
  },

  // — Partage des connaissances › Coopérations
  {
    id: 'visioconference-salles',
    themeId: 'cooperations',
    name: 'Salles de réunion équipées pour la visioconférence',
    description: 'Les salles municipales permettent des réunions à distance avec partenaires et habitants, ce qui évite des déplacements.',
    responsibleDigital: true,
  },
  {
    id: 'reseau-fibre-municipal',
    themeId: 'cooperations',
    name: 'Réseau fibre entre bâtiments municipaux',
    description: 'Une fibre et un réseau privés relient mairie, écoles, médiathèque et équipements, pour des échanges fluides et sécurisés.',
    responsibleDigital: false,
  },
  {
    id: 'telephonie-ip',
    themeId: 'cooperations',
    name: 'Téléphonie sur IP',
    description: 'La téléphonie sur IP relie les services entre eux et centralise les appels des habitants.',
    responsibleDigital: false,
  },
  {
    id: 'outils-collaboratifs-agents',
    themeId: 'cooperations',
    name: 'Outils collaboratifs des agents',
    description: 'Agents et élus partagent documents, agendas et visioconférences, ce qui facilite le travail entre services et partenaires.',
    responsibleDigital: false,
  },
  {
    id: 'mutualisation-informatique',
    themeId: 'cooperations',
    name: 'Mutualisation informatique intercommunale',
    description: 'Communes et intercommunalité partagent logiciels, experts et infrastructures via un syndicat ou un service commun.',
    responsibleDigital: true,
  },
  {
    id: 'reseaux-echanges-collectivites',
    themeId: 'cooperations',
    name: 'Réseaux d’échange entre collectivités',
    description: 'La collectivité partage ses pratiques numériques avec d’autres au sein de réseaux, de coalitions ou de labels.',
    responsibleDigital: false,
  },
  {
    id: 'partenariats-acteurs-numeriques',
    themeId: 'cooperations',
    name: 'Partenariats avec des acteurs du numérique',
    description: 'Des partenariats avec des entreprises, associations et acteurs publics apportent aux habitants des solutions numériques de confiance.',
    responsibleDigital: false,
  },

  // — Partage des connaissances › Culture et patrimoine
  {
    id: 'bibliotheque-numerique',
    themeId: 'culture-patrimoine',
    name: 'Bibliothèque numérique',
    description: 'Les lecteurs empruntent en ligne livres, films, musique et formations depuis chez eux.',
    responsibleDigital: false,
  },
  {
    id: 'espace-numerique-mediatheque',
    themeId: 'culture-patrimoine',
    name: 'Espace numérique de la médiathèque',
    description: 'La médiathèque propose postes, tablettes, jeux vidéo et animations numériques à tous les publics.',
    responsibleDigital: false,
  },
  {
    id: 'musee-virtuel',
    themeId: 'culture-patrimoine',
    name: 'Musée numérique de proximité',
    description: 'Un espace de type Micro-Folie donne accès aux chefs-d’œuvre des grandes institutions culturelles au plus près des habitants.',
    responsibleDigital: false,
  },
  {
    id: 'numerisation-patrimoine',
    themeId: 'culture-patrimoine',
    name: 'Numérisation du patrimoine local',
    description: 'Archives, photos et objets du patrimoine local sont numérisés et mis en ligne pour tous.',
    responsibleDigital: false,
  },
  {
    id: 'visite-patrimoine-augmentee',
    themeId: 'culture-patrimoine',
    name: 'Visite augmentée du patrimoine',
    description: 'Des parcours avec réalité augmentée, audio ou QR codes font découvrir autrement l’histoire et le patrimoine de la commune.',
    responsibleDigital: false,
  },
  {
    id: 'festival-numerique',
    themeId: 'culture-patrimoine',
    name: 'Festival du numérique',
    description: 'Expositions, spectacles, ateliers et débats réunissent jeunes, familles et professionnels autour des cultures numériques.',
    responsibleDigital: false,
  },
  {
    id: 'billetterie-culturelle-en-ligne',
    themeId: 'culture-patrimoine',
    name: 'Billetterie culturelle en ligne',
    description: 'Les spectateurs réservent et paient en ligne leurs places pour la saison culturelle municipale.',
    responsibleDigital: false,
  },
  {
    id: 'portail-mediatheque',
    themeId: 'culture-patrimoine',
    name: 'Portail en ligne de la médiathèque',
    description: 'Les lecteurs consultent le catalogue, réservent et prolongent leurs prêts en ligne.',
    responsibleDigital: false,
  },

  // — Création de richesses › Emploi
  {
    id: 'offres-emploi-en-ligne',
    themeId: 'emploi',
    name: 'Recrutement en ligne de la collectivité',
    description: 'Les candidats consultent les offres d’emploi de la collectivité et postulent en ligne.',
    responsibleDigital: false,
  },
  {
    id: 'plateforme-emploi-local',
    themeId: 'emploi',
    name: 'Plateforme de l’emploi local',
    description: 'Offres des entreprises du territoire, stages et jobs d’été sont rassemblés en ligne pour les habitants.',
    responsibleDigital: false,
  },
  {
    id: 'ateliers-recherche-emploi-numerique',
    themeId: 'emploi',
    name: 'Ateliers numériques de recherche d’emploi',
    description: 'Les demandeurs d’emploi apprennent à faire leur CV, leur profil en ligne et leurs candidatures numériques.',
    responsibleDigital: false,
  },
  {
    id: 'formation-metiers-numeriques',
    themeId: 'emploi',
    name: 'Formation aux métiers du numérique',
    description: 'Des formations ouvrent aux habitants, notamment aux jeunes, les métiers du numérique qui recrutent.',
    responsibleDigital: false,
  },
  {
    id: 'teletravail-agents',
    themeId: 'emploi',
    name: 'Télétravail des agents',
    description: 'Les agents équipés d’ordinateurs portables peuvent télétravailler, ce qui améliore l’organisation et limite les trajets.',
    responsibleDigital: true,
  },
  {
    id: 'insertion-reconditionnement',
    themeId: 'emploi',
    name: 'Insertion professionnelle par le reconditionnement',
    description: 'Des personnes en insertion reconditionnent du matériel informatique et acquièrent un métier.',
    responsibleDigital: true,
  },

  // — Création de richesses › Innovation
  {
    id: 'ecoconception-services-numeriques',
    themeId: 'innovation',
    name: 'Écoconception des services numériques',
    description: 'Chaque nouveau service numérique est conçu pour consommer moins et fonctionner sur des équipements anciens.',
    responsibleDigital: true,
  },
  {
    id: 'site-responsable-inclusif',
    themeId: 'innovation',
    name: 'Site internet responsable et inclusif',
    description: 'Un module d’adaptation rend le site plus léger et lisible par tous, quels que soient handicap, équipement ou connexion.',
    responsibleDigital: true,
  },
  {
    id: 'strategie-numerique',
    themeId: 'innovation',
    name: 'Stratégie numérique de la collectivité',
    description: 'Une délégation d’élu et un schéma directeur donnent un cap au numérique dans tous les champs de l’action municipale.',
    responsibleDigital: false,
  },
  {
    id: 'fablab',
    themeId: 'innovation',
    name: 'Fablab',
    description: 'Un atelier partagé met imprimantes 3D, découpe laser et électronique à la disposition des habitants et des entreprises.',
    responsibleDigital: false,
  },
  {
    id: 'incubateur-numerique',
    themeId: 'innovation',
    name: 'Incubateur de projets numériques',
    description: 'Des porteurs de projets numériques sont hébergés et accompagnés pour créer leur activité sur le territoire.',
    responsibleDigital: false,
  },
  {
    id: 'territoire-connecte',
    themeId: 'innovation',
    name: 'Territoire connecté',
    description: 'Des capteurs et une plateforme de données aident la commune à mieux gérer ses équipements et ses ressources.',
    responsibleDigital: false,
  },
  {
    id: 'laboratoire-innovation-publique',
    themeId: 'innovation',
    name: 'Laboratoire d’innovation publique',
    description: 'Agents, élus et usagers conçoivent et testent ensemble de nouveaux services publics avant de les généraliser.',
    responsibleDigital: false,
  },
  {
    id: 'systeme-information-geographique',
    themeId: 'innovation',
    name: 'Système d’information géographique',
    description: 'Cartes et données géographiques partagées aident à gérer réseaux, voirie et urbanisme, et informent les habitants.',
    responsibleDigital: false,
  },

  // — Création de richesses › Développement économique
  {
    id: 'plateforme-commerce-local',
    themeId: 'developpement-economique',
    name: 'Plateforme de commerce local en ligne',
    description: 'Les commerçants du territoire vendent en ligne avec retrait en boutique ou livraison locale.',
    responsibleDigital: false,
  },
  {
    id: 'accompagnement-numerique-commercants',
    themeId: 'developpement-economique',
    name: 'Accompagnement numérique des commerçants et artisans',
    description: 'Commerçants et artisans sont formés et conseillés pour être visibles et vendre en ligne.',
    responsibleDigital: false,
  },
  {
    id: 'annuaire-entreprises-local',
    themeId: 'developpement-economique',
    name: 'Annuaire en ligne des entreprises et commerces',
    description: 'Habitants et visiteurs trouvent en ligne les commerces, artisans et entreprises du territoire.',
    responsibleDigital: false,
  },
  {
    id: 'marches-publics-dematerialises',
    themeId: 'developpement-economique',
    name: 'Marchés publics dématérialisés',
    description: 'Les entreprises, y compris locales, répondent en ligne aux marchés publics de la collectivité.',
    responsibleDigital: false,
  },
  {
    id: 'achats-numeriques-responsables',
    themeId: 'developpement-economique',
    name: 'Achats numériques responsables',
    description: 'Les marchés numériques intègrent des critères sociaux et environnementaux : durabilité, réparabilité, reconditionné.',
    responsibleDigital: true,
  },
  {
    id: 'deploiement-tres-haut-debit',
    themeId: 'developpement-economique',
    name: 'Déploiement du très haut débit',
    description: 'La collectivité facilite l’arrivée de la fibre et de la couverture mobile pour les habitants et les entreprises.',
    responsibleDigital: false,
  },
  {
    id: 'circuits-courts-en-ligne',
    themeId: 'developpement-economique',
    name: 'Vente en ligne des circuits courts',
    description: 'Les producteurs locaux proposent leurs produits en ligne aux habitants, qui les retirent près de chez eux.',
    responsibleDigital: true,
  },

  // — Création de richesses › Attractivité du territoire
  {
    id: 'espace-coworking',
    themeId: 'attractivite-territoire',
    name: 'Espace de coworking',
    description: 'Travailleurs indépendants et salariés en télétravail disposent d’un espace de travail partagé et connecté dans la commune.',
    responsibleDigital: false,
  },
  {
    id: 'application-tourisme',
    themeId: 'attractivite-territoire',
    name: 'Application touristique',
    description: 'Les visiteurs découvrent sur leur smartphone les circuits, sites, hébergements et restaurants du territoire.',
    responsibleDigital: false,
  },
  {
    id: 'marque-territoriale-numerique',
    themeId: 'attractivite-territoire',
    name: 'Promotion numérique du territoire',
    description: 'Sur le web et les réseaux sociaux, la commune met en valeur ses commerces, entreprises et associations.',
    responsibleDigital: false,
  },
  {
    id: 'agenda-evenements-en-ligne',
    themeId: 'attractivite-territoire',
    name: 'Agenda des sorties en ligne',
    description: 'Habitants et visiteurs consultent en ligne toutes les sorties, fêtes et événements du territoire.',
    responsibleDigital: false,
  },
  {
    id: 'accueil-nouveaux-habitants',
    themeId: 'attractivite-territoire',
    name: 'Accueil numérique des nouveaux habitants',
    description: 'Les nouveaux arrivants trouvent en ligne toutes les informations pour s’installer : écoles, services, associations.',
    responsibleDigital: false,
  },
  {
    id: 'panneaux-information-numeriques',
    themeId: 'attractivite-territoire',
    name: 'Panneaux d’information numériques',
    description: 'Des panneaux numériques affichent l’actualité et les événements de la commune, avec un usage sobre de l’énergie.',
    responsibleDigital: false,
  },
  {
    id: 'valorisation-label-numerique',
    themeId: 'attractivite-territoire',
    name: 'Valorisation des labels numériques du territoire',
    description: 'La commune fait connaître sa politique numérique et ses labels, ce qui attire habitants, entreprises et partenaires.',
    responsibleDigital: false,
  },
] as const satisfies readonly ReferentialService[];

export type ServiceId = (typeof SERVICES)[number]['id'];
