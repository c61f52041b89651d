import { formatNumber } from '../../platform/views/format.ts';
import type { ConflictKind } from './conflicts.rules.ts';

/** French texts of the jury's administration, the juror's declaration of conflicts and the assignment. */
export const juryMessages = {
  card: { title: 'Jury', summary: 'Jurés de chaque édition, conflits d’intérêts et répartition des dossiers.' },
  title: (year: number) => `Jury du label ${year}`,
  lead: 'Chaque dossier déposé est confié à des jurés sans conflit d’intérêts avec le territoire. Un juré ne voit jamais un dossier avec lequel il est en conflit.',
  conflictKinds: {
    member: 'Membre du territoire',
    nested: 'Territoire lié (commune, intercommunalité, département ou région)',
    department: 'Département déclaré',
    territory: 'Territoire déclaré',
    other: 'Autre raison',
  } satisfies Record<ConflictKind, string>,
  sources: { derived: 'relevé automatiquement', juror: 'déclaré par le juré', admin: 'ajouté par l’équipe du label' },
  fields: {
    email: 'Adresse électronique',
    displayName: 'Nom',
    expertise: 'Expertise (universitaire, journaliste, experte…)',
    greenReviewer: 'Évalue l’« @ verte » (numérique responsable)',
    kind: 'Type de conflit',
    departmentCode: 'Département',
    territoryCode: 'Territoire (code officiel)',
    reason: 'Raison',
  },
  errors: {
    email: 'Adresse électronique invalide.',
    displayName: 'Le nom fait au plus 120 caractères.',
    expertise: 'L’expertise fait au plus 200 caractères.',
    kind: 'Type de conflit inconnu : département, territoire ou autre.',
    departmentCode: 'Département inconnu.',
    territoryCode: 'Territoire inconnu : donnez son code officiel (INSEE ou SIREN).',
    reason: 'Donnez la raison du conflit (500 caractères au plus).',
    adminCannotSit: 'Un compte administrateur ne peut pas siéger au jury : invitez une autre adresse.',
    alreadyJuror: 'Cette personne fait déjà partie du jury de cette édition.',
    duplicateConflict: 'Ce conflit est déjà déclaré.',
    jurorNotFound: 'Ce juré ne fait pas partie du jury de cette édition.',
    conflictNotFound: 'Ce conflit n’existe pas ou ne peut pas être retiré.',
    editionNotFound: 'Cette édition n’existe pas.',
    notYourJury: 'Vous ne faites pas partie du jury de cette édition.',
    juryClosed: 'Le jury de cette édition ne change plus : elle est délibérée ou publiée.',
    assignmentClosed: 'La répartition se fait une fois les candidatures closes, avant la délibération.',
    hasStartedReviews: 'Ce juré a commencé des évaluations : il ne peut plus être retiré.',
    reviewStarted: 'L’évaluation de ce dossier est commencée : l’affectation est gardée.',
    conflicted: (kinds: string) => `Ce juré est en conflit d’intérêts avec ce territoire (${kinds}).`,
    dossierNotFound: 'Ce dossier n’est pas déposé pour cette édition.',
    alreadyAssigned: 'Ce juré évalue déjà ce dossier.',
  },
  email: {
    subject: (year: number) => `Jury du label ${year}`,
    body: (p: { year: number; link: string }) =>
      `Bonjour,\n\nVous faites partie du jury du label ${p.year}. Avant de recevoir vos dossiers, déclarez vos conflits d’intérêts : ${p.link}\n\nMerci de votre engagement.\nL’équipe du label`,
  },
  assignment: {
    done: (n: number, shortfalls: number) =>
      `${formatNumber(n)} affectation(s)${shortfalls ? ` ; ${formatNumber(shortfalls)} dossier(s) sans assez de jurés sans conflit` : ''}.`,
  },
} as const;
