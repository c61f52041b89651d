// The French vocabulary `npm run bench` builds its initiatives from, and the queries it asks.
// Words of real sheets (seeds, the referential): titles combine an action, an object and sometimes
// a place or public; summaries and descriptions pick sentences of the same world.

export const ACTIONS = [
  'Déploiement', 'Mise en place', 'Création', 'Lancement', 'Dématérialisation', 'Modernisation', 'Généralisation',
  'Extension', 'Refonte', 'Ouverture', 'Installation', 'Accompagnement', 'Formation', 'Sensibilisation', 'Expérimentation',
  'Mutualisation', 'Rénovation', 'Animation',
];

export const OBJECTS = [
  'des demandes de congés', "d'ordinateurs reconditionnés", 'de la cybersécurité', 'du wifi public', 'de la fibre optique',
  "de l'école numérique", "d'un tiers-lieu", "d'un conseiller numérique", "de l'e-administration", 'du paiement en ligne',
  'de la prise de rendez-vous en ligne', "d'une application de signalement", 'de la retransmission du conseil municipal',
  "d'un portail des associations", 'de robots de codage', "d'un coffre-fort numérique", "d'une plateforme de participation citoyenne",
  "d'un espace public numérique", "de l'éclairage public intelligent", 'du suivi énergétique des bâtiments', "d'un fablab",
  "d'ateliers d'inclusion numérique", 'de tableaux numériques interactifs', "d'un site internet accessible", 'des données ouvertes',
  'du télétravail des agents', 'de la collecte des smartphones', "d'une messagerie sobre", 'de la gestion électronique des documents',
  "d'un guichet unique en ligne", "d'une médiathèque numérique", "d'un portail famille", 'de la billetterie en ligne',
  "d'une carte interactive du patrimoine", 'de la prévention du hameçonnage', 'des logiciels libres', "d'un budget participatif en ligne",
  'de la vidéoprotection', "d'une newsletter municipale", 'des tablettes pour les résidents', 'du réemploi du matériel informatique',
];

export const COMPLEMENTS = [
  '', '', '', ' pour les seniors', ' pour les familles', ' à la médiathèque', ' en mairie', ' dans les écoles', ' avec les associations',
  ' pour les agents', ' au centre social', ' dans les quartiers', ' pour les commerçants', ' pour les jeunes', " à l'EHPAD",
  ' dans les villages', ' au collège',
];

export const SUMMARIES = [
  'Les habitants font leurs démarches en ligne sans se déplacer en mairie.',
  'Des ordinateurs remis à neuf sont donnés aux foyers modestes avec une association.',
  'Un conseiller numérique accompagne les personnes éloignées du numérique.',
  'Les agents demandent leurs congés et leurs formations en ligne.',
  'Le wifi public gratuit couvre la place du marché et la médiathèque.',
  'Les élèves apprennent à programmer des robots de codage en classe.',
  'Un audit des postes et des sauvegardes, puis un plan de correction.',
  'Les familles paient la cantine et le périscolaire en ligne.',
  'Les conseils municipaux sont retransmis en direct et rediffusés.',
  'Un tiers-lieu accueille télétravailleurs, associations et ateliers.',
  'Les habitants signalent un problème de voirie depuis leur téléphone.',
  'La consommation énergétique des bâtiments publics est suivie chaque jour.',
  'Des ateliers hebdomadaires initient les seniors à la tablette.',
  'La fibre optique dessert désormais les hameaux et les zones d’activité.',
  'Les associations publient leurs activités sur un portail commun.',
];

export const SENTENCES = [
  'Le projet a été porté par le service informatique avec le soutien des élus.',
  'Une réunion publique a présenté la démarche aux habitants.',
  'Les agents ont été formés en deux demi-journées.',
  'Le matériel informatique réformé est confié à une entreprise d’insertion pour le reconditionnement.',
  'La collectivité a choisi des logiciels libres et des formats ouverts.',
  'Le coût a été partagé avec l’intercommunalité.',
  'Un questionnaire de satisfaction a recueilli plus de deux cents réponses.',
  'Les démarches dématérialisées représentent désormais la moitié des demandes.',
  'La médiathèque prête aussi des tablettes et des liseuses.',
  'Un guide pratique a été distribué dans les boîtes aux lettres.',
  'Les écoles ont été équipées de vidéoprojecteurs et de classes mobiles.',
  'Le conseil municipal des jeunes a participé à la conception.',
  'La cybersécurité du réseau a été renforcée par une double authentification.',
  'Les données sont publiées en open data sur le portail national.',
  'Les permanences du conseiller numérique ont lieu chaque mardi en mairie.',
  'La sobriété numérique guide le choix des équipements.',
  'Le wifi public respecte les recommandations sur les ondes près des écoles.',
  'Une convention lie la commune au département pour le très haut débit.',
  'Les seniors du club informatique animent des ateliers d’entraide.',
  'Le paiement en ligne évite les déplacements et les chèques.',
  'Les résultats sont suivis par un comité de pilotage chaque trimestre.',
  'La démarche sera étendue aux communes voisines l’an prochain.',
];

/** Words few sheets hold (about one in five hundred each): the "rare word" queries. */
export const RARE_SENTENCES = [
  'Un hackathon a réuni développeurs et habitants pendant un week-end.',
  'Les documents existent aussi en braille et en facile à lire et à comprendre.',
  'Des capteurs LoRaWAN mesurent la qualité de l’air des écoles.',
  'Un drone a cartographié les toitures pour le cadastre solaire.',
  'Une imprimante 3D fabrique des pièces de rechange pour les habitants.',
];

export const ACTOR_NAMES = [
  'Emmaüs Connect', 'La Poste', 'Orange', 'Ecologic', 'Ateliers du Bocage', 'Banque des Territoires', 'Mission Société Numérique',
  'ANSSI', 'Les Petits Débrouillards', 'Simplon', 'WeTechCare', 'Déclic', 'Open Data France', 'Adullact', 'Cybermalveillance.gouv.fr',
];

/** What visitors type (kinds of the benchmark's query mix). */
export const QUERIES = {
  common: ['numérique', 'ligne', 'habitants', 'ordinateurs', 'wifi', 'écoles', 'agents', 'formation'],
  twoWords: ['paiement ligne', 'ordinateurs reconditionnés', 'wifi public', 'école numérique', 'conseiller numérique', 'tiers lieu', 'fibre optique', 'demandes congés', 'données ouvertes', 'robots codage'],
  rare: ['hackathon', 'braille', 'lorawan', 'drone', 'imprimante'],
  typo: ['cybersecrite', 'ordinatuers', 'mediatheuqe', 'hamconnage', 'retransmision', 'tablettte', 'reconditonnement', 'participaton'],
};
