import type { ApplicationContacts } from '../campaign/application.schema.ts';

/** The demo's people a newcomer logs in as (the command prints a one-time link for each). */
export const DEMO_PEOPLE = {
  admin: { email: 'admin@demo.arobase.example', displayName: 'Camille Laurent (équipe du label)', role: 'admin' },
  referent: {
    email: 'referent.trelaze@demo.arobase.example',
    displayName: 'Julie Martin (Trélazé)',
    role: 'member',
    territoryCode: '49353',
    territoryRole: 'referent',
  },
  juror: { email: 'jure@demo.arobase.example', displayName: 'Paul Renaud (jury)', role: 'juror' },
} as const;

/** A dossier of the demo campaign and how far it has gone. */
export type DemoDossier = {
  territoryCode: string;
  stage: 'started' | 'ready' | 'submitted' | 'reopened';
  referent: { email: string; displayName: string; role: 'member'; territoryCode: string; territoryRole: 'referent' };
  contacts: ApplicationContacts;
  reopenReason?: string;
};

const referent = (territoryCode: string, email: string, displayName: string) => ({
  email,
  displayName,
  role: 'member' as const,
  territoryCode,
  territoryRole: 'referent' as const,
});

export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  {
    territoryCode: '49353',
    stage: 'ready',
    referent: referent('49353', DEMO_PEOPLE.referent.email, DEMO_PEOPLE.referent.displayName),
    contacts: {
      elected: { name: 'Marc Goua', role: 'Maire', email: 'maire@trelaze.example.fr' },
      agent: { name: 'Julie Martin', role: 'Responsable du numérique', email: 'numerique@trelaze.example.fr', phone: '02 41 00 00 00' },
    },
  },
  {
    territoryCode: '76709',
    stage: 'submitted',
    referent: referent('76709', 'referent.letrait@demo.arobase.example', 'Référent du Trait'),
    contacts: {
      elected: { name: 'Élu au numérique du Trait', role: 'Adjoint au numérique' },
      agent: { name: 'Direction générale des services', email: 'dgs@letrait.example.fr' },
    },
  },
  {
    territoryCode: '200041499',
    stage: 'reopened',
    referent: referent('200041499', 'referent.aunis@demo.arobase.example', 'Référente d’Aunis Atlantique'),
    contacts: {
      elected: { name: 'Vice-président au numérique', role: 'Vice-président' },
      agent: { name: 'Chargée de mission numérique', email: 'numerique@aunisatlantique.example.fr' },
    },
    reopenReason: 'Le dossier ne dit pas quelles communes membres ont participé à la médiation numérique : ajoutez-le dans la fiche, puis déposez de nouveau.',
  },
  {
    territoryCode: '77475',
    stage: 'started',
    referent: referent('77475', 'referent.trilport@demo.arobase.example', 'Référent de Trilport'),
    contacts: {},
  },
];

/** The interview's answers of the demo territories, in the words of the seed articles' people. */
export const DEMO_INTERVIEWS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '49353': {
    'action-phare':
      'La dématérialisation des démarches des familles : inscriptions à l’école, à la cantine et au centre de loisirs se font en ligne, et l’accueil de la mairie aide celles et ceux qui n’ont pas d’ordinateur.',
    'premier-souvenir': 'Le bruit du modem, à la médiathèque, et la première page de la ville faite par un agent passionné.',
    'prochains-projets': 'Redistribuer davantage d’ordinateurs reconditionnés aux familles et ouvrir un atelier de réparation avec les associations.',
  },
  '76709': {
    'action-phare': 'Le diagnostic numérique responsable mené avec la direction et l’élu, et les quatre premières actions choisies ensemble.',
    'premier-souvenir': 'Un courriel envoyé depuis la salle informatique du collège.',
    'prochains-projets': 'Signer la charte et suivre chaque année le volume des boîtes aux lettres.',
  },
  '77475': {
    'action-phare':
      'Qwant Junior dans les écoles : les élèves cherchent sur Internet avec un moteur fait pour eux, dans des classes toutes équipées de vidéoprojecteurs interactifs.',
    'premier-souvenir': 'Le premier conseil municipal filmé et diffusé en ligne : des habitants l’ont regardé depuis chez eux.',
    'prochains-projets': 'Accompagner les seniors au numérique avec l’association d’aide à domicile et le CCAS.',
  },
};
