// The events the label module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Results of these territories were recorded or changed (an import, a deliberation, a publication). */
    'results.changed': { territoryCodes: readonly string[]; years: readonly number[]; importId: string | null; by: string | null };
  }
}
export {};
