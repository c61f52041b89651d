// The events the label module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Results of these territories were recorded or changed (an import, a deliberation, a publication). */
    'results.changed': { territoryCodes: readonly string[]; years: readonly number[]; importId: string | null; by: string | null };
    /** A new edition was prepared, copying `basedOn`'s settings when set: other modules copy theirs (questionnaires…). */
    'edition.created': { year: number; basedOn: number | null; by: string | null };
    /** An edition moved from one state to another: by the calendar (`by` null) or by an administrator with a reason. */
    'edition.stateChanged': { year: number; from: string; to: string; reason: string | null; by: string | null };
    /** An edition's scheduled publication came: marked published once, by whichever process got there first. */
    'edition.published': { year: number; territoryCodes: readonly string[]; baseUrl: string };
  }
}
export {};
