// The events the jury module emits, inside the transaction that made the change. Each helper of the
// jury (jurors, reviews, deliberation, publication) declares its own below; the audit log listens.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A juror was invited to, or removed from, an edition's jury. */
    'juror.changed': { year: number; jurorId: string; userId: string; change: 'invited' | 'removed'; by: string | null };
  }
}
export {};
