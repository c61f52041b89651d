// The events the referential module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A referential version became the one in force: services may be renamed, moved or retired. */
    'referential.published': { version: string; by: string | null };
  }
}
export {};
