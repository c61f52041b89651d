import { countOf, formatDateTime, formatNumber } from '../../platform/views/format.ts';
import type { TerritoryCategory } from '../territories/territory.rules.ts';

const percent = (n: number | null) => (n === null ? '—' : `${formatNumber(n)} %`);
const score = (n: number | null) => (n === null ? 'non concerné' : `${formatNumber(n)} sur 100`);

/** French texts of the self-assessment's page, its public part and its API (the rules' own are in messages.ts). */
export const selfAssessmentMessages = {
  /** What peers are called, by category: « communes de 3 000 à 20 000 habitants ». */
  peerNouns: {
    village: 'communes',
    ville: 'communes',
    territoire: 'intercommunalités, départements et régions',
  } satisfies Record<TerritoryCategory, string>,
  percent,
  score,
  page: {
    title: (name: string) => `Auto-évaluation de ${name}`,
    breadcrumb: 'Auto-évaluation',
    lead: 'Où en est votre territoire au regard du référentiel du label : calculé à partir de vos fiches, brouillons compris. Cette page n’est visible que des membres de votre espace.',
    summaryTitle: 'En résumé',
    overall: 'Score global',
    coverage: 'Couverture du référentiel',
    summary: (overall: number | null, coverage: number | null, covered: number, concerned: number) =>
      `Votre score global est de ${score(overall)} ; vos initiatives couvrent ${countOf(covered, 'service', 'services')} sur ${formatNumber(concerned)} concernés, soit ${percent(coverage)} du référentiel.`,
    empty: 'Votre territoire n’a encore aucune fiche : le score est de 0 partout.',
    emptyFirstStep: 'Pour commencer, décrivez une action déjà réalisée, même modeste (une démarche en ligne, un atelier numérique) :',
    emptyLink: 'créer une première fiche',
    emptyReader: 'Pour commencer, un référent ou un contributeur de votre espace peut créer une première fiche.',
    peersTitle: 'Parmi les territoires comparables',
    peersAbove: (belowPercent: number, label: string) =>
      `Votre score est au-dessus de ${formatNumber(belowPercent)} % des ${label} qui documentent leurs actions.`,
    peersCount: (count: number) => `Comparaison faite avec ${countOf(count, 'territoire', 'territoires')}, à partir de leurs fiches publiées seulement.`,
    peersTooFew: (count: number, min: number, label: string) =>
      `Votre position n’est pas encore donnée : ${count === 0 ? 'aucun autre territoire' : countOf(count, 'autre territoire', 'autres territoires')} parmi les ${label} ${count > 1 ? 'publient' : 'publie'} des fiches, il en faut au moins ${formatNumber(min)} pour comparer.`,
    peersNoStratum: 'Votre position n’est pas donnée : la population de votre territoire n’est pas connue, sa strate non plus.',
    peersRule:
      'Sont comparés les territoires de la même catégorie et de la même strate qui ont au moins une fiche publiée : un territoire qui n’a rien documenté n’est pas compté. Seules leurs fiches publiées sont lues.',
    radarTitle: 'Score par enjeu',
    radar: {
      title: (name: string) => `Score de ${name} pour chacun des 16 enjeux du référentiel`,
      description: (name: string, best: string, worst: string) =>
        `Chaque rayon est un enjeu, noté de 0 au centre à 100 au bord. Enjeu le mieux couvert par ${name} : ${best}. Le moins couvert : ${worst}.`,
      series: 'Score',
      categoryLabel: 'Enjeu',
      valueLabel: 'Score sur 100',
      caption: (name: string) => `Score de ${name} par enjeu, sur 100`,
      coverage: 'Couverture',
      axis: 'Axe',
      notConcerned: 'non concerné',
    },
    detailTitle: 'Service par service',
    detailLead:
      'Pour chaque enjeu, les services du référentiel et ce que vos fiches en disent. Un service qui ne concerne pas votre territoire peut être déclaré « non concerné » depuis sa page, avec sa raison : il sort du calcul.',
    themeScore: (s: number | null, c: number | null) => `score ${score(s)}, couverture ${percent(c)}`,
    coveredBy: 'Couvert par',
    notYet: 'Pas encore couvert',
    notConcerned: 'Non concerné',
    notConcernedBecause: (reason: string) => `Non concerné : ${reason}`,
    ignored: 'Déclaration non retenue',
    declareLink: 'Déclarer non concerné',
    reasonLabel: 'Pourquoi ce service ne concerne-t-il pas votre territoire ?',
    reasonHint: 'Par exemple : « pas d’école sur la commune ». La raison est gardée avec la déclaration.',
    declare: 'Déclarer non concerné',
    withdraw: (service: string) => `Retirer la déclaration « non concerné » de ${service}`,
    withdrawShort: 'Retirer la déclaration',
    declared: (service: string) => `« ${service} » est déclaré non concerné : il sort du calcul.`,
    withdrawn: (service: string) => `La déclaration « non concerné » de « ${service} » est retirée : le service compte de nouveau.`,
    leadsTitle: 'Pistes d’action',
    leadsLead:
      'Les enjeux où votre score est le plus bas, les services que vous ne couvrez pas encore, et des initiatives publiées par d’autres territoires qui les couvrent.',
    leadsNone: 'Vos fiches couvrent déjà un service au moins dans chaque enjeu concerné : aucune piste à proposer.',
    leadTheme: (theme: string, s: number | null) => `${theme} (score ${score(s)})`,
    leadServices: 'Services à explorer :',
    leadExamples: 'Ils l’ont fait :',
    leadNoExample: 'Aucun autre territoire n’a encore publié de fiche sur ces services.',
    exampleOf: (title: string, territory: string) => `${title}, ${territory}`,
    evolutionTitle: 'Évolution d’une candidature à l’autre',
    evolutionNone: 'Les scores sont gardés à chaque candidature déposée : votre évolution apparaîtra ici après votre premier dépôt.',
    evolution: {
      caption: (name: string) => `Scores de ${name} à chaque candidature déposée`,
      year: 'Édition',
      overall: 'Score global',
      coverage: 'Couverture',
      submittedAt: 'Déposée le',
      chartTitle: (name: string) => `Évolution du score global de ${name}`,
      chartDescription: (from: number, to: number) => `Score global sur 100 à chaque candidature déposée, de ${from} à ${to}.`,
      submitted: (at: Date) => formatDateTime(at),
    },
    explanationTitle: 'Comment le score est calculé',
    weightsCaption: 'Pondération de chaque état d’avancement',
    statusColumn: 'État de l’initiative',
    weightColumn: 'Pondération',
    fieldLabels: { reason: 'Raison', serviceId: 'Service' },
  },
  /** The page of one service, where it is declared « non concerné » or the declaration withdrawn. */
  service: {
    title: (service: string) => `Auto-évaluation : ${service}`,
    theme: (axis: string, theme: string) => `Axe « ${axis} », enjeu « ${theme} ».`,
    stateTitle: 'Ce que vos fiches en disent',
    declareTitle: 'Ce service ne concerne pas votre territoire ?',
    declareLead:
      'Déclaré « non concerné », avec sa raison, le service sort du calcul : ni l’enjeu, ni l’axe, ni le score global ne le comptent plus. Vous pourrez retirer la déclaration à tout moment.',
    declaredTitle: 'Service déclaré non concerné',
    declaredLead: 'Il ne compte pas dans le calcul. Retirez la déclaration pour qu’il compte de nouveau.',
    coveredNote: 'Une de vos initiatives couvre ce service : il compte dans le calcul et ne peut pas être déclaré non concerné.',
    readOnly: 'Seuls les référents et les contributeurs de votre espace peuvent déclarer un service non concerné.',
    back: 'Retour à l’auto-évaluation',
    unknown: (id: string) => `Ce service n’est pas dans le référentiel : « ${id} ».`,
  },
  workspaceLink: 'Auto-évaluation',
  public: {
    title: 'Auto-évaluation',
    computedFrom: (n: number) =>
      n === 0
        ? 'Calculée à partir des fiches publiées : ce territoire n’en a pas encore, son score est de 0.'
        : n === 1
          ? 'Calculée à partir de la fiche publiée de ce territoire, au regard du référentiel du label ; ses brouillons ne comptent pas.'
          : `Calculée à partir des ${formatNumber(n)} fiches publiées de ce territoire, au regard du référentiel du label ; ses brouillons ne comptent pas.`,
    chartTitle: (name: string) => `Score de ${name} pour chacun des 4 axes du référentiel`,
    chartDescription: 'Chaque rayon est un axe du référentiel, noté de 0 au centre à 100 au bord.',
    caption: (name: string) => `Score de ${name} par axe, sur 100, d’après ses fiches publiées`,
    axis: 'Axe',
    method: 'Le référentiel du label : ses axes, ses enjeux et leurs services',
  },
  api: {
    summary: 'Auto-évaluation publique d’un territoire',
    description:
      'Scores sur 100 calculés à partir des seules fiches publiées du territoire : global, couverture du référentiel, par axe et par enjeu, et sa position parmi les territoires de sa catégorie et de sa strate qui publient des fiches.',
    code: 'Code du territoire (INSEE, SIREN ou reg-NN)',
    overall: 'Score global sur 100 (null si aucun service ne le concerne)',
    coverage: 'Part des services concernés couverts, en %',
    peers: 'Les territoires comparables : même catégorie et même strate, avec au moins une fiche publiée',
    belowPercent: 'Part des territoires comparables au score strictement inférieur, en % entier arrondi vers le bas ; null sous le minimum de territoires',
    notFound: (code: string) => `Territoire inconnu : « ${code} ».`,
  },
  input: {
    reasonTooLong: (max: number) => `La raison tient en ${formatNumber(max)} caractères au plus.`,
    serviceRequired: 'Choisissez le service.',
  },
} as const;
