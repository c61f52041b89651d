// The events the organisation module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** The admin saved the organisation's settings: the names of the fields that changed (never their values). */
    'organisation.settings.changed': { fields: string[]; by: string };
  }
}
export {};
