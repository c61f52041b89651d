import { formatDateTime, formatNumber } from '../../platform/views/format.ts';
import type { EditionState } from '../label/edition-lifecycle.rules.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';

const CATEGORY_NAMES: Record<TerritoryCategory, string> = {
  village: 'Village (commune de moins de 3 000 habitants)',
  ville: 'Ville (commune de 3 000 habitants ou plus)',
  territoire: 'Territoire (intercommunalité)',
};
const SHORT: Record<TerritoryCategory, string> = { village: 'village', ville: 'ville', territoire: 'territoire' };

/** French texts of the questionnaires' administration and of the editions' API. */
export const questionnaireAdminMessages = {
  categories: CATEGORY_NAMES,
  /** An edition's state as these pages name it. */
  editionStates: {
    draft: 'en préparation',
    open: 'ouverte',
    closed: 'close',
    under_review: 'en examen par le jury',
    deliberated: 'délibérée',
    published: 'publiée',
  } satisfies Record<EditionState, string>,
  limits: {
    tooManyQuestions: (category: TerritoryCategory, max: number, count: number) =>
      `Le questionnaire ${SHORT[category]} compte ${formatNumber(max)} questions au plus ; celui-ci en compte ${formatNumber(count)}. Supprimez-en ou regroupez-en.`,
    tooLong: (category: TerritoryCategory, under: number, minutes: number) =>
      `Le questionnaire ${SHORT[category]} doit se remplir en moins de ${formatNumber(under)} minutes ; celui-ci en demande environ ${formatNumber(minutes)} minutes. Remplacez des questions à réponse longue par des questions à choix.`,
  },
  card: {
    title: 'Questionnaires',
    summary: 'Les questions posées aux villages, aux villes et aux territoires pour chaque édition.',
  },
  list: {
    title: (year: number) => `Questionnaires de l’édition ${year}`,
    lead: 'Chaque catégorie de territoire a son questionnaire. Il est copié de l’édition précédente à la création d’une édition ; vous pouvez le modifier tant que l’édition est en préparation.',
    caption: (year: number) => `Questionnaires de l’édition ${year}`,
    category: 'Catégorie',
    questions: 'Questions',
    minutes: 'Durée estimée',
    version: 'Version',
    minutesValue: (n: number) => `${formatNumber(n)} min`,
    edit: (name: string) => `Modifier le questionnaire ${name}`,
    view: (name: string) => `Voir le questionnaire ${name}`,
    defaults: 'Questionnaire par défaut du label (pas encore enregistré pour cette édition).',
    editions: 'Éditions',
  },
  editor: {
    title: (category: TerritoryCategory, year: number) => `Questionnaire ${SHORT[category]} de l’édition ${year}`,
    lead: 'Chaque question est un bloc ci-dessous. Pour ajouter une question, remplissez le bloc vide à la fin. Rien n’est modifié avant « Enregistrer le questionnaire ».',
    readOnly: (state: string) =>
      `L’édition est « ${state} » : son questionnaire ne peut plus être modifié, car des territoires ont pu commencer à y répondre. Il est affiché en lecture seule.`,
    saved: (version: number) => `Questionnaire enregistré (version ${formatNumber(version)}).`,
    moved: 'Ordre modifié : enregistrez le questionnaire pour le garder.',
    lastChange: (version: number, at: Date) => `Version ${formatNumber(version)}, enregistrée le ${formatDateTime(at)}.`,
    defaults: 'Ce questionnaire est celui par défaut du label : il sera enregistré pour cette édition à la première modification.',
    summary: (questions: number, minutes: number) => `${formatNumber(questions)} question(s), environ ${formatNumber(minutes)} minute(s) pour répondre.`,
    limits: (max: number, under: number) => `Pour un village : ${formatNumber(max)} questions au plus, moins de ${formatNumber(under)} minutes.`,
    questionLegend: (n: number) => `Question ${formatNumber(n)}`,
    newQuestionLegend: 'Nouvelle question (laissez l’intitulé vide pour ne rien ajouter)',
    identifier: (id: string) => `Identifiant : ${id}`,
    fields: {
      label: 'Intitulé de la question',
      kind: 'Type de réponse',
      help: 'Aide (facultatif)',
      required: 'Réponse obligatoire pour déposer le dossier',
      options: 'Réponses proposées (une par ligne)',
      min: 'Minimum',
      max: 'Maximum',
      unit: 'Unité (€, agents…)',
      maxLength: 'Longueur maximale (caractères)',
      showWhenQuestion: 'Afficher seulement selon la réponse à la question',
      showWhenValues: 'Pour les réponses (une par ligne)',
      remove: 'Supprimer cette question à l’enregistrement',
    },
    hints: {
      help: 'Une phrase qui aide à répondre, affichée sous la question.',
      options: 'Questions à choix seulement. Écrivez « valeur | libellé » ou seulement le libellé, par exemple « Le maire ».',
      number: 'Questions numériques seulement.',
      maxLength: 'Questions à réponse écrite seulement ; vide : 200 pour une réponse courte, 4 000 pour une longue.',
      showWhenValues: 'Écrivez les réponses telles qu’elles sont proposées, par exemple « Oui ».',
    },
    always: 'Toujours affichée',
    kinds: {
      yes_no: 'Oui / non',
      single_choice: 'Choix unique',
      multiple_choice: 'Choix multiple',
      number: 'Nombre',
      short_text: 'Réponse courte',
      long_text: 'Réponse longue',
    },
    moveUp: (n: number) => `Monter la question ${formatNumber(n)}`,
    moveDown: (n: number) => `Descendre la question ${formatNumber(n)}`,
    save: 'Enregistrer le questionnaire',
    preview: 'Aperçu : le questionnaire tel qu’un territoire le voit',
    previewLead: 'Les champs de l’aperçu ne sont pas envoyés.',
    stale: (version: number) =>
      `Quelqu’un a enregistré ce questionnaire pendant que vous le modifiiez (version ${formatNumber(version)}). Vos modifications ne sont pas enregistrées : rechargez la page pour partir de la dernière version, puis refaites-les.`,
    notDraft: (state: string) => `L’édition est « ${state} » : son questionnaire ne peut plus être modifié.`,
    unknownEdition: (year: number) => `L’édition ${year} n’existe pas.`,
    unknownCategory: (category: string) => `« ${category} » n’est pas une catégorie de territoire : village, ville ou territoire.`,
    back: 'Tous les questionnaires de l’édition',
  },
  api: {
    listSummary: 'Les éditions du label : état, calendrier, version du référentiel',
    oneSummary: 'Une édition : état, calendrier, distinctions proposées et questionnaires par catégorie',
    notFound: (year: number) => `L’édition ${year} n’existe pas.`,
    notFoundDescription: 'Aucune édition pour cette année.',
    year: 'Année de l’édition, sur quatre chiffres',
    invalidYear: 'année sur quatre chiffres attendue, par exemple 2027',
    fields: {
      year: 'Année de l’édition',
      state: 'État : draft (en préparation), open, closed, under_review, deliberated, published',
      opensAt: 'Ouverture des candidatures (ISO 8601), null tant que le calendrier n’est pas fixé',
      closesAt: 'Clôture des candidatures (ISO 8601)',
      juryAt: 'Jury (ISO 8601)',
      ceremonyAt: 'Cérémonie, fin de l’embargo des résultats (ISO 8601)',
      referentialVersion: 'Version du référentiel de l’édition',
      laureates: 'Nombre de territoires labellisés ; null tant que les résultats ne sont pas publiés',
      levels: 'Nombre de labellisés par niveau (1 à 5 @) ; null tant que les résultats ne sont pas publiés',
      distinctions: 'Distinctions proposées par l’édition',
      questionnaires: 'Questionnaire de chaque catégorie : village, ville, territoire',
    },
  },
} as const;
