import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { InitiativeStatus } from './initiative.rules.ts';
import { initiatives, initiativeServices } from './schema.ts';

// What the self-assessment (campaign) reads of sheets: which services they cover, with their status.
// Deleted sheets never count; `public` reads only published ones (what anyone may see).

export type AssessableScope = 'all' | 'public';

/** A sheet as the self-assessment scores it. */
export type AssessableInitiative = { id: string; territoryCode: string; title: string; status: InitiativeStatus; serviceIds: string[] };

const notDeleted = isNull(initiatives.deletedAt);
const isPublic = and(eq(initiatives.visibility, 'public'), notDeleted);

/** The sheets of some territories (one query for the sheets, one for their services), in title order. */
export async function listAssessableInitiatives(db: Db, territoryCodes: readonly string[], scope: AssessableScope): Promise<AssessableInitiative[]> {
  if (territoryCodes.length === 0) return [];
  const rows = await db
    .select({ id: initiatives.id, territoryCode: initiatives.territoryCode, title: initiatives.title, status: initiatives.status })
    .from(initiatives)
    .where(and(inArray(initiatives.territoryCode, [...territoryCodes]), scope === 'public' ? isPublic : notDeleted))
    .orderBy(initiatives.title);
  return withServices(db, rows);
}

/** The territories (their codes) with at least one public sheet, the one given excepted. */
export async function territoriesWithPublicSheets(db: Db, except?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: initiatives.territoryCode })
    .from(initiatives)
    .where(except === undefined ? isPublic : and(isPublic, ne(initiatives.territoryCode, except)));
  return rows.map((r) => r.code);
}

/**
 * Public sheets of other territories covering at least one of these services, most recently
 * published first, at most `limit`: the examples of « pistes d’action ».
 */
export async function listPublicInitiativesCovering(
  db: Db,
  serviceIds: readonly string[],
  options: { exceptTerritory: string; limit: number },
): Promise<AssessableInitiative[]> {
  if (serviceIds.length === 0) return [];
  const covering = db
    .select({ id: initiativeServices.initiativeId })
    .from(initiativeServices)
    .where(inArray(initiativeServices.serviceId, [...serviceIds]));
  const rows = await db
    .select({ id: initiatives.id, territoryCode: initiatives.territoryCode, title: initiatives.title, status: initiatives.status })
    .from(initiatives)
    .where(and(isPublic, ne(initiatives.territoryCode, options.exceptTerritory), inArray(initiatives.id, covering)))
    .orderBy(sql`${initiatives.publishedAt} desc nulls last`, desc(initiatives.id))
    .limit(options.limit);
  return withServices(db, rows);
}

async function withServices(db: Db, rows: Omit<AssessableInitiative, 'serviceIds'>[]): Promise<AssessableInitiative[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ initiativeId: initiativeServices.initiativeId, serviceId: initiativeServices.serviceId })
    .from(initiativeServices)
    .where(
      inArray(
        initiativeServices.initiativeId,
        rows.map((r) => r.id),
      ),
    );
  const byInitiative = new Map<string, string[]>();
  for (const link of links) byInitiative.set(link.initiativeId, [...(byInitiative.get(link.initiativeId) ?? []), link.serviceId]);
  return rows.map((row) => ({ ...row, serviceIds: byInitiative.get(row.id) ?? [] }));
}
