// Demo sheets for `npx arobase seed-demo`: actions the seed articles describe (Trélazé, Le Trait,
// Trilport, Aunis Atlantique), written as their agents might have. Invented wording and contacts
// (addresses under example.org); the facts, partners and figures come from the articles.
import type { DemoActorKey } from './demo-actors.data.ts';
import type { DemoDrawing } from './demo-photos.ts';

export type DemoSheet = {
  territoryCode: string;
  title: string;
  summary: string;
  description: string;
  status: 'planned' | 'in_progress' | 'done';
  startDate: string;
  endDate?: string;
  serviceIds: string[];
  audiences: string[];
  responsibleDigital?: boolean;
  indicators?: { label: string; value: number; unit: string; date: string }[];
  /** Partners, by their key in DEMO_ACTORS: found or created with the sheet. */
  actors?: DemoActorKey[];
  links?: { label: string; url: string }[];
  contactName?: string;
  contactEmail?: string;
  /** Drawn at seed time (demo-photos.ts) and stored as an upload, with their text alternative. */
  photos?: { drawing: DemoDrawing; alt: string }[];
};

const TRELAZE = '49353';
const LE_TRAIT = '76709';
const TRILPORT = '77475';
const AUNIS_ATLANTIQUE = '200041499';

const trelaze = { contactName: 'Service numérique, mairie de Trélazé', contactEmail: 'numerique@trelaze.example.org' };
const leTrait = { contactName: 'Responsable de l’attractivité et de la transition écologique', contactEmail: 'transition@le-trait.example.org' };
const trilport = { contactName: 'Cabinet du maire, délégation au numérique', contactEmail: 'numerique@trilport.example.org' };
const villesInternet = { label: 'Le label Territoires, Villes et Villages Internet', url: 'https://www.villes-internet.net' };

export const DEMO_SHEETS: DemoSheet[] = [
  {
    territoryCode: TRELAZE,
    title: 'Ordinateurs reconditionnés pour les familles',
    summary: 'Les ordinateurs inutilisés des habitants et des entreprises sont collectés, reconditionnés et redistribués aux foyers qui en ont besoin.',
    description:
      'La ville a lancé un appel aux habitants et aux entreprises du territoire pour récupérer les ordinateurs qui dorment dans les placards.\n\n' +
      '- **collecte** des ordinateurs inutilisés, en mairie et dans les entreprises partenaires ;\n' +
      '- **reconditionnement** : effacement sécurisé des données, remplacement des pièces usées, installation des logiciels ;\n' +
      '- **redistribution** à des habitants dans le besoin, repérés avec le CCAS.\n\n' +
      'Cette action a valu à Trélazé une « arobase verte », qui distingue les collectivités attentives à l’impact du numérique : la première des Pays de la Loire.',
    status: 'done',
    startDate: '2022-03-01',
    endDate: '2023-06-30',
    serviceIds: ['collecte-ordinateurs-inutilises', 'ordinateurs-reconditionnes-familles'],
    audiences: ['inhabitants', 'families_in_need', 'businesses'],
    responsibleDigital: true,
    indicators: [{ label: 'Ordinateurs redistribués', value: 150, unit: 'ordinateurs', date: '2023-06-30' }],
    actors: ['ccasTrelaze'],
    links: [villesInternet],
    ...trelaze,
    photos: [{ drawing: 'computers', alt: 'Illustration : trois ordinateurs portables reconditionnés sur une table, prêts à être redistribués.' }],
  },
  {
    territoryCode: TRELAZE,
    title: 'Un parc informatique reconditionné pour les agents',
    summary: 'Depuis fin 2021, tout le parc des agents est passé au PC portable, en privilégiant le matériel reconditionné.',
    description:
      'Les confinements et le développement du télétravail ont montré le besoin de postes mobiles. La ville a renouvelé tout son parc informatique en ordinateurs portables et a choisi, autant que possible, du matériel reconditionné : un achat moins cher et une démarche numérique éco-responsable.',
    status: 'done',
    startDate: '2021-09-01',
    endDate: '2021-12-31',
    serviceIds: ['achats-materiel-reconditionne', 'teletravail-agents'],
    audiences: ['agents'],
    responsibleDigital: true,
    ...trelaze,
  },
  {
    territoryCode: TRELAZE,
    title: 'Dématérialisation des demandes de congés',
    summary: 'Les agents demandent leurs congés en ligne ; la validation et le suivi des plannings se font sans papier.',
    description:
      'Le service des ressources humaines a mis en place un circuit de validation en ligne.\n\n' +
      'À terme, les 220 agents de la collectivité en bénéficient : un meilleur suivi des congés et récupérations, un gain de temps pour tous, et une visibilité sur les plannings des différents services et équipes.',
    status: 'in_progress',
    startDate: '2022-09-01',
    serviceIds: ['dematerialisation-rh'],
    audiences: ['agents'],
    indicators: [{ label: 'Agents concernés à terme', value: 220, unit: 'agents', date: '2023-12-31' }],
    contactName: 'Service des ressources humaines, mairie de Trélazé',
    contactEmail: 'rh@trelaze.example.org',
  },
  {
    territoryCode: TRELAZE,
    title: 'Coffre-fort numérique au CCAS',
    summary: 'Un espace de stockage sécurisé et gratuit pour conserver ses documents administratifs, proposé aux personnes accompagnées par le CCAS.',
    description:
      'Perdre un justificatif, c’est parfois perdre un droit. Les structures qui accompagnent les personnes fragilisées aident à ouvrir le coffre-fort et à y déposer les pièces utiles aux démarches : identité, domicile, ressources. Les documents restent accessibles depuis n’importe quel ordinateur ou téléphone.',
    status: 'done',
    startDate: '2021-05-01',
    serviceIds: ['coffre-fort-numerique', 'accompagnement-demarches-fragiles'],
    audiences: ['families_in_need', 'seniors'],
    actors: ['ccasTrelaze'],
    contactName: 'CCAS de Trélazé',
    contactEmail: 'ccas@trelaze.example.org',
  },
  {
    territoryCode: TRELAZE,
    title: 'Festival numérique « Yes, we clic »',
    summary: 'Plus d’un mois d’expositions, tables rondes, spectacles, ateliers et débats sur les cultures et les pratiques numériques.',
    description:
      'Le festival invite les jeunes, les familles, les élus et les professionnels de la jeunesse à une réflexion active et participative sur les nouvelles pratiques numériques.\n\n' +
      'Au programme : expositions, tables rondes, spectacles, ateliers de pratique et débats. C’est le seul festival consacré au numérique dans le Maine-et-Loire.',
    status: 'done',
    startDate: '2019-10-01',
    endDate: '2019-11-15',
    serviceIds: ['festival-numerique', 'prevention-risques-numeriques-jeunes-parents'],
    audiences: ['youth', 'inhabitants', 'families_in_need'],
    indicators: [{ label: 'Durée du festival', value: 6, unit: 'semaines', date: '2019-11-15' }],
    ...trelaze,
    photos: [{ drawing: 'festival', alt: 'Illustration : une scène éclairée avec un grand écran affichant une arobase, devant le public du festival.' }],
  },
  {
    territoryCode: TRELAZE,
    title: 'Sensibilisation des agents et des élus aux risques cyber',
    summary: 'Des sessions régulières sur la navigation, la messagerie, les mots de passe, les réseaux sociaux et les appareils connectés.',
    description:
      'Chaque session présente les bonnes pratiques : navigation sur Internet, messagerie et hameçonnage, politique de mots de passe, réseaux sociaux, appareils connectés.\n\n' +
      'Les participants se disent satisfaits et appliquent aussi à titre personnel ce qu’ils ont appris.',
    status: 'in_progress',
    startDate: '2022-01-15',
    serviceIds: ['sensibilisation-cyber-agents-elus', 'prevention-hameconnage'],
    audiences: ['agents', 'elected_officials'],
    links: [{ label: 'Cybermalveillance.gouv.fr : ressources de sensibilisation', url: 'https://www.cybermalveillance.gouv.fr' }],
    ...trelaze,
  },
  {
    territoryCode: TRELAZE,
    title: 'Écoconception des nouveaux services numériques',
    summary: 'Chaque nouveau service numérique est conçu avec une méthode d’écoconception pour limiter son impact environnemental.',
    description:
      'Allonger la durée de vie des équipements, réduire la consommation des terminaux, des réseaux et des centres de données : la méthode s’applique dès la conception de chaque service.\n\n' +
      'Prochaine étape : un site internet responsable et inclusif, avec un module d’accessibilité tel que celui que propose Lisio.',
    status: 'in_progress',
    startDate: '2022-06-01',
    serviceIds: ['ecoconception-services-numeriques', 'site-responsable-inclusif'],
    audiences: ['inhabitants'],
    responsibleDigital: true,
    actors: ['lisio'],
    links: [{ label: 'Référentiel général d’écoconception de services numériques', url: 'https://ecoresponsable.numerique.gouv.fr' }],
    ...trelaze,
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Collecte des smartphones avec Ecologic',
    summary: 'Quatre boîtes de collecte de smartphones installées dans les services publics de la commune.',
    description:
      'Les boîtes sont placées là où les habitants passent : mairie, médiathèque, services publics. Les téléphones collectés sont reconditionnés ou recyclés par la filière Ecologic.\n\n' +
      'Trois des quatre boîtes ont déjà été remplies.',
    status: 'done',
    startDate: '2022-11-01',
    serviceIds: ['collecte-smartphones'],
    audiences: ['inhabitants'],
    responsibleDigital: true,
    indicators: [
      { label: 'Boîtes de collecte installées', value: 4, unit: 'boîtes', date: '2023-01-31' },
      { label: 'Boîtes remplies', value: 3, unit: 'boîtes', date: '2023-06-30' },
    ],
    actors: ['ecologic'],
    links: [{ label: 'Ecologic, éco-organisme des équipements électriques et électroniques', url: 'https://www.ecologic-france.com' }],
    ...leTrait,
    photos: [{ drawing: 'smartphones', alt: 'Illustration : des smartphones usagés tombent dans une boîte de collecte verte.' }],
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Nettoyage des boîtes mails des agents',
    summary: 'Une campagne de nettoyage des messageries, avec un suivi du volume stocké.',
    description:
      'Organisée lors du Digital Clean Up Day, la première participation de la commune, la campagne a supprimé 30 Go de courriels inutiles.\n\n' +
      'Elle s’accompagne d’un partage des bonnes pratiques des outils collaboratifs, et le volume des messageries est suivi depuis pour rester dans une bonne dynamique.',
    status: 'done',
    startDate: '2023-03-18',
    endDate: '2023-03-31',
    serviceIds: ['nettoyage-donnees', 'journee-nettoyage-numerique'],
    audiences: ['agents'],
    responsibleDigital: true,
    indicators: [{ label: 'Courriels supprimés', value: 30, unit: 'Go', date: '2023-03-31' }],
    ...leTrait,
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Recyclage du matériel informatique obsolète',
    summary: 'Après un tri du matériel acheté et inutilisé, le matériel obsolète est parti au recyclage.',
    description:
      'Une campagne de nettoyage et de tri a précédé l’envoi au recyclage. La commune compte 150 agents et environ 150 postes informatiques, dont certains à la disposition des usagers.',
    status: 'done',
    startDate: '2022-10-01',
    endDate: '2022-12-31',
    serviceIds: ['inventaire-tri-materiel', 'collecte-deee'],
    audiences: ['agents'],
    responsibleDigital: true,
    indicators: [{ label: 'Matériel recyclé', value: 1.2, unit: 't', date: '2022-12-31' }],
    ...leTrait,
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Des postes de travail plus sobres',
    summary: 'Extinction de tous les postes le soir, impressions en noir et recto verso par défaut, polices économes en encre.',
    description:
      'Des gains rapides repérés par l’autodiagnostic numérique responsable :\n\n' +
      '- consigne d’extinction de tous les postes le soir ;\n' +
      '- impression par défaut en noir et en recto verso ;\n' +
      '- polices peu gourmandes en encre sur tous les postes ;\n' +
      '- bonnes pratiques intégrées aux fiches d’évaluation individuelle.',
    status: 'in_progress',
    startDate: '2023-04-01',
    serviceIds: ['extinction-postes-nuit', 'impression-sobre', 'sensibilisation-numerique-responsable-agents'],
    audiences: ['agents'],
    responsibleDigital: true,
    ...leTrait,
  },
  {
    territoryCode: LE_TRAIT,
    title: 'Charte et feuille de route numérique responsable',
    summary: 'La commune signe la charte numérique responsable et écrit sa feuille de route, dans la continuité de sa démarche de transition écologique.',
    description:
      'La démarche prolonge le programme Territoire engagé transition écologique de l’ADEME. Le principal frein identifié : convaincre les agents de l’importance de la démarche.',
    status: 'planned',
    startDate: '2023-06-26',
    serviceIds: ['charte-numerique-responsable', 'feuille-route-numerique-responsable'],
    audiences: ['agents', 'elected_officials'],
    responsibleDigital: true,
    actors: ['ademe', 'inr'],
    links: [
      { label: 'Programme Territoire engagé transition écologique (ADEME)', url: 'https://territoireengagetransitionecologique.ademe.fr' },
      { label: 'Charte numérique responsable (Institut du Numérique Responsable)', url: 'https://institutnr.org' },
    ],
    ...leTrait,
  },
  {
    territoryCode: TRILPORT,
    title: 'Vidéoprojecteurs interactifs dans toutes les classes',
    summary: 'Toutes les classes de primaire disposent de vidéoprojecteurs interactifs ; la maternelle suit selon les projets pédagogiques.',
    description:
      'Le projet est mené en concertation avec la communauté éducative : permettre à tous les jeunes de la commune d’accéder aux ressources numériques les plus innovantes dans le cadre de leur scolarité.',
    status: 'done',
    startDate: '2016-09-01',
    endDate: '2019-06-30',
    serviceIds: ['tableaux-videoprojecteurs-interactifs'],
    audiences: ['youth'],
    ...trilport,
    photos: [{ drawing: 'classroom', alt: 'Illustration : un tableau interactif au mur d’une salle de classe, devant trois rangées de tables.' }],
  },
  {
    territoryCode: TRILPORT,
    title: 'Qwant Junior dans les écoles',
    summary: 'Un partenariat avec Qwant pour déployer un moteur de recherche adapté aux élèves.',
    description:
      'Trilport a été l’une des premières collectivités à proposer et signer ce partenariat avec la société française Qwant, pour le plus grand bonheur des équipes éducatives et des élèves. Il porte la vision d’un internet citoyen et responsable.',
    status: 'done',
    startDate: '2018-01-15',
    serviceIds: ['moteur-recherche-junior', 'partenariats-acteurs-numeriques'],
    audiences: ['youth'],
    actors: ['qwant'],
    links: [{ label: 'Qwant Junior', url: 'https://www.qwantjunior.com' }],
    ...trilport,
  },
  {
    territoryCode: TRILPORT,
    title: 'Démarches périscolaires et télépaiement 24 h sur 24',
    summary: 'Inscriptions aux services périscolaires, formalités d’urbanisme et paiement en ligne à toute heure.',
    description:
      'Les Trilportais accèdent en ligne, 24 h sur 24, à diverses formalités administratives : de l’inscription aux services périscolaires jusqu’au télépaiement, en passant par l’urbanisme.',
    status: 'done',
    startDate: '2017-09-01',
    serviceIds: ['teleservices-periscolaire', 'paiement-en-ligne', 'teleservices-urbanisme'],
    audiences: ['inhabitants', 'families_in_need'],
    ...trilport,
  },
  {
    territoryCode: TRILPORT,
    title: 'Un conseil municipal dématérialisé et une chaîne vidéo',
    summary:
      'Le conseil municipal se prépare et se tient sans papier ; la commune communique aussi par son site, les réseaux sociaux, une application et une chaîne vidéo.',
    description:
      'La dématérialisation va de l’amont à l’aval : convocations, documents, délibérations. Pour informer les habitants : site internet, réseaux sociaux, application pour smartphone et, depuis peu, une chaîne YouTube.',
    status: 'done',
    startDate: '2018-09-01',
    serviceIds: ['dematerialisation-conseil-municipal', 'chaine-video-municipale', 'reseaux-sociaux-municipaux'],
    audiences: ['inhabitants', 'elected_officials'],
    ...trilport,
  },
  {
    territoryCode: TRILPORT,
    title: 'Inclusion numérique des seniors',
    summary: 'Des expérimentations avec l’association d’aide à domicile et le CCAS pour accompagner les seniors.',
    description:
      'Prochaine étape du mandat : prévenir l’exclusion numérique. Des expérimentations seront menées auprès de différents publics, dont les seniors, à domicile avec l’association d’aide à domicile et avec le CCAS.\n\n' +
      'À l’accueil de la mairie, les agents deviennent des facilitateurs, parfois des médiateurs, pour les démarches administratives.',
    status: 'planned',
    startDate: '2024-01-01',
    serviceIds: ['inclusion-numerique-seniors', 'agents-accueil-facilitateurs'],
    audiences: ['seniors'],
    actors: ['aideDomicileTrilport', 'ccasTrilport'],
    ...trilport,
  },
  {
    territoryCode: AUNIS_ATLANTIQUE,
    title: 'Conseillers numériques et chèques APTIC',
    summary:
      'Deux conseillers numériques recrutés par la communauté de communes renforcent l’accompagnement des habitants, avec les chèques APTIC des communes.',
    description:
      'Dans les communes, les chèques services gratuits du réseau APTIC accompagnent jeunes et moins jeunes dans la pratique du numérique. La communauté de communes a recruté deux conseillers numériques pour renforcer le dispositif.',
    status: 'in_progress',
    startDate: '2021-06-01',
    serviceIds: ['conseillers-numeriques', 'cheques-aptic'],
    audiences: ['inhabitants', 'seniors', 'youth'],
    indicators: [{ label: 'Conseillers numériques recrutés', value: 2, unit: 'conseillers', date: '2021-12-31' }],
    actors: ['aptic'],
    links: [
      { label: 'Le réseau APTIC', url: 'https://www.aptic.fr' },
      { label: 'Conseillers numériques France Services', url: 'https://www.conseiller-numerique.gouv.fr' },
    ],
    contactName: 'Service inclusion numérique, communauté de communes',
    contactEmail: 'inclusion-numerique@aunis-atlantique.example.org',
  },
  {
    territoryCode: AUNIS_ATLANTIQUE,
    title: 'Territoire connecté : des bâtiments communaux en réseau',
    summary: 'Fibre et réseau privé entre les bâtiments municipaux, téléphonie sur IP, wifi, contrôle d’accès et suivi de la consommation énergétique.',
    description:
      'Un projet de « territoire connecté » à l’échelle d’une commune rurale, mené avec Soluris, le syndicat informatique de la Charente-Maritime, et Sensing Vision :\n\n' +
      '- une architecture sécurisée dans le nuage ;\n' +
      '- l’interconnexion en fibre de l’école, de la médiathèque, du centre de loisirs et des salles des fêtes ;\n' +
      '- la téléphonie sur IP et le wifi dans les bâtiments administratifs ;\n' +
      '- l’ouverture des bâtiments par mobile ou carte ;\n' +
      '- le suivi de la consommation énergétique, avec des alertes.',
    status: 'in_progress',
    startDate: '2021-01-01',
    serviceIds: ['territoire-connecte', 'reseau-fibre-municipal', 'telephonie-ip', 'suivi-energetique-batiments'],
    audiences: ['agents', 'inhabitants'],
    actors: ['soluris', 'sensingVision'],
    links: [{ label: 'Soluris, syndicat informatique de la Charente-Maritime', url: 'https://www.soluris.fr' }],
    contactName: 'Service informatique mutualisé',
    contactEmail: 'informatique@aunis-atlantique.example.org',
    photos: [{ drawing: 'network', alt: 'Illustration : trois bâtiments communaux reliés par une fibre et une antenne wifi.' }],
  },
];
