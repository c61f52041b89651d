// Demo sheets for `npx arobase seed-demo`: actions the seed articles describe (Trélazé, Le Trait,
// Trilport), written as their agents might have. Invented wording; the facts come from the articles.

export type DemoSheet = {
  territoryCode: string;
  title: string;
  summary: string;
  description: string;
  status: 'planned' | 'in_progress' | 'done';
  startDate: string;
  serviceIds: string[];
  audiences: string[];
  responsibleDigital?: boolean;
  indicators?: { label: string; value: number; unit: string; date: string }[];
};

const TRELAZE = '49353';
const LE_TRAIT = '76709';
const TRILPORT = '77475';

export const DEMO_SHEETS: DemoSheet[] = [
  {
    territoryCode: TRELAZE,
    title: 'Ordinateurs reconditionnés pour les familles',
    summary: 'Les ordinateurs inutilisés des habitants et des entreprises sont collectés, reconditionnés et redistribués aux foyers qui en ont besoin.',
    description:
      'La ville a lancé un appel aux habitants et aux entreprises du territoire.\n\n- collecte des ordinateurs inutilisés\n- reconditionnement par un partenaire\n- redistribution à des habitants dans le besoin',
    status: 'done',
    startDate: '2022-03-01',
    serviceIds: ['collecte-ordinateurs-inutilises', 'ordinateurs-reconditionnes-familles'],
    audiences: ['inhabitants', 'families_in_need'],
    responsibleDigital: true,
    indicators: [{ label: 'Ordinateurs redistribués', value: 150, unit: 'ordinateurs', date: '2023-06-30' }],
  },
  {
    territoryCode: TRELAZE,
    title: 'Dématérialisation des demandes de congés',
    summary: 'Les agents demandent leurs congés en ligne ; la validation et le suivi des plannings se font sans papier.',
    description:
      'Le service des ressources humaines a mis en place un circuit de validation en ligne. À terme, les 220 agents de la collectivité en bénéficient : un meilleur suivi des congés et récupérations, et une visibilité sur les plannings des équipes.',
    status: 'in_progress',
    startDate: '2022-09-01',
    serviceIds: ['dematerialisation-rh'],
    audiences: ['agents'],
    indicators: [{ label: 'Agents concernés à terme', value: 220, unit: 'agents', date: '2023-12-31' }],
  },
  {
    territoryCode: TRELAZE,
    title: 'Coffre-fort numérique au CCAS',
    summary: 'Un espace de stockage sécurisé et gratuit pour conserver ses documents administratifs, proposé aux personnes accompagnées par le CCAS.',
    description:
      'Les structures qui accompagnent les personnes fragilisées aident à ouvrir le coffre-fort et à y déposer les justificatifs utiles aux démarches.',
    status: 'done',
    startDate: '2021-05-01',
    serviceIds: ['coffre-fort-numerique'],
    audiences: ['families_in_need', 'seniors'],
  },
  {
    territoryCode: TRELAZE,
    title: 'Festival numérique « Yes, we clic »',
    summary: 'Plus d’un mois d’expositions, tables rondes, spectacles, ateliers et débats sur les cultures et les pratiques numériques.',
    description:
      'Le festival invite les jeunes, les familles, les élus et les professionnels de la jeunesse à une réflexion active et participative sur les nouvelles pratiques numériques.',
    status: 'done',
    startDate: '2019-10-01',
    serviceIds: ['festival-numerique'],
    audiences: ['youth', 'inhabitants'],
  },
  {
    territoryCode: TRELAZE,
    title: 'Sensibilisation des agents et des élus aux risques cyber',
    summary: 'Des sessions régulières sur la navigation, la messagerie, les mots de passe, les réseaux sociaux et les appareils connectés.',
    description: 'Les participants se disent satisfaits et appliquent aussi à titre personnel ce qu’ils ont appris.',
    status: 'in_progress',
    startDate: '2022-01-15',
    serviceIds: ['sensibilisation-cyber-agents-elus', 'prevention-hameconnage'],
    audiences: ['agents', 'elected_officials'],
  },
  {
    territoryCode: TRELAZE,
    title: 'Écoconception des nouveaux services numériques',
    summary: 'Chaque nouveau service numérique est conçu avec une méthode d’écoconception pour limiter son impact environnemental.',
    description:
      'Allonger la durée de vie des équipements, réduire la consommation des terminaux, des réseaux et des centres de données : la méthode s’applique dès la conception.',
    status: 'in_progress',
    startDate: '2022-06-01',
    serviceIds: ['ecoconception-services-numeriques'],
    audiences: ['inhabitants'],
    responsibleDigital: true,
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Collecte des smartphones avec Ecologic',
    summary: 'Quatre boîtes de collecte de smartphones installées dans les services publics de la commune.',
    description: 'Les téléphones collectés sont reconditionnés ou recyclés par la filière Ecologic.',
    status: 'done',
    startDate: '2022-11-01',
    serviceIds: ['collecte-smartphones'],
    audiences: ['inhabitants'],
    responsibleDigital: true,
    indicators: [{ label: 'Boîtes de collecte', value: 4, unit: 'boîtes', date: '2023-01-31' }],
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Nettoyage des boîtes mails des agents',
    summary: 'Une campagne de nettoyage des messageries, avec un suivi du volume stocké.',
    description: 'Organisée lors du Digital Clean Up Day, la campagne a supprimé 30 Go de courriels inutiles.',
    status: 'done',
    startDate: '2023-03-18',
    serviceIds: ['nettoyage-donnees', 'journee-nettoyage-numerique'],
    audiences: ['agents'],
    responsibleDigital: true,
    indicators: [{ label: 'Courriels supprimés', value: 30, unit: 'Go', date: '2023-03-31' }],
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Recyclage du matériel informatique obsolète',
    summary: 'Après un tri du matériel acheté et inutilisé, le matériel obsolète est parti au recyclage.',
    description: 'Une campagne de nettoyage et de tri a précédé l’envoi au recyclage.',
    status: 'done',
    startDate: '2022-10-01',
    serviceIds: ['inventaire-tri-materiel', 'collecte-deee'],
    audiences: ['agents'],
    responsibleDigital: true,
    indicators: [{ label: 'Matériel recyclé', value: 1.2, unit: 't', date: '2022-12-31' }],
  },
  {
    territoryCode: TRILPORT,
    title: 'Vidéoprojecteurs interactifs dans toutes les classes',
    summary: 'Toutes les classes de primaire disposent de vidéoprojecteurs interactifs ; la maternelle suit selon les projets pédagogiques.',
    description: 'Le projet est mené en concertation avec la communauté éducative.',
    status: 'done',
    startDate: '2016-09-01',
    serviceIds: ['tableaux-videoprojecteurs-interactifs'],
    audiences: ['youth'],
  },
  {
    territoryCode: TRILPORT,
    title: 'Qwant Junior dans les écoles',
    summary: 'Un partenariat avec Qwant pour déployer un moteur de recherche adapté aux élèves.',
    description: 'Trilport a été l’une des premières collectivités à signer ce partenariat.',
    status: 'done',
    startDate: '2018-01-15',
    serviceIds: ['moteur-recherche-junior', 'partenariats-acteurs-numeriques'],
    audiences: ['youth'],
  },
  {
    territoryCode: TRILPORT,
    title: 'Démarches périscolaires et télépaiement 24 h sur 24',
    summary: 'Inscriptions aux services périscolaires, formalités d’urbanisme et paiement en ligne à toute heure.',
    description: 'Les habitants accèdent en ligne à diverses formalités administratives, jusqu’au télépaiement.',
    status: 'done',
    startDate: '2017-09-01',
    serviceIds: ['teleservices-periscolaire', 'paiement-en-ligne', 'teleservices-urbanisme'],
    audiences: ['inhabitants', 'families_in_need'],
  },
  {
    territoryCode: TRILPORT,
    title: 'Inclusion numérique des seniors',
    summary: 'Des expérimentations avec l’association d’aide à domicile et le CCAS pour accompagner les seniors.',
    description: 'Prochaine étape du mandat : prévenir l’exclusion numérique, à l’accueil de la mairie comme à domicile.',
    status: 'planned',
    startDate: '2024-01-01',
    serviceIds: ['inclusion-numerique-seniors', 'agents-accueil-facilitateurs'],
    audiences: ['seniors'],
  },
];
