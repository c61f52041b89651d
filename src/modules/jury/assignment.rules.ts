/** How dossiers are given to jurors. Pure, no I/O. */

/** Whether an assignment was made by the automatic balancing or by an admin's change. */
export const ASSIGNMENT_SOURCES = ['automatic', 'manual'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** Reviewers per dossier when the edition sets none. */
export const DEFAULT_REVIEWERS_PER_DOSSIER = 2;
export const REVIEWERS_PER_DOSSIER_RANGE = { min: 1, max: 5 } as const;
