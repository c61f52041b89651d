import { formatNumber } from '../../platform/views/format.ts';

const level = (n: number) => `${n} @`;

/** French texts of a territory’s label history (its page’s "Label" section) and of its badge. */
export const labelHistoryMessages = {
  neverLabelled: (name: string) => `${name} n’a encore jamais obtenu le label.`,
  palmaresLink: 'Consulter les palmarès du label',
  summary: (name: string, times: number, first: number, last: number) =>
    times === 1 ? `${name} a obtenu le label une fois, en ${first}.` : `${name} a obtenu le label ${formatNumber(times)} fois, de ${first} à ${last}.`,
  currentLevel: 'Niveau actuel',
  excellence: 'Territoire d’excellence numérique',
  excellenceGranted: (year: number, until: number) => `Accordé en ${year}, valable jusqu’en ${until}`,
  excellenceExpired: (year: number, until: number) => `Accordé en ${year}, valable jusqu’en ${until} (échu)`,
  excellenceEarlier: (years: number[]) => `Déjà accordé en ${years.join(', ')}`,
  excellenceNone: 'Non accordé',
  excellenceRule: (consecutive: number, validity: number) =>
    `Le titre de Territoire d’excellence numérique est accordé par règle après ${formatNumber(consecutive)} labels consécutifs à 5 @ ; il reste valable ${formatNumber(validity)} ans, l’année où il est accordé comprise.`,
  timelineTitle: 'Niveaux au fil des éditions',
  chart: {
    title: (name: string) => `Niveau de ${name} au label, par édition`,
    description: (name: string, first: number, last: number, missing: number) =>
      `Courbe du niveau obtenu par ${name} à chaque édition de ${first} à ${last}, de 1 @ à 5 @.` +
      (missing > 0 ? ` La courbe est interrompue pour ${missing === 1 ? 'l’édition' : `les ${missing} éditions`} où le territoire n’a pas été labellisé.` : ''),
    categoryLabel: 'Édition',
    valueLabel: 'Niveau',
    seriesLabel: 'Niveau obtenu',
    caption: (name: string) => `Niveau de ${name} et distinctions, par édition`,
    distinctions: 'Distinctions',
    // The palmarès only knows who was labelled: not whether a territory applied and failed.
    noParticipation: 'Non labellisé',
  },
  level,
  badge: {
    title: 'Badge',
    intro: 'Affichez le label de votre territoire sur votre site : le badge suit chaque nouveau palmarès.',
    imageCaption: 'Aperçu du badge',
    snippetLabel: 'Code HTML à copier dans une page de votre site',
    snippetHint: 'Le badge renvoie vers cette page. Sélectionnez le code puis copiez-le.',
    /** The text of the badge itself, drawn in the SVG. */
    levelLine: (n: number, year: number) => `${level(n)} · Label ${year}`,
    neutralLine: (labelName: string) => labelName,
    /** The accessible name of the badge (its <title>, aria-label and the <img alt>). */
    alt: (labelName: string, name: string, n: number, year: number) => `${name} : ${labelName} ${level(n)} en ${year}`,
    neutralAlt: (labelName: string, name: string) => `${labelName} : ${name} n’est pas encore labellisé`,
    notFound: (code: string) => `Aucun territoire ne porte le code « ${code} ».`,
  },
  api: {
    label: 'Historique du territoire au label : niveau actuel, niveaux par édition publiée et titre de Territoire d’excellence numérique',
    current: 'Dernier niveau publié, ou null si le territoire n’a jamais été labellisé',
    history: 'Niveaux et codes des distinctions, par édition publiée, de la plus ancienne à la plus récente',
    grantYears: 'Éditions où le titre de Territoire d’excellence numérique a été accordé',
    validUntil: 'Dernière édition de validité du titre le plus récent, ou null',
    validNow: 'Le titre est-il valable pour la dernière édition publiée ?',
  },
} as const;
