// The events the campaign module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A dossier was started, saved, given a photo, submitted or reopened (the audit log and, later, the jury listen). */
    'application.changed': {
      applicationId: string;
      year: number;
      territoryCode: string;
      change: 'created' | 'saved' | 'photo' | 'submitted' | 'reopened';
      by: string | null;
      reason?: string;
    };
    /** An administrator saved the questionnaire of a category for an edition (its new version). */
    'questionnaire.saved': { year: number; category: string; version: number; questions: number; by: string | null };
    /** An administrator saved the self-assessment's weights of an edition (no audit action yet: it needs a migration). */
    /** A territory declared a service « non concerné », or withdrew it (its public self-assessment counts differently). */
    'selfAssessment.exclusionChanged': { territoryCode: string; serviceId: string; change: 'declared' | 'withdrawn'; by: string | null };
    'selfAssessment.parametersSaved': { year: number; statusWeights: Record<'done' | 'in_progress' | 'planned' | 'abandoned', number>; by: string | null };
  }
}
export {};
