import { initiativeMessages } from '../initiatives/messages.ts';
import { territoryMessages } from '../territories/messages.ts';
import type { DatasetId } from './dataset.ts';

/** A column's French label and description. */
export type ColumnText = { label: string; description: string };

type DatasetText = { title: string; row: string; description: string; columns: Record<string, ColumnText> };

const c = (label: string, description: string): ColumnText => ({ label, description });

/** « Commune, Intercommunalité, Département ou Région »: the labels a `_libelle` column may hold, from the module that names them. */
const oneOf = (labels: Record<string, string>) => {
  const all = Object.values(labels).map((l) => `« ${l} »`);
  return `${all.slice(0, -1).join(', ')} ou ${all.at(-1)}`;
};

// Columns shared by the territories and the palmarès: the same words for the same facts.
export const territoryColumnTexts = {
  code_territoire: c('Code du territoire', 'Code officiel du territoire : code INSEE pour une commune, SIREN pour une intercommunalité.'),
  nom: c('Nom', 'Nom officiel du territoire, avec ses accents.'),
  type_territoire: c(
    'Type de territoire',
    'commune, epci (intercommunalité : communauté de communes, d’agglomération, urbaine, métropole), departement ou region.',
  ),
  type_territoire_libelle: c('Type de territoire (en clair)', `Le type de territoire en toutes lettres : ${oneOf(territoryMessages.kinds)}.`),
  code_departement: c('Code du département', 'Code INSEE du département (« 49 », « 2A », « 974 »). Vide pour une région.'),
  nom_departement: c('Département', 'Nom du département.'),
  code_region: c('Code de la région', 'Code INSEE de la région (« 52 » pour les Pays de la Loire).'),
  nom_region: c('Région', 'Nom de la région.'),
  categorie: c(
    'Catégorie',
    'Catégorie de candidature au label : village (commune de moins de 3 000 habitants), ville (autres communes) ou territoire (intercommunalités et au-delà).',
  ),
  categorie_libelle: c('Catégorie (en clair)', `La catégorie en toutes lettres : ${oneOf(territoryMessages.categories)}.`),
  strate: c(
    'Strate',
    'Tranche de population qui sert aux comparaisons : lt3k (moins de 3 000 habitants), 3k-20k (de 3 000 à 20 000), 20k-100k (de 20 000 à 100 000), gt100k (plus de 100 000). Vide si la population est inconnue.',
  ),
  strate_libelle: c('Strate (en clair)', `La strate en toutes lettres : ${oneOf(territoryMessages.strata)}. Vide si la population est inconnue.`),
} satisfies Record<string, ColumnText>;

/** French texts of the four datasets: what they hold, what one row is, and every column. */
export const datasetMessages = {
  'territoires-labellises': {
    title: 'Territoires labellisés',
    row: 'Une ligne par territoire labellisé au moins une fois dans un palmarès publié.',
    description:
      'Chaque commune, intercommunalité, département ou région qui a obtenu le label, avec son parcours : nombre de labels, première et dernière année, niveaux, distinction « Territoire d’excellence numérique » et historique complet.',
    columns: {
      ...territoryColumnTexts,
      population: c('Population', 'Population selon le découpage administratif d’Etalab (dernier recensement publié). Vide si inconnue.'),
      nombre_labels: c('Nombre de labels', 'Nombre d’éditions publiées où le territoire a été labellisé.'),
      premiere_annee: c('Première année', 'Première édition où le territoire a été labellisé.'),
      derniere_annee: c('Dernière année', 'Dernière édition où le territoire a été labellisé.'),
      dernier_niveau: c('Dernier niveau', 'Niveau obtenu à la dernière édition où il a été labellisé, de 1 à 5 @ (arobases).'),
      meilleur_niveau: c('Meilleur niveau', 'Plus haut niveau obtenu, de 1 à 5 @.'),
      niveau_moyen: c('Niveau moyen', 'Moyenne des niveaux obtenus, arrondie au dixième (virgule décimale dans la variante pour tableur).'),
      annees_excellence: c(
        'Années d’excellence',
        'Éditions où la distinction « Territoire d’excellence numérique » a été accordée, séparées par « | ». Vide si elle ne l’a jamais été.',
      ),
      excellence_en_cours: c(
        'Excellence en cours',
        'true si la distinction « Territoire d’excellence numérique » est valable pour la dernière édition publiée, false sinon.',
      ),
      historique: c('Historique', 'Niveaux obtenus, de la plus ancienne édition à la plus récente : « année:niveau » séparés par « ; ».'),
    },
  },
  palmares: {
    title: 'Palmarès',
    row: 'Une ligne par territoire labellisé et par édition publiée.',
    description:
      'Tous les résultats publiés du label : l’année, le territoire, le niveau de 1 à 5 @ et les distinctions reçues. Un fichier par édition est aussi proposé. Les éditions en cours de délibération n’y figurent jamais.',
    columns: {
      annee: c('Année', 'Année de l’édition, celle de la cérémonie de remise des labels.'),
      ...territoryColumnTexts,
      niveau: c('Niveau', 'Niveau obtenu, de 1 à 5 @ (arobases).'),
      distinctions_codes: c(
        'Codes des distinctions',
        'Codes des distinctions détenues cette année-là, séparés par « | » : verte, democratie-locale, mediation-numerique, numerique-educatif, excellence. Le titre « excellence » figure chaque année où il est valable, pas seulement l’année où il a été accordé. Vide sans distinction.',
      ),
      distinctions: c('Distinctions', 'Noms des mêmes distinctions, dans le même ordre, séparés par « | ».'),
    },
  },
  initiatives: {
    title: 'Initiatives',
    row: 'Une ligne par fiche d’initiative publiée dans l’observatoire.',
    description:
      'Les initiatives numériques que les territoires ont documentées et rendues publiques : ce qu’elles sont (résumé, description, indicateurs), où, quand, les services du référentiel qu’elles couvrent, leurs publics et leurs partenaires. Les brouillons et les fiches supprimées n’y figurent jamais.',
    columns: {
      id: c('Identifiant', 'Identifiant stable de la fiche (UUID).'),
      url: c('Adresse', 'Adresse de la fiche sur arobase.'),
      titre: c('Titre', 'Titre de l’initiative.'),
      resume: c('Résumé', 'Résumé de l’initiative en quelques phrases.'),
      description: c(
        'Description',
        'Description complète de l’initiative, telle que saisie sur la fiche : texte au format Markdown (**gras**, listes « - », liens), sauts de ligne compris. Vide si non renseignée.',
      ),
      code_territoire: territoryColumnTexts.code_territoire,
      nom_territoire: c('Territoire', 'Nom du territoire qui porte l’initiative.'),
      statut: c('Statut', 'planned (en projet), in_progress (en cours), done (réalisée) ou abandoned (abandonnée).'),
      statut_libelle: c('Statut (en clair)', `Le statut en toutes lettres : ${oneOf(initiativeMessages.statuses)}.`),
      date_debut: c('Date de début', 'Date de début, au format AAAA-MM-JJ. Vide si non renseignée.'),
      date_fin: c('Date de fin', 'Date de fin, au format AAAA-MM-JJ. Vide si non renseignée ou toujours en cours.'),
      services_codes: c('Codes des services', 'Identifiants des services du référentiel couverts, séparés par « | » (voir le jeu « referentiel »).'),
      services: c('Services', 'Noms des mêmes services, dans le même ordre, séparés par « | ».'),
      enjeux_codes: c('Codes des enjeux', 'Identifiants des enjeux (thèmes) de ces services, séparés par « | ».'),
      enjeux: c('Enjeux', 'Noms des mêmes enjeux, séparés par « | ».'),
      axes_codes: c('Codes des axes', 'Identifiants des axes de ces enjeux, séparés par « | ».'),
      axes: c('Axes', 'Noms des mêmes axes, séparés par « | ».'),
      publics: c(
        'Publics visés',
        'Publics visés, séparés par « | » : inhabitants (habitants), seniors, youth (jeunes), families_in_need (familles en difficulté), associations, businesses (entreprises), agents, elected_officials (élus).',
      ),
      publics_libelle: c(
        'Publics visés (en clair)',
        `Les mêmes publics en toutes lettres, dans le même ordre, séparés par « | » : ${oneOf(initiativeMessages.audiences)}.`,
      ),
      numerique_responsable: c('Numérique responsable', 'true si l’initiative relève du numérique responsable, false sinon.'),
      indicateurs: c(
        'Indicateurs',
        'Les quantités mesurées de la fiche, dans son ordre, séparées par « ; » : « libellé : valeur unité (date de la mesure, AAAA-MM-JJ) », la date quand elle est connue. Virgule décimale. Vide sans indicateur.',
      ),
      acteurs_ids: c('Identifiants des acteurs', 'Identifiants des acteurs et partenaires, séparés par « | » (pages /acteurs/identifiant).'),
      acteurs: c('Acteurs', 'Noms des mêmes acteurs, dans le même ordre, séparés par « | ».'),
      date_publication: c('Date de publication', 'Première publication de la fiche, en heure universelle (UTC), au format ISO 8601.'),
      date_mise_a_jour: c('Date de mise à jour', 'Dernière modification de la fiche, en heure universelle (UTC), au format ISO 8601.'),
    },
  },
  referentiel: {
    title: 'Référentiel des services',
    row: 'Une ligne par service numérique de la version en vigueur du référentiel.',
    description:
      'Les services numériques rendus à la population, classés en 4 axes et 16 enjeux, tels que la version publiée en vigueur les définit. Les initiatives y renvoient par leurs codes de services.',
    columns: {
      version: c('Version', 'Version du référentiel en vigueur.'),
      code_axe: c('Code de l’axe', 'Identifiant stable de l’axe.'),
      axe: c('Axe', 'Nom de l’axe.'),
      code_enjeu: c('Code de l’enjeu', 'Identifiant stable de l’enjeu (thème).'),
      enjeu: c('Enjeu', 'Nom de l’enjeu.'),
      code_service: c('Code du service', 'Identifiant stable du service, jamais réutilisé.'),
      service: c('Service', 'Nom du service.'),
      description: c('Description', 'Ce que le service apporte à la population, en une phrase.'),
      numerique_responsable: c('Numérique responsable', 'true si le service relève du numérique responsable, false sinon.'),
    },
  },
} satisfies Record<DatasetId, DatasetText>;
