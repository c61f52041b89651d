import type { RevisionEvent } from './revisions.service.ts';

// The events the initiatives module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /**
     * Sheets were created, edited, published, unpublished, moderated, deleted or restored (`change`,
     * as their revision history names it), by that person (null: the system).
     */
    'initiative.changed': { initiativeIds: readonly string[]; territoryCode: string; change: RevisionEvent; by: string | null };
  }
}
export {};
