// Every concrete action mentioned in the five seed articles (../shared/seeds), placed in at least
// one service of the referential. Issue 3, "Done when": each of them must fit the catalogue.
import type { ServiceId } from './catalogue.data.ts';

export type SeedId = '000' | '001' | '002' | '003' | '004';

export interface SeedAction {
  readonly seed: SeedId;
  readonly action: string;
  readonly serviceIds: readonly ServiceId[];
}

export const SEED_ACTIONS: readonly SeedAction[] = [
  // 000 — Trélazé, territoire d'excellence numérique, @ verte
  { seed: '000', action: 'Récupération des ordinateurs inutilisés auprès des habitants et des entreprises', serviceIds: ['collecte-ordinateurs-inutilises'] },
  {
    seed: '000',
    action: 'Circuit de reconditionnement : 150 ordinateurs redistribués à des habitants dans le besoin',
    serviceIds: ['ordinateurs-reconditionnes-familles'],
  },
  { seed: '000', action: 'Renouvellement du parc informatique en PC portables pour le télétravail', serviceIds: ['teletravail-agents'] },
  { seed: '000', action: 'Achat de matériel reconditionné pour les agents', serviceIds: ['achats-materiel-reconditionne', 'achats-numeriques-responsables'] },
  { seed: '000', action: 'Dématérialisation des demandes de congés par le service RH', serviceIds: ['dematerialisation-rh'] },
  { seed: '000', action: 'Circuit de validation en ligne et visibilité sur les plannings des équipes', serviceIds: ['dematerialisation-rh'] },
  {
    seed: '000',
    action: 'Schéma stratégique global conciliant croissance et environnement',
    serviceIds: ['strategie-numerique', 'feuille-route-numerique-responsable'],
  },
  { seed: '000', action: 'Méthode d’écoconception pour tout nouveau service numérique', serviceIds: ['ecoconception-services-numeriques'] },
  {
    seed: '000',
    action: 'Allonger la durée de vie des équipements et réduire la consommation des terminaux et réseaux',
    serviceIds: ['ecoconception-services-numeriques', 'reemploi-materiel-informatique'],
  },
  { seed: '000', action: 'Module pour un site internet responsable et inclusif', serviceIds: ['site-responsable-inclusif', 'accessibilite-numerique'] },
  { seed: '000', action: 'Coffre-fort numérique au CCAS pour les populations fragilisées', serviceIds: ['coffre-fort-numerique'] },
  { seed: '000', action: 'Festival numérique « Yes, we clic » : expositions, tables rondes, spectacles, ateliers, débats', serviceIds: ['festival-numerique'] },
  {
    seed: '000',
    action: 'Réflexion des jeunes, des familles et des professionnels de la jeunesse sur les pratiques numériques',
    serviceIds: ['festival-numerique', 'prevention-risques-numeriques-jeunes-parents'],
  },
  { seed: '000', action: 'Sessions de sensibilisation des agents et des élus aux risques cyber', serviceIds: ['sensibilisation-cyber-agents-elus'] },
  {
    seed: '000',
    action: 'Bonnes pratiques : messagerie, mots de passe, réseaux sociaux, appareils connectés',
    serviceIds: ['sensibilisation-cyber-agents-elus', 'prevention-hameconnage'],
  },
  {
    seed: '000',
    action: '5 @ affichées aux entrées de ville, @ verte et titre de territoire d’excellence numérique',
    serviceIds: ['valorisation-label-numerique'],
  },

  // 001 — Le Trait, Coalition Numérique Responsable
  { seed: '001', action: 'Participation à la 4e promotion de la Coalition Numérique Responsable', serviceIds: ['reseaux-echanges-collectivites'] },
  { seed: '001', action: 'Campagne de nettoyage et de tri du matériel informatique acheté et inutilisé', serviceIds: ['inventaire-tri-materiel'] },
  {
    seed: '001',
    action: 'Démarche de transition dans le programme Territoire Engagé Transition Écologique de l’ADEME',
    serviceIds: ['reseaux-echanges-collectivites', 'feuille-route-numerique-responsable'],
  },
  {
    seed: '001',
    action: 'Autodiagnostic numérique responsable avec la direction et l’élu à la transition écologique',
    serviceIds: ['feuille-route-numerique-responsable'],
  },
  { seed: '001', action: 'Participation au Digital Clean Up Day', serviceIds: ['journee-nettoyage-numerique'] },
  { seed: '001', action: '1,2 tonne de matériel obsolète envoyée au recyclage', serviceIds: ['collecte-deee'] },
  { seed: '001', action: '4 box de collecte de smartphones dans les services publics avec Ecologic', serviceIds: ['collecte-smartphones'] },
  { seed: '001', action: 'Campagne de nettoyage des boîtes mails : 30 Go supprimés et suivi du volume', serviceIds: ['nettoyage-donnees'] },
  {
    seed: '001',
    action: 'Partage des bonnes pratiques d’utilisation des outils collaboratifs',
    serviceIds: ['sensibilisation-numerique-responsable-agents', 'outils-collaboratifs-agents'],
  },
  { seed: '001', action: 'Consigne d’extinction de tous les postes le soir', serviceIds: ['extinction-postes-nuit'] },
  { seed: '001', action: 'Bonnes pratiques intégrées dans les fiches d’évaluation individuelle', serviceIds: ['sensibilisation-numerique-responsable-agents'] },
  { seed: '001', action: 'Polices peu gourmandes en encre par défaut sur les postes', serviceIds: ['impression-sobre'] },
  { seed: '001', action: 'Impressions par défaut en noir et blanc et en recto verso', serviceIds: ['impression-sobre'] },
  {
    seed: '001',
    action: 'Convaincre les agents de l’intérêt de la démarche face à la résistance au changement',
    serviceIds: ['sensibilisation-numerique-responsable-agents'],
  },
  { seed: '001', action: 'Signature de la charte NR par l’élu à la transition écologique', serviceIds: ['charte-numerique-responsable'] },
  { seed: '001', action: 'Écriture de la feuille de route numérique responsable', serviceIds: ['feuille-route-numerique-responsable'] },
  { seed: '001', action: 'Tablettes pour les élus du conseil municipal', serviceIds: ['dematerialisation-conseil-municipal'] },
  { seed: '001', action: 'Postes informatiques à disposition des usagers', serviceIds: ['espace-public-numerique'] },

  // 002 — délégation « ville numérique » (interview)
  { seed: '002', action: 'Délégation « ville numérique » confiée à un adjoint dès le début du mandat', serviceIds: ['strategie-numerique'] },
  { seed: '002', action: 'Ateliers d’informatique pour les administrés', serviceIds: ['ateliers-informatique-habitants'] },
  { seed: '002', action: 'Application de signalement des incivilités', serviceIds: ['signalement-incidents'] },
  { seed: '002', action: 'Paiement des services municipaux par carte bancaire', serviceIds: ['paiement-en-ligne'] },
  { seed: '002', action: 'Prise de rendez-vous en ligne', serviceIds: ['prise-rendez-vous-en-ligne'] },
  { seed: '002', action: 'Remise à niveau du site internet municipal et responsivité sur smartphones', serviceIds: ['site-internet-municipal'] },
  { seed: '002', action: 'Présence développée sur Facebook, Twitter et Instagram', serviceIds: ['reseaux-sociaux-municipaux'] },
  { seed: '002', action: 'Conseils municipaux retransmis en direct sur les réseaux sociaux', serviceIds: ['retransmission-conseil-municipal'] },
  { seed: '002', action: 'Salles de réunion municipales adaptées aux visioconférences', serviceIds: ['visioconference-salles'] },
  { seed: '002', action: 'Tableaux numériques interactifs et vidéoprojecteurs dans les écoles', serviceIds: ['tableaux-videoprojecteurs-interactifs'] },
  { seed: '002', action: 'Robots BeeBot pour initier les élèves de maternelle à la programmation', serviceIds: ['robots-programmation'] },
  { seed: '002', action: 'Tablettes tactiles et ardoises numériques mises à disposition', serviceIds: ['classe-mobile-tablettes'] },
  { seed: '002', action: 'PC attribués à des enfants dans le cadre du Programme Réussite Éducative', serviceIds: ['equipement-enfants-reussite-educative'] },
  { seed: '002', action: 'Création d’une bibliothèque numérique', serviceIds: ['bibliotheque-numerique'] },
  { seed: '002', action: 'Espace numérique aménagé dans la médiathèque', serviceIds: ['espace-numerique-mediatheque'] },
  { seed: '002', action: 'Création d’un portail associatif', serviceIds: ['portail-associatif'] },
  { seed: '002', action: 'Audit de cybersécurité', serviceIds: ['audit-cybersecurite'] },
  {
    seed: '002',
    action: 'Sensibilisation des agents à l’hameçonnage par courriel',
    serviceIds: ['prevention-hameconnage', 'sensibilisation-cyber-agents-elus'],
  },
  { seed: '002', action: 'Infrastructure fibre propre pour interconnecter les bâtiments municipaux', serviceIds: ['reseau-fibre-municipal'] },
  { seed: '002', action: 'Acquisition de matériel reconditionné', serviceIds: ['achats-materiel-reconditionne'] },
  { seed: '002', action: 'Nouvelle vie au matériel : changement de pièces, nettoyage, partie logicielle', serviceIds: ['reemploi-materiel-informatique'] },
  { seed: '002', action: 'Prise en main à distance pour limiter les déplacements', serviceIds: ['assistance-informatique-distance'] },
  { seed: '002', action: 'Label « Territoires, Villes et Villages Internet » obtenu', serviceIds: ['valorisation-label-numerique'] },
  { seed: '002', action: 'Parcours éducatif numérique à travers les structures d’accueil', serviceIds: ['parcours-educatif-numerique'] },
  {
    seed: '002',
    action: 'Éveiller l’esprit critique des mineurs, construire leur identité numérique face aux risques',
    serviceIds: ['parcours-educatif-numerique', 'prevention-risques-numeriques-jeunes-parents'],
  },

  // 003 — Trilport, 5 @
  { seed: '003', action: 'Partenariat signé avec la société Qwant', serviceIds: ['partenariats-acteurs-numeriques'] },
  { seed: '003', action: 'Qwant Junior déployé dans les écoles', serviceIds: ['moteur-recherche-junior'] },
  { seed: '003', action: 'Vidéoprojecteurs interactifs dans toutes les classes de primaire', serviceIds: ['tableaux-videoprojecteurs-interactifs'] },
  {
    seed: '003',
    action: 'Actions numériques en maternelle selon les projets pédagogiques',
    serviceIds: ['classe-mobile-tablettes', 'tableaux-videoprojecteurs-interactifs'],
  },
  { seed: '003', action: 'Applications diverses utilisées par les services pour une administration plus fluide', serviceIds: ['outils-metiers-services'] },
  { seed: '003', action: 'Dématérialisation du conseil municipal, de l’amont à l’aval', serviceIds: ['dematerialisation-conseil-municipal'] },
  { seed: '003', action: 'Fonctionnement du conseil municipal accessible en ligne', serviceIds: ['publication-actes-en-ligne'] },
  { seed: '003', action: 'Inscription en ligne à certains services', serviceIds: ['teleservices-periscolaire', 'demarches-etat-civil-en-ligne'] },
  { seed: '003', action: 'Télépaiement', serviceIds: ['paiement-en-ligne'] },
  { seed: '003', action: 'Formalités périscolaires dématérialisées 24 h sur 24', serviceIds: ['teleservices-periscolaire'] },
  { seed: '003', action: 'Formalités d’urbanisme dématérialisées', serviceIds: ['teleservices-urbanisme'] },
  { seed: '003', action: 'Site internet de la commune', serviceIds: ['site-internet-municipal'] },
  { seed: '003', action: 'Présence dans les réseaux sociaux', serviceIds: ['reseaux-sociaux-municipaux'] },
  { seed: '003', action: 'Application smartphone', serviceIds: ['application-mobile-municipale'] },
  { seed: '003', action: 'Lancement d’une chaîne YouTube', serviceIds: ['chaine-video-municipale'] },
  {
    seed: '003',
    action: 'Sensibilisation des parents et des jeunes aux « dangers » du numérique',
    serviceIds: ['prevention-risques-numeriques-jeunes-parents'],
  },
  { seed: '003', action: 'Inclusion numérique des seniors avec l’association d’aide à domicile et le CCAS', serviceIds: ['inclusion-numerique-seniors'] },
  { seed: '003', action: 'Initiatives d’inclusion numérique en direction des jeunes', serviceIds: ['espace-jeunesse-numerique'] },
  {
    seed: '003',
    action: 'Agents municipaux facilitateurs, voire médiateurs, des démarches à l’accueil de la mairie',
    serviceIds: ['agents-accueil-facilitateurs', 'formation-numerique-agents'],
  },
  {
    seed: '003',
    action: 'Candidature au label pour auto-évaluer la démarche et se donner des axes de progrès',
    serviceIds: ['valorisation-label-numerique', 'strategie-numerique'],
  },

  // 004 — commune rurale, projet « territoire connecté »
  { seed: '004', action: 'Projet « territoire connecté » lors de la réhabilitation de la mairie', serviceIds: ['territoire-connecte', 'strategie-numerique'] },
  { seed: '004', action: 'Site institutionnel révisé, orienté administrés', serviceIds: ['site-internet-municipal'] },
  {
    seed: '004',
    action: 'Marque de la commune sur les réseaux sociaux avec les commerces, entreprises et associations',
    serviceIds: ['marque-territoriale-numerique', 'reseaux-sociaux-municipaux'],
  },
  { seed: '004', action: 'Chèques APTIC pour accompagner jeunes et moins jeunes', serviceIds: ['cheques-aptic'] },
  {
    seed: '004',
    action: 'Deux conseillers numériques recrutés par la communauté de communes',
    serviceIds: ['conseillers-numeriques', 'mutualisation-informatique'],
  },
  { seed: '004', action: 'Vidéoprojecteur interactif dans chaque classe de primaire', serviceIds: ['tableaux-videoprojecteurs-interactifs'] },
  { seed: '004', action: 'Classe mobile de tablettes à l’école', serviceIds: ['classe-mobile-tablettes'] },
  {
    seed: '004',
    action: 'Collaboration avec le syndicat informatique départemental et une société d’infrastructures connectées',
    serviceIds: ['mutualisation-informatique', 'partenariats-acteurs-numeriques'],
  },
  { seed: '004', action: 'Architecture « cloud » sécurisée', serviceIds: ['hebergement-securise-donnees'] },
  { seed: '004', action: 'Interconnexion des bâtiments municipaux par fibre et réseau privé', serviceIds: ['reseau-fibre-municipal'] },
  { seed: '004', action: 'Visioconférence entre agents grâce au réseau', serviceIds: ['outils-collaboratifs-agents', 'visioconference-salles'] },
  { seed: '004', action: 'Téléphonie sur IP et centralisation des relations avec les administrés', serviceIds: ['telephonie-ip', 'gestion-relation-usagers'] },
  { seed: '004', action: 'Wifi sécurisé et contrôlé dans les bâtiments administratifs', serviceIds: ['wifi-batiments-publics'] },
  { seed: '004', action: 'Vidéoprotection des biens et des personnes', serviceIds: ['video-protection'] },
  { seed: '004', action: 'Ouverture des bâtiments par mobile ou carte avec traçabilité', serviceIds: ['controle-acces-batiments'] },
  { seed: '004', action: 'Suivi de la consommation énergétique des bâtiments avec remontées d’alerte', serviceIds: ['suivi-energetique-batiments'] },
  { seed: '004', action: 'Limiter les espaces de stockage de données de la mairie', serviceIds: ['archivage-electronique', 'nettoyage-donnees'] },
  {
    seed: '004',
    action: 'Sécuriser les données et les matériels, rationaliser les coûts informatiques',
    serviceIds: ['hebergement-securise-donnees', 'mutualisation-informatique'],
  },
  { seed: '004', action: 'Espace de coworking', serviceIds: ['espace-coworking'] },
  { seed: '004', action: 'Lieu « nouveau lieu / nouveau lien » réunissant coworking, centre médical et commerces', serviceIds: ['tiers-lieu-numerique'] },
  { seed: '004', action: 'Commerces de circuit court', serviceIds: ['circuits-courts-en-ligne'] },
  { seed: '004', action: 'Musée virtuel « Micro-Folie »', serviceIds: ['musee-virtuel'] },
  { seed: '004', action: 'Wifi public dans la commune, accès simple et contrôlé', serviceIds: ['wifi-public'] },
];
