import { emit } from '../../platform/events.ts';
import type { Db } from '../../platform/db/database.ts';

/** What of a territory's responsible digital its public page may show (see publicity.service.ts). */
export type NrPublicPart = 'maturity' | 'charter' | 'indicators' | 'roadmap' | 'publicity';

// The events the nr module emits, inside the transaction that made the change.
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Something a territory may show on its public page changed (a completed diagnostic, a signature, a value, an action, its choices). */
    'nr.publicPartChanged': { territoryCode: string; part: NrPublicPart };
  }
}

/** Tells the others that a part a territory may make public changed (whether it is public or not: that may change too). */
export const publicPartChanged = (tx: Db, territoryCode: string, part: NrPublicPart) => emit(tx, 'nr.publicPartChanged', { territoryCode, part });
