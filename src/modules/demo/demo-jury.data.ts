// The demo's jury at work (`seed-demo --jury`): two more jurors, the reviews each one writes and the
// one decision the staff record. Invented people and addresses (@demo.arobase.example); the reviews'
// words follow the seed articles' actions.
import type { ApplicationContacts } from '../campaign/application.schema.ts';
import type { DeclaredConflictInput } from '../jury/juror-conflicts.service.ts';

/** The jurors `--jury` invites beside the demo juror: one of them reviews for the « @ verte ». */
export const DEMO_JURY_JURORS = [
  {
    email: 'sophie.bernard@demo.arobase.example',
    displayName: 'Sophie Bernard (jury)',
    expertise: 'Directrice des services numériques d’une communauté de communes',
    greenReviewer: false,
  },
  {
    email: 'karim.haddad@demo.arobase.example',
    displayName: 'Karim Haddad (jury)',
    expertise: 'Consultant en numérique responsable',
    greenReviewer: true,
  },
] as const;

/**
 * What the demo juror declares beside the département the staff declared: they advised Trilport, so
 * the automatic assignment gives them two dossiers (Le Trait and Aunis Atlantique), one handed in, one in progress.
 */
export const DEMO_JUROR_EXTRA_CONFLICT: Extract<DeclaredConflictInput, { kind: 'other' }> = {
  kind: 'other',
  territoryCode: '77475',
  reason: 'J’ai accompagné la mairie de Trilport dans son diagnostic numérique en 2025.',
};

/** The contacts of the dossiers the default demo leaves just started (Trilport's), filled by their referent before the closing. */
export const DEMO_JURY_CONTACTS: Readonly<Record<string, ApplicationContacts>> = {
  '77475': {
    elected: { name: 'Adjointe au numérique de Trilport', role: 'Adjointe au maire', email: 'elue.numerique@trilport.example.fr' },
    agent: { name: 'Cabinet du maire', role: 'Délégation au numérique', email: 'numerique@trilport.example.fr' },
  },
};

/**
 * What a referent brings up to date before filling a dossier with no sheet that counts (Trilport's are
 * done without end date, or planned): by title, the change made through the sheet's editor.
 */
export const DEMO_JURY_SHEET_UPDATES: Readonly<Record<string, readonly { title: string; patch: { status: 'in_progress' } }[]>> = {
  // The experiments with the home-help association and the CCAS have begun.
  '77475': [{ title: 'Inclusion numérique des seniors', patch: { status: 'in_progress' } }],
};

export const DEMO_JURY_REASONS = {
  close: 'Clôture anticipée pour la démonstration : les quatre dossiers sont déposés.',
  startReview: 'Les dossiers sont déposés et le jury est constitué : les jurés commencent leurs évaluations.',
} as const;

/** A review as a juror writes it: a level (the themes scored around it), and their comments. */
export type DemoReview = {
  level: number;
  /** Handed in; else a draft with the first themes scored only and no level yet. */
  submitted: boolean;
  /** Whether the « @ verte » is proposed (when the edition offers it and the juror reviews for it). */
  green?: boolean;
  juryComment: string;
  publicComment: string;
};

/**
 * The reviews of each dossier, by territory: `demoJuror` is jure@demo's, `others` the invited jurors'
 * in the order of their e-mail addresses. Le Trait's two reviews are two levels apart, so the
 * deliberation's agenda flags it.
 */
export const DEMO_REVIEWS: Readonly<Record<string, { demoJuror?: DemoReview; others: DemoReview[] }>> = {
  '49353': {
    others: [
      {
        level: 5,
        submitted: true,
        green: true,
        juryComment: 'Dossier très complet : chaque action a ses indicateurs et ses partenaires.',
        publicComment: 'Une politique numérique suivie depuis dix ans, attentive aux familles comme à l’impact des équipements.',
      },
      {
        level: 5,
        submitted: true,
        green: true,
        juryComment: 'Le reconditionnement est exemplaire ; l’écoconception des services reste à mesurer.',
        publicComment: 'Le reconditionnement des ordinateurs, pour les agents comme pour les familles, montre la voie d’un numérique sobre.',
      },
    ],
  },
  '76709': {
    demoJuror: {
      level: 3,
      submitted: true,
      juryComment: 'Les actions sont récentes : le diagnostic est fait, les résultats restent à venir.',
      publicComment: 'Une démarche de numérique responsable bien engagée, à poursuivre dans la durée.',
    },
    others: [
      {
        level: 5,
        submitted: true,
        green: true,
        juryComment: 'Pour une commune de cette taille, la collecte des smartphones et le diagnostic sont remarquables.',
        publicComment: 'La collecte des smartphones dans les services publics a trouvé son public : trois boîtes sur quatre sont déjà remplies.',
      },
    ],
  },
  '200041499': {
    demoJuror: {
      level: 4,
      submitted: false,
      juryComment: 'À compléter après lecture des fiches sur la médiation numérique.',
      publicComment: '',
    },
    others: [
      {
        level: 4,
        submitted: true,
        juryComment: 'Le dossier complété dit désormais quelles communes membres ont participé.',
        publicComment: 'Une médiation numérique partagée entre les communes de l’intercommunalité, au plus près des habitants.',
      },
    ],
  },
  '77475': {
    others: [
      {
        level: 4,
        submitted: true,
        juryComment: 'Les écoles et les démarches en ligne sont bien équipées ; l’inclusion des seniors n’est encore qu’un projet.',
        publicComment: 'Des classes équipées et un moteur de recherche adapté aux élèves : le numérique éducatif y est une priorité de longue date.',
      },
      {
        level: 5,
        submitted: true,
        juryComment: 'Une politique constante depuis 2016, du conseil municipal filmé au télépaiement à toute heure.',
        publicComment: 'Une commune qui ouvre ses démarches et son conseil municipal à tous, à toute heure.',
      },
    ],
  },
};

/** The one decision the staff record during the demo's deliberation; the others are left to decide. */
export const DEMO_DECISION = {
  territoryCode: '49353',
  level: 5,
  green: true,
  rationale: 'Les deux évaluations proposent 5 @ et le juré chargé de l’« @ verte » la propose : le jury suit leur avis.',
  publicComment: 'Trélazé confirme son niveau le plus haut, et son attention à un numérique sobre et solidaire.',
} as const;
