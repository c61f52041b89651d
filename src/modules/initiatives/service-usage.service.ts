import { and, countDistinct, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { ServiceUsageSource } from '../referential/service-usage.port.ts';
import { initiatives, initiativeServices } from './schema.ts';

// What the referential's publication summary asks: the sheets a retired, renamed or moved service
// concerns. Every sheet not deleted counts, drafts included: the territory sees them all.

async function countSheets(db: Db, serviceIds: readonly string[]): Promise<{ byService: Map<string, number>; total: number }> {
  if (serviceIds.length === 0) return { byService: new Map(), total: 0 };
  const where = and(inArray(initiativeServices.serviceId, [...serviceIds]), isNull(initiatives.deletedAt));
  const rows = await db
    .select({ serviceId: initiativeServices.serviceId, n: countDistinct(initiativeServices.initiativeId) })
    .from(initiativeServices)
    .innerJoin(initiatives, eq(initiatives.id, initiativeServices.initiativeId))
    .where(where)
    .groupBy(initiativeServices.serviceId);
  const [all] = await db
    .select({ n: countDistinct(initiativeServices.initiativeId) })
    .from(initiativeServices)
    .innerJoin(initiatives, eq(initiatives.id, initiativeServices.initiativeId))
    .where(where);
  return { byService: new Map(rows.map((r) => [r.serviceId, Number(r.n)])), total: Number(all?.n ?? 0) };
}

export const initiativeServiceUsage: ServiceUsageSource = { countSheets };
