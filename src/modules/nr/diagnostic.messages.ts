import { ofName } from '../../platform/text.ts';
import { countOf, formatDate, formatNumber } from '../../platform/views/format.ts';
import { NOTE_MAX } from './nr-themes.rules.ts';

/** Before « % »: a narrow no-break space. */
const percent = (n: number) => `${formatNumber(n)}\u202f%`;
const index = (n: number | null) => (n === null ? '—' : `${formatNumber(n)}/100`);

/** French texts of the responsible-digital diagnostic: its pages, refusals and API description. */
export const diagnosticMessages = {
  percent,
  index,
  errors: {
    unknownQuestion: 'Question inconnue du questionnaire.',
    level: 'Le niveau va de 0 à 3.',
    noteTooLong: `La note fait au plus ${formatNumber(NOTE_MAX)} caractères.`,
    version: 'Version invalide : un entier positif.',
    stale: 'Cette réponse a été modifiée par quelqu’un d’autre depuis que vous l’avez lue : rechargez la page pour voir sa réponse.',
    staleMany: (n: number) =>
      `${countOf(n, 'réponse a', 'réponses ont')} été modifiées par quelqu’un d’autre depuis que vous les avez lues : la page les montre à jour, vos autres changements sont enregistrés si vous enregistrez à nouveau.`,
    completed: 'Ce diagnostic est terminé : il ne change plus. Refaites le diagnostic pour une nouvelle évaluation.',
    missing: (n: number) => `Il reste ${countOf(n, 'question', 'questions')} sans réponse : répondez à toutes les questions pour terminer le diagnostic.`,
    notFound: 'Ce diagnostic n’existe pas pour ce territoire.',
    noOpen: 'Aucun diagnostic n’est en cours : commencez-en un.',
    levelForNote: 'Choisissez un niveau pour enregistrer cette réponse et sa note.',
  },
  home: {
    title: (territory: string) => `Numérique responsable — ${territory}`,
    breadcrumb: 'Numérique responsable',
    workspace: 'Mon espace',
    peerNouns: { commune: 'communes', territoire: 'intercommunalités, départements et régions' },
    lead: 'Où en est votre collectivité ? Le diagnostic mesure sa maturité sur sept thèmes, de 0 à 100, et lui donne une lettre de A à E. Refaites-le quand vous voulez : l’évolution se dessine au fil des diagnostics.',
    maturityTitle: 'Votre maturité',
    none: 'Aucun diagnostic terminé pour le moment.',
    letter: 'Lettre',
    overall: 'Indice global',
    completedOn: 'Diagnostic terminé le',
    letterScale: 'A à partir de 80, B à partir de 60, C à partir de 40, D à partir de 20, E en dessous.',
    inProgress: (answered: number, total: number) =>
      `Un diagnostic est en cours : ${formatNumber(answered)} ${answered > 1 ? 'réponses' : 'réponse'} sur ${formatNumber(total)}.`,
    continueLink: 'Reprendre le diagnostic',
    start: 'Commencer le diagnostic',
    retake: 'Refaire le diagnostic',
    startHint: 'Plusieurs personnes du territoire peuvent répondre ensemble : chaque réponse est enregistrée à part.',
    radarTitle: 'Maturité par thème',
    radar: {
      title: (territory: string) => `Indice de maturité par thème — ${territory}`,
      description: (territory: string, best: string, worst: string) =>
        `Indice de 0 à 100 de chacun des sept thèmes du dernier diagnostic ${ofName(territory)}. Thème le plus avancé : ${best} ; le moins avancé : ${worst}.`,
      series: 'Votre indice',
      peers: 'Moyenne de la strate',
      categoryLabel: 'Thème',
      valueLabel: 'Indice sur 100',
      caption: (territory: string) => `Indice de maturité par thème du dernier diagnostic ${ofName(territory)}`,
      empty: 'sans réponse',
    },
    evolutionTitle: 'Évolution',
    evolutionNone: 'L’évolution se dessinera à partir de deux diagnostics terminés.',
    evolution: {
      title: (territory: string) => `Évolution de l’indice global ${ofName(territory)}`,
      description: (first: string, last: string) => `Indice global de chaque diagnostic terminé, du premier (${first}) au dernier (${last}).`,
      series: 'Indice global',
      categoryLabel: 'Diagnostic du',
      valueLabel: 'Indice sur 100',
      caption: (territory: string) => `Indice global et lettre de chaque diagnostic terminé ${ofName(territory)}`,
      letter: 'Lettre',
    },
    peersTitle: 'Comparaison avec la strate',
    peersOverall: (label: string, n: number, overall: number | null) =>
      `Moyenne des ${formatNumber(n)} autres ${label} ayant terminé un diagnostic (le dernier de chacun) : indice global ${index(overall)}.`,
    peersHidden: (min: number) =>
      `La moyenne de votre strate n’est montrée qu’à partir de ${formatNumber(min)} autres territoires ayant terminé un diagnostic, pour qu’aucune réponse d’un territoire ne puisse s’en déduire ; ce n’est pas encore le cas.`,
    peersNoStratum: 'Votre territoire n’a pas de strate de population : aucune moyenne de comparaison ne lui correspond.',
    peersRule: 'Seules des moyennes sont montrées : jamais les réponses d’un autre territoire.',
    nextTitle: 'Passer à l’action',
    links: {
      diagnostic: 'Le diagnostic',
      quickWins: 'Gestes rapides',
      indicators: 'Indicateurs',
      roadmap: 'Feuille de route',
      charter: 'Charte',
      strategy: 'Stratégie numérique responsable (loi REEN)',
      publicity: 'Ce qui paraît sur la page publique du territoire',
    },
  },
  page: {
    title: (territory: string) => `Diagnostic numérique responsable — ${territory}`,
    breadcrumb: 'Diagnostic',
    lead: 'Pour chaque question, choisissez le niveau qui décrit le mieux la situation actuelle de votre collectivité, de 0 (rien n’est fait) à 3 (c’est fait, mesuré et amélioré). Une note facultative garde le contexte.',
    none: 'Aucun diagnostic n’est en cours.',
    startedOn: (date: Date) => `Diagnostic commencé le ${formatDate(date)}.`,
    progress: (answered: number, total: number) => `${formatNumber(answered)} ${answered > 1 ? 'réponses' : 'réponse'} sur ${formatNumber(total)}.`,
    themeProgress: (answered: number, total: number) => `${formatNumber(answered)} sur ${formatNumber(total)} ${answered > 1 ? 'répondues' : 'répondue'}`,
    level: (n: number) => `Niveau ${n}`,
    noteLabel: 'Note (facultative)',
    previous: (level: number) => `Réponse au diagnostic précédent : niveau ${level}.`,
    saveTheme: (theme: string) => `Enregistrer — ${theme}`,
    saved: 'Réponses enregistrées.',
    started: 'Diagnostic commencé : répondez aux questions, thème par thème.',
    completed: 'Diagnostic terminé. Votre indice et votre lettre sont à jour.',
    complete: 'Terminer le diagnostic',
    completeHint: 'Une fois terminé, le diagnostic ne change plus ; vous pourrez le refaire à tout moment.',
    readOnly: 'Vous pouvez consulter ce diagnostic ; seuls le référent et les contributeurs du territoire y répondent.',
    back: 'Retour au numérique responsable',
    themesNav: 'Thèmes du diagnostic',
    autosave: {
      idle: 'Vos réponses sont enregistrées automatiquement quelques secondes après chaque changement.',
      saving: 'Enregistrement…',
      saved: (time: string) => `Réponses enregistrées à ${time}.`,
      failed: 'L’enregistrement automatique a échoué ; utilisez le bouton « Enregistrer » du thème.',
      refused: 'Une réponse est refusée : utilisez le bouton « Enregistrer » du thème pour voir laquelle.',
    },
  },
  api: {
    modelSummary: 'Le questionnaire du diagnostic numérique responsable',
    modelDescription:
      'Les sept thèmes du diagnostic et leurs questions ; chaque question se répond sur une échelle de 0 à 3, `levels` dit ce que signifie chaque niveau (0, 1, 2, 3).',
    version: 'Version du questionnaire',
    levels: 'Ce que signifient les niveaux 0, 1, 2 et 3',
  },
} as const;
