// The events the jury module emits, inside the transaction that made the change; the audit log listens.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A juror was invited to, or removed from, an edition's jury. */
    'juror.changed': { year: number; jurorId: string; userId: string; change: 'invited' | 'removed'; by: string | null };
    /** A conflict of interest was declared for a juror, or removed (by the juror or the staff). */
    'juror.conflictChanged': { year: number; jurorId: string; conflictId: number; kind: string; change: 'declared' | 'removed'; by: string | null };
    /** The automatic assignment ran: how many assignments it made, kept, and how many dossiers lack reviewers. */
    'assignments.generated': { year: number; assigned: number; kept: number; shortfalls: number; by: string | null };
    /** A juror handed in their review of a dossier. */
    'review.submitted': { year: number; applicationId: string; jurorId: string; territoryCode: string; by: string | null };
    /** An admin gave a dossier to a juror or took it back. */
    'assignment.changed': { year: number; applicationId: string; jurorId: string; change: 'added' | 'removed'; by: string | null };
    /** The staff saved the jury's parameters of an edition (the figures, for the audit log). */
    'jury.parametersSaved': { year: number; reviewersPerDossier: number; levelThresholds: number[]; reviewWeight: number; version: number; by: string | null };
    /** The staff recorded (or changed) the jury's decision on a dossier: pending until the publication. */
    'deliberation.recorded': { year: number; applicationId: string; territoryCode: string; level: number; version: number; by: string | null };
    /** The staff scheduled an edition's publication: its results are written, under embargo until `at`. */
    'publication.scheduled': { year: number; at: Date; laureates: number; by: string | null };
    /** The staff took a scheduled publication back before its instant. */
    'publication.cancelled': { year: number; by: string | null };
  }
}
export {};
