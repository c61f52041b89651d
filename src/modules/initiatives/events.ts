// The events the initiatives module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Sheets were created, edited, published, unpublished, moderated, deleted or restored. */
    'initiative.changed': { initiativeIds: readonly string[] };
  }
}
export {};
