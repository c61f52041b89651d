import type { Question, QuestionOption } from '../../platform/questionnaire/questionnaire.schema.ts';

/** Helpers and option lists shared by the default questionnaires (default-questionnaires.data.ts). */

/** A required yes/no question. */
export const yesNo = (id: string, label: string, help?: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: 'yes_no',
  label,
  required: true,
  ...(help ? { help } : {}),
  ...extra,
});
/** A choice question from [value, label] pairs: a single choice is required, a multiple one (possibly none ticked) is not. */
export const choice = (
  kind: 'single_choice' | 'multiple_choice',
  id: string,
  label: string,
  options: [string, string][],
  help?: string,
  extra: Partial<Question> = {},
): Question => ({
  id,
  kind,
  label,
  required: kind === 'single_choice',
  options: options.map(([value, text]): QuestionOption => ({ value, label: text })),
  ...(help ? { help } : {}),
  ...extra,
});
/** A single-choice question. */
export const one = (id: string, label: string, options: [string, string][], help?: string, extra?: Partial<Question>) =>
  choice('single_choice', id, label, options, help, extra);
/** A multiple-choice question. */
export const many = (id: string, label: string, options: [string, string][], help?: string, extra?: Partial<Question>) =>
  choice('multiple_choice', id, label, options, help, extra);

// Lists shared by several questionnaires.
/** Online procedures a town may offer. */
export const ONLINE_PROCEDURES: [string, string][] = [
  ['paiement', 'Paiement en ligne (cantine, périscolaire, factures)'],
  ['periscolaire', 'Inscriptions scolaires et périscolaires'],
  ['rendez-vous', 'Prise de rendez-vous (état civil, passeports, élus)'],
  ['signalement', 'Signalement d’un problème sur l’espace public'],
  ['salles', 'Réservation de salles ou de matériel'],
  ['urbanisme', 'Dépôt des demandes d’urbanisme'],
  ['aucune', 'Aucune pour l’instant'],
];
/** Responsible-digital measures (the seeds' quick wins). */
export const RESPONSIBLE_DIGITAL: [string, string][] = [
  ['reconditionne', 'Achat de matériel reconditionné ou réemploi du matériel'],
  ['duree-de-vie', 'Allongement de la durée d’usage des ordinateurs et téléphones'],
  ['extinction', 'Extinction des équipements la nuit et le week-end'],
  ['impression', 'Impression en noir et blanc et recto verso par défaut'],
  ['collecte', 'Collecte des téléphones et ordinateurs usagés'],
  ['sobriete-site', 'Site internet sobre (pages légères, peu de vidéos)'],
  ['aucune', 'Aucune pour l’instant'],
];
/** Cybersecurity basics. */
export const CYBERSECURITY: [string, string][] = [
  ['sauvegarde', 'Sauvegardes régulières conservées hors des locaux, et déjà restaurées pour essai'],
  ['sensibilisation', 'Sensibilisation des agents et des élus (hameçonnage, mots de passe)'],
  ['audit', 'Audit ou diagnostic de sécurité'],
  ['referent', 'Une personne désignée pour la sécurité informatique'],
  ['plan-crise', 'Procédure écrite en cas de cyberattaque'],
  ['aucune', 'Rien de cela pour l’instant'],
];
/** Ways of helping inhabitants far from digital (médiation, inclusion). */
export const MEDIATION: [string, string][] = [
  ['conseiller', 'Conseiller numérique (de la commune, de l’intercommunalité ou du département)'],
  ['france-services', 'France services'],
  ['ateliers', 'Ateliers d’initiation (seniors, demandeurs d’emploi, parents)'],
  ['accueil', 'Aide aux démarches à l’accueil de la mairie'],
  ['aidants-connect', 'Aidants Connect (démarches faites pour le compte d’un habitant)'],
  ['materiel', 'Prêt ou don d’ordinateurs reconditionnés'],
  ['aucun', 'Aucun pour l’instant'],
];
/** Whether open data is published. */
export const OPEN_DATA: [string, string][] = [
  ['regulier', 'Oui, plusieurs jeux de données tenus à jour'],
  ['quelques', 'Oui, quelques jeux de données'],
  ['non', 'Non'],
  ['ne-sait-pas', 'Je ne sais pas'],
];
/** Cooperation with the intercommunality. */
export const INTERCOMMUNALITY: [string, string][] = [
  ['mutualise', 'Des services numériques sont mutualisés (informatique, site, conseiller numérique…)'],
  ['ponctuel', 'Nous coopérons sur certains projets'],
  ['aucune', 'Pas de coopération sur le numérique pour l’instant'],
];
