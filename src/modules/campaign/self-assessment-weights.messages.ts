import { formatDateTime, formatNumber } from '../../platform/views/format.ts';
import type { InitiativeStatus } from '../initiatives/initiative.rules.ts';

/** How the weights' form names each status (its field labels). */
const FIELD_LABELS: Record<InitiativeStatus, string> = {
  done: 'Initiative réalisée',
  in_progress: 'Initiative en cours',
  planned: 'Initiative en projet',
  abandoned: 'Initiative abandonnée',
};

/** French texts of the self-assessment's weights, edited per edition by the admin. */
export const selfAssessmentWeightsMessages = {
  fieldLabels: FIELD_LABELS,
  input: {
    notANumber: 'Indiquez un nombre entre 0 et 1, par exemple « 0,6 ».',
    outOfRange: (value: number) => `La pondération est comprise entre 0 et 1 ; « ${formatNumber(value)} » n’est pas possible.`,
    tooPrecise: (decimals: number) => `Indiquez ${formatNumber(decimals)} décimales au plus, par exemple « 0,125 ».`,
    aboveHigher: (value: number, higher: InitiativeStatus, higherValue: number) =>
      `Elle ne peut dépasser celle d’une ${FIELD_LABELS[higher].toLowerCase()} (${formatNumber(value)} > ${formatNumber(higherValue)}) : une action plus avancée compte au moins autant.`,
  },
  page: {
    title: (year: number) => `Pondérations de l’auto-évaluation, édition ${year}`,
    breadcrumb: 'Auto-évaluation',
    lead: 'Chaque service du référentiel vaut, dans l’auto-évaluation, la pondération de l’initiative la plus avancée qui le couvre : 1 compte le service comme rendu, 0 comme absent.',
    rule: 'Chaque pondération est un nombre entre 0 et 1 (« 0,6 » ou « 0.6 »), et une initiative plus avancée compte au moins autant : réalisée ≥ en cours ≥ en projet ≥ abandonnée.',
    whenUsed:
      'Les pondérations de la dernière édition ouverte servent au calcul de l’auto-évaluation de tous les territoires ; celles d’une édition en préparation serviront dès son ouverture.',
    frozen:
      'Les scores des dossiers déjà déposés sont figés à leur dépôt : une nouvelle pondération ne les change pas, elle compte pour les dossiers déposés ensuite.',
    editable: 'Modifiables tant que l’édition est en préparation ou ouverte.',
    readOnly: (state: string) => `L’édition est ${state} : ses pondérations ne se modifient plus.`,
    defaults: 'Pondérations par défaut du label : aucune n’a encore été enregistrée pour cette édition.',
    lastChange: (at: Date) => `Dernière modification le ${formatDateTime(at)}.`,
    legend: 'Pondération de chaque état d’avancement',
    hint: 'Entre 0 et 1.',
    save: 'Enregistrer les pondérations',
    saved: 'Pondérations enregistrées : l’auto-évaluation les utilise désormais.',
    caption: (year: number) => `Pondérations de l’édition ${year}`,
    link: 'Pondérations de l’auto-évaluation',
    back: 'Retour aux questionnaires de l’édition',
  },
  conflict: {
    stale:
      'Quelqu’un a enregistré d’autres pondérations pendant que vous les modifiiez ; elles sont rappelées dans le tableau ci-dessous. Les vôtres ne sont pas enregistrées : comparez, puis enregistrez de nouveau pour les garder.',
    storedNow: 'Pondérations enregistrées entre-temps',
    notEditable: (year: number, state: string) =>
      `L’édition ${year} est ${state} : ses pondérations ne se modifient plus (les scores des dossiers sont figés à leur dépôt).`,
  },
  unknownEdition: (year: number) => `Édition inconnue : ${year}.`,
} as const;
