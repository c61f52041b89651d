import type { Db } from '../../platform/db/database.ts';

/**
 * How many initiative sheets cover some services: the initiatives module answers it (it comes after
 * this one in the module order, so this module cannot ask it directly). The composition root
 * provides it at start-up (src/app/modules.ts).
 */
export type ServiceUsageSource = {
  /** The sheets (not deleted, draft or public) covering each of these services, and how many distinct sheets in all. */
  countSheets: (db: Db, serviceIds: readonly string[]) => Promise<{ byService: Map<string, number>; total: number }>;
};

let provided: ServiceUsageSource | undefined;

/** Called once by the composition root. */
export function provideServiceUsage(source: ServiceUsageSource): void {
  provided = source;
}

/** The provided source; a missing one is a wiring mistake of the composition root. */
export function serviceUsage(): ServiceUsageSource {
  if (!provided) throw new Error('No ServiceUsageSource: src/app/modules.ts provides it at start-up');
  return provided;
}
