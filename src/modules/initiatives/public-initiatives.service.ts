import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { describeServices } from '../referential/referential.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import type { InitiativeStatus } from './initiative.rules.ts';
import { serviceIdsOf } from './initiative-sheet.service.ts';
import { initiativeActors, initiatives } from './schema.ts';

export type PublicInitiativeCard = {
  id: string;
  title: string;
  summary: string;
  status: InitiativeStatus;
  territory: { code: string; name: string };
  themes: { id: string; name: string }[];
  publishedAt: Date | null;
};

const isPublic = and(eq(initiatives.visibility, 'public'), isNull(initiatives.deletedAt));

/** Public sheets of a territory or of an actor, most recently published first. */
export async function listPublicInitiativeCards(db: Db, filter: { territoryCode?: string; actorId?: string }, limit = 200): Promise<PublicInitiativeCard[]> {
  const conditions = [isPublic];
  if (filter.territoryCode) conditions.push(eq(initiatives.territoryCode, filter.territoryCode));
  if (filter.actorId) {
    conditions.push(inArray(initiatives.id, db.select({ id: initiativeActors.initiativeId }).from(initiativeActors).where(eq(initiativeActors.actorId, filter.actorId))));
  }
  const rows = await db
    .select({ id: initiatives.id, title: initiatives.title, summary: initiatives.summary, status: initiatives.status, territoryCode: initiatives.territoryCode, publishedAt: initiatives.publishedAt })
    .from(initiatives)
    .where(and(...conditions))
    .orderBy(desc(initiatives.publishedAt), initiatives.title)
    .limit(limit);
  return cardsOf(db, rows);
}

async function cardsOf(
  db: Db,
  rows: { id: string; title: string; summary: string; status: InitiativeStatus; territoryCode: string; publishedAt: Date | null }[],
): Promise<PublicInitiativeCard[]> {
  if (rows.length === 0) return [];
  const servicesByInitiative = await serviceIdsOf(db, rows.map((r) => r.id));
  const [services, territories] = await Promise.all([
    describeServices(db, [...new Set([...servicesByInitiative.values()].flat())]),
    getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))]),
  ]);
  const territoryNames = new Map(territories.map((t) => [t.code, t.name]));
  return rows.map((row) => {
    const themes = new Map<string, string>();
    for (const id of servicesByInitiative.get(row.id) ?? []) {
      const service = services.get(id);
      if (service) themes.set(service.theme.id, service.theme.name);
    }
    return {
      id: row.id,
      title: row.title,
      summary: row.summary,
      status: row.status,
      territory: { code: row.territoryCode, name: territoryNames.get(row.territoryCode) ?? row.territoryCode },
      themes: [...themes].map(([id, name]) => ({ id, name })),
      publishedAt: row.publishedAt,
    };
  });
}
