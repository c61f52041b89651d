import { nrThemeName as nameOf } from './nr-themes.rules.ts';

/** The diagnostic's questions of the themes « réseaux, données et messagerie », « usages » and « écoconception » (nr-model.data.ts assembles and checks the model). */
export const SERVICES_THEMES = [
  {
    id: 'reseaux-donnees',
    name: nameOf('reseaux-donnees'),
    questions: [
      {
        id: 'reseaux-donnees.messagerie',
        text: 'Les boîtes aux lettres électroniques sont-elles nettoyées et leur volume suivi ?',
        levels: [
          'Aucune action sur la messagerie.',
          'Des conseils de nettoyage ont été diffusés.',
          'Une campagne de nettoyage a eu lieu et le volume total de la messagerie est suivi.',
          'Des quotas et un archivage sont en place ; le volume est suivi au fil des mois et reste maîtrisé.',
        ],
      },
      {
        id: 'reseaux-donnees.stockage',
        text: 'Le stockage des données (serveurs, partages, sauvegardes) est-il maîtrisé ?',
        levels: [
          'Les données s’accumulent sans règle.',
          'Des nettoyages occasionnels.',
          'Des règles de conservation et des durées d’archivage sont définies par type de document.',
          'Les règles sont appliquées, les doublons supprimés et le volume stocké suit un objectif.',
        ],
      },
      {
        id: 'reseaux-donnees.pieces-jointes',
        text: 'Les agents partagent-ils des liens plutôt que des pièces jointes lourdes ?',
        levels: [
          'Les pièces jointes lourdes circulent largement.',
          'Certains services utilisent des liens de partage.',
          'Un espace de partage commun est proposé et son usage recommandé à tous.',
          'Le partage par lien est la règle ; la taille des pièces jointes est limitée.',
        ],
      },
      {
        id: 'reseaux-donnees.extinction',
        text: 'Les équipements de réseau et d’impression sont-ils éteints ou mis en veille hors des heures d’ouverture ?',
        levels: [
          'Tout reste allumé en permanence.',
          'Quelques équipements sont éteints manuellement.',
          'Une extinction ou une veille programmée couvre imprimantes et équipements non indispensables.',
          'La programmation couvre tous les bâtiments et la consommation électrique évitée est estimée.',
        ],
      },
      {
        id: 'reseaux-donnees.hebergement',
        text: 'L’hébergement des services et des données tient-il compte de son impact (mutualisation, centre de données efficace) ?',
        levels: [
          'Le sujet n’est pas pris en compte.',
          'Des serveurs locaux anciens, sans réflexion sur leur efficacité.',
          'Hébergement mutualisé ou centre de données choisi notamment pour son efficacité énergétique.',
          'L’impact de l’hébergement est mesuré et les services inutilisés sont régulièrement retirés.',
        ],
      },
    ],
  },
  {
    id: 'usages',
    name: nameOf('usages'),
    questions: [
      {
        id: 'usages.extinction-postes',
        text: 'Les postes de travail sont-ils éteints le soir et le week-end ?',
        levels: [
          'Les postes restent allumés.',
          'Une consigne existe, peu suivie.',
          'Une consigne d’extinction est diffusée et rappelée ; la mise en veille est paramétrée.',
          'Une extinction automatique est programmée et la part de postes éteints la nuit est mesurée.',
        ],
      },
      {
        id: 'usages.impression',
        text: 'L’impression est-elle paramétrée par défaut en noir et blanc et en recto verso ?',
        levels: [
          'Aucun paramétrage : couleur et recto simple par défaut.',
          'Paramétrage sur une partie des postes ou des copieurs.',
          'Noir et blanc et recto verso par défaut sur tous les postes et copieurs.',
          'Le nombre de pages imprimées est suivi par service et baisse d’une année sur l’autre.',
        ],
      },
      {
        id: 'usages.polices',
        text: 'Des polices de caractères économes en encre sont-elles utilisées par défaut ?',
        levels: [
          'Non.',
          'Recommandées, sans paramétrage.',
          'Paramétrées par défaut dans les modèles de documents et les postes.',
          'Intégrées à la charte graphique et aux modèles de tous les services.',
        ],
      },
      {
        id: 'usages.visioconference',
        text: 'Les réunions à distance sont-elles pratiquées de façon sobre (visioconférence raisonnée, caméra coupée quand elle n’est pas utile) ?',
        levels: [
          'Aucune règle.',
          'Des conseils diffusés occasionnellement.',
          'Une règle d’usage est partagée (audio par défaut, résolution réduite, durée limitée).',
          'La règle est suivie, et l’arbitrage entre déplacement et visioconférence tient compte des deux impacts.',
        ],
      },
      {
        id: 'usages.equipements-personnels',
        text: 'Le nombre d’équipements par agent est-il limité (un seul écran si suffisant, pas de double téléphone) ?',
        levels: [
          'Les équipements s’ajoutent sans règle.',
          'Des demandes sont parfois refusées.',
          'Une dotation type par métier est définie.',
          'La dotation est appliquée, revue chaque année et le taux d’équipement par agent baisse ou se stabilise.',
        ],
      },
    ],
  },
  {
    id: 'ecoconception',
    name: nameOf('ecoconception'),
    questions: [
      {
        id: 'ecoconception.rgesn',
        text: 'Les services numériques de la collectivité (site, démarches en ligne) sont-ils évalués selon le RGESN (78 critères en 9 familles) ?',
        levels: [
          'Le référentiel n’est pas connu.',
          'Le référentiel est connu ; quelques critères sont appliqués.',
          'Une évaluation du site principal selon le RGESN a été faite, avec un plan d’amélioration.',
          'Chaque service est évalué à sa création et à chaque refonte ; la déclaration d’écoconception est publiée.',
        ],
      },
      {
        id: 'ecoconception.rgaa',
        text: 'L’accessibilité des services numériques (RGAA) est-elle évaluée et déclarée ?',
        levels: [
          'Aucune évaluation, pas de déclaration d’accessibilité.',
          'Une déclaration existe, sans audit récent.',
          'Un audit RGAA récent, une déclaration à jour et un schéma pluriannuel publié.',
          'Les non-conformités sont corrigées selon le plan annuel et le taux de conformité progresse.',
        ],
      },
      {
        id: 'ecoconception.poids-pages',
        text: 'Le poids des pages et des documents publiés est-il maîtrisé ?',
        levels: [
          'Le poids des pages n’est jamais regardé.',
          'Des images sont parfois compressées.',
          'Un poids cible par page est fixé ; images et vidéos sont optimisées avant publication.',
          'Le poids des pages principales est mesuré régulièrement et respecte la cible.',
        ],
      },
      {
        id: 'ecoconception.cahier-charges',
        text: 'Les exigences d’écoconception et d’accessibilité figurent-elles dans les cahiers des charges des prestataires ?',
        levels: [
          'Non.',
          'Une mention générale.',
          'Des exigences précises (critères RGESN et RGAA, poids cible) figurent dans chaque cahier des charges.',
          'Les exigences sont vérifiées à la recette et conditionnent la réception du service.',
        ],
      },
      {
        id: 'ecoconception.sobriete-fonctionnelle',
        text: 'Les fonctions et contenus inutiles sont-ils retirés (pages peu consultées, services en double) ?',
        levels: [
          'Les contenus s’accumulent.',
          'Des nettoyages lors des refontes.',
          'Une revue annuelle des contenus et des fonctions, à partir des statistiques d’usage.',
          'Chaque nouvelle fonction est justifiée par un besoin mesuré ; les contenus obsolètes sont retirés en continu.',
        ],
      },
      {
        id: 'ecoconception.alternative',
        text: 'Une alternative non numérique reste-t-elle offerte aux habitants pour les démarches en ligne ?',
        levels: [
          'Certaines démarches ne sont possibles qu’en ligne.',
          'Un accueil au guichet existe, sans accompagnement au numérique.',
          'Chaque démarche a une alternative (guichet, téléphone) et un accompagnement est proposé.',
          'L’accompagnement est organisé avec les acteurs locaux et les difficultés signalées améliorent les démarches.',
        ],
      },
    ],
  },
];
