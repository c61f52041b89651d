// The events the territories module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** The official list was imported again (names, populations, strata may have changed). */
    'territories.imported': { total: number };
  }
}
export {};
