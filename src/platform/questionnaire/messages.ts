import { formatNumber } from '../views/format.ts';

/** « Question « budget » » : how every message of the engine names the question it is about. */
const q = (id: string) => `Question « ${id} »`;

/** French texts of the questionnaire engine: definition checks (admin) and answer checks (territories). */
export const questionnaireMessages = {
  definition: {
    noQuestion: 'Le questionnaire doit compter au moins une question.',
    tooManyQuestions: (max: number) => `Le questionnaire compte ${formatNumber(max)} questions au plus.`,
    idInvalid: 'Identifiant invalide : lettres minuscules sans accent, chiffres et tirets, par exemple « budget-numerique ».',
    duplicateId: (id: string) => `${q(id)} : cet identifiant est déjà utilisé par une autre question.`,
    labelRequired: 'Indiquez l’intitulé de la question.',
    optionsRequired: (id: string) => `${q(id)} : une question à choix propose au moins deux options.`,
    optionsNotAllowed: (id: string) => `${q(id)} : seules les questions à choix unique ou multiple proposent des options.`,
    duplicateOption: (id: string, value: string) => `${q(id)} : l’option « ${value} » figure deux fois.`,
    numberBoundsNotAllowed: (id: string) => `${q(id)} : minimum, maximum et unité ne s’appliquent qu’aux questions numériques.`,
    minAboveMax: (id: string) => `${q(id)} : le minimum dépasse le maximum.`,
    maxLengthNotAllowed: (id: string) => `${q(id)} : la longueur maximale ne s’applique qu’aux questions à réponse écrite.`,
    showWhenUnknown: (id: string, target: string) => `${q(id)} : elle dépend de la question « ${target} », qui n’existe pas.`,
    showWhenNotEarlier: (id: string, target: string) => `${q(id)} : elle ne peut dépendre que d’une question placée avant elle ; « ${target} » vient après.`,
    showWhenNotChoice: (id: string, target: string) =>
      `${q(id)} : elle ne peut dépendre que d’une question oui/non ou à choix ; « ${target} » n’en est pas une.`,
    showWhenValueUnknown: (id: string, target: string, value: string) => `${q(id)} : la question « ${target} » ne propose pas la réponse « ${value} ».`,
  },
  answers: {
    notAnObject: 'Les réponses doivent être un objet : identifiant de question → réponse.',
    unknownQuestion: (id: string) => `${q(id)} : cette question ne fait pas partie du questionnaire.`,
    yesNoExpected: (id: string) => `${q(id)} : répondez par oui ou par non.`,
    choiceExpected: (id: string) => `${q(id)} : choisissez une des réponses proposées.`,
    choicesExpected: (id: string) => `${q(id)} : choisissez parmi les réponses proposées.`,
    optionNotOffered: (id: string, value: string) => `${q(id)} : la réponse « ${value} » n’est pas proposée.`,
    numberExpected: (id: string) => `${q(id)} : indiquez un nombre, par exemple 12 ou 1,5.`,
    belowMin: (id: string, min: number) => `${q(id)} : indiquez un nombre supérieur ou égal à ${formatNumber(min)}.`,
    aboveMax: (id: string, max: number) => `${q(id)} : indiquez un nombre inférieur ou égal à ${formatNumber(max)}.`,
    textExpected: (id: string) => `${q(id)} : la réponse doit être un texte.`,
    tooLong: (id: string, max: number) => `${q(id)} : ${formatNumber(max)} caractères au plus.`,
    required: (id: string) => `${q(id)} : une réponse est attendue.`,
  },
  /** The questionnaire as a territory fills it (questionnaire-fields.tsx). */
  fields: {
    yes: 'Oui',
    no: 'Non',
    required: '(obligatoire)',
    /** A conditional question, shown without JavaScript: when to fill it. */
    showWhen: (answers: readonly string[], question: string) =>
      `À remplir si vous avez répondu ${answers.map((a) => `« ${a} »`).join(' ou ')} à la question « ${question} ».`,
    bounds: (min: number | undefined, max: number | undefined, unit: string | undefined) => {
      const u = unit ? ` ${unit}` : '';
      if (min !== undefined && max !== undefined) return `Un nombre entre ${formatNumber(min)} et ${formatNumber(max)}${u}.`;
      if (min !== undefined) return `Un nombre supérieur ou égal à ${formatNumber(min)}${u}.`;
      if (max !== undefined) return `Un nombre inférieur ou égal à ${formatNumber(max)}${u}.`;
      return unit ? `Un nombre, en ${unit}.` : 'Un nombre, par exemple 12 ou 1,5.';
    },
    maxLength: (max: number) => `${formatNumber(max)} caractères au plus.`,
    manyChoices: 'Plusieurs réponses possibles.',
  },
  /** The editor of a definition (questionnaire-editor-form.ts): what the admin's form refuses, naming the question. */
  editor: {
    row: (position: number, label: string) => (label ? `Question ${formatNumber(position)} (« ${label} »)` : `Question ${formatNumber(position)}`),
    kindUnknown: 'choisissez un type de question parmi ceux proposés.',
    numberInvalid: (field: string) => `${field} : indiquez un nombre, par exemple 0 ou 1,5.`,
    integerInvalid: (field: string) => `${field} : indiquez un nombre entier de caractères.`,
    optionLine: (line: number) => `ligne ${formatNumber(line)} des options : écrivez « valeur | libellé » ou seulement le libellé.`,
    optionScore: (line: number) => `ligne ${formatNumber(line)} des options : les points doivent être un nombre.`,
    showWhenQuestionUnknown: 'la question dont elle dépend n’existe pas ou vient d’être supprimée.',
    showWhenValuesRequired: 'indiquez pour quelles réponses de l’autre question elle s’affiche.',
    showWhenValueUnknown: (value: string, question: string) => `la question « ${question} » ne propose pas la réponse « ${value} ».`,
    showWhenWithoutQuestion: 'choisissez la question dont elle dépend, ou effacez les réponses indiquées.',
    labelRequired: 'indiquez l’intitulé de la question.',
  },
} as const;
