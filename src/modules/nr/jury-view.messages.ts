/** The French texts of the responsible-digital blocks other modules show: the « @ verte » reviewer's and the self-assessment's. */
import { countOf, formatDate, formatNumber } from '../../platform/views/format.ts';
import { withUnit } from './indicators.messages.ts';
import type { ActionStatus } from './nr-themes.rules.ts';
import { roadmapMessages } from './roadmap.messages.ts';

const letterOf = (letter: string | null, overall: number | null) =>
  letter === null || overall === null ? 'sans note' : `${letter} (indice ${formatNumber(overall)} sur 100)`;

export const juryViewMessages = {
  jury: {
    title: 'Numérique responsable',
    none: 'Le territoire n’a pas encore terminé son autodiagnostic numérique responsable.',
    lead: 'Vous évaluez l’« @ verte » : voici l’autodiagnostic numérique responsable du territoire, tel qu’il l’a déclaré.',
    letter: (letter: string | null, overall: number | null) => `Maturité : ${letterOf(letter, overall)}`,
    completed: (date: Date) => `Autodiagnostic terminé le ${formatDate(date)}.`,
    themesCaption: 'Indice de maturité par thème (sur 100)',
    themeColumn: 'Thème',
    indexColumn: 'Indice',
    noIndex: 'Sans réponse',
    charterSigned: (signedOn: string, signatory: string, role: string) =>
      `Charte numérique responsable signée le ${formatDate(signedOn)} par ${signatory} (${role}).`,
    charterNone: 'La charte numérique responsable n’est pas signée.',
    indicatorsTitle: 'Indicateurs suivis',
    indicatorsNone: 'Aucun indicateur n’a encore de valeur.',
    indicatorValue: (name: string, value: number, unit: string, measuredOn: string) => `${name} : ${withUnit(value, unit)} (au ${formatDate(measuredOn)})`,
    actionsTitle: 'Feuille de route',
    actionsNone: 'La feuille de route n’a encore aucune action.',
    actionsCount: (status: ActionStatus, n: number) => `${roadmapMessages.statuses[status]} : ${countOf(n, 'action', 'actions')}`,
  },
  selfAssessment: {
    title: 'Numérique responsable',
    letter: (letter: string | null, overall: number | null) => `Maturité numérique responsable : ${letterOf(letter, overall)}`,
    completed: (date: Date) => `D’après l’autodiagnostic terminé le ${formatDate(date)}.`,
    none: 'Le territoire n’a pas encore terminé son autodiagnostic numérique responsable.',
    link: 'Voir le numérique responsable du territoire',
  },
};
