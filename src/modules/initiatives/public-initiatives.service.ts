import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { describeServices, type ServiceSummary } from '../referential/referential.service.ts';
import { getTerritoriesByCodes } from '../territories/search-territories.service.ts';
import type { Audience, Indicator, InitiativeStatus } from './initiative.rules.ts';
import { serviceIdsOf } from './initiative-sheet.service.ts';
import { initiativeActors, initiativeIndicators, initiatives, initiativeServices } from './schema.ts';

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
    conditions.push(
      inArray(initiatives.id, db.select({ id: initiativeActors.initiativeId }).from(initiativeActors).where(eq(initiativeActors.actorId, filter.actorId))),
    );
  }
  const rows = await db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      summary: initiatives.summary,
      status: initiatives.status,
      territoryCode: initiatives.territoryCode,
      publishedAt: initiatives.publishedAt,
    })
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
  const servicesByInitiative = await serviceIdsOf(
    db,
    rows.map((r) => r.id),
  );
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

/** A public sheet as open data publishes it: its content, named services (with theme and axis), actors and indicators. */
export type PublicInitiativeRecord = {
  id: string;
  title: string;
  summary: string;
  /** The sheet's description as stored and typed: Markdown source. */
  description: string;
  status: InitiativeStatus;
  territory: { code: string; name: string };
  startDate: string | null;
  endDate: string | null;
  services: ServiceSummary[];
  audiences: Audience[];
  responsibleDigital: boolean;
  actors: { id: string; name: string }[];
  /** In the sheet's order. */
  indicators: Indicator[];
  updatedAt: Date;
  publishedAt: Date | null;
};

/**
 * Every public sheet (drafts and deleted sheets never), oldest published first then by id, for the
 * open-data exports. Links are read by joins on the public sheets, not by long lists of ids.
 */
export async function listPublicInitiativeRecords(db: Db): Promise<PublicInitiativeRecord[]> {
  const [rows, serviceLinks, actorLinks, indicatorRows] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        summary: initiatives.summary,
        description: initiatives.description,
        status: initiatives.status,
        territoryCode: initiatives.territoryCode,
        startDate: initiatives.startDate,
        endDate: initiatives.endDate,
        audiences: initiatives.audiences,
        responsibleDigital: initiatives.responsibleDigital,
        updatedAt: initiatives.updatedAt,
        publishedAt: initiatives.publishedAt,
      })
      .from(initiatives)
      .where(isPublic)
      .orderBy(asc(initiatives.publishedAt), asc(initiatives.id)),
    db
      .select({ initiativeId: initiativeServices.initiativeId, serviceId: initiativeServices.serviceId })
      .from(initiativeServices)
      .innerJoin(initiatives, eq(initiatives.id, initiativeServices.initiativeId))
      .where(isPublic),
    db
      .select({ initiativeId: initiativeActors.initiativeId, actorId: initiativeActors.actorId })
      .from(initiativeActors)
      .innerJoin(initiatives, eq(initiatives.id, initiativeActors.initiativeId))
      .where(isPublic),
    db
      .select({
        initiativeId: initiativeIndicators.initiativeId,
        label: initiativeIndicators.label,
        value: initiativeIndicators.value,
        unit: initiativeIndicators.unit,
        date: initiativeIndicators.measuredOn,
      })
      .from(initiativeIndicators)
      .innerJoin(initiatives, eq(initiatives.id, initiativeIndicators.initiativeId))
      .where(isPublic)
      .orderBy(asc(initiativeIndicators.initiativeId), asc(initiativeIndicators.position), asc(initiativeIndicators.id)),
  ]);
  if (rows.length === 0) return [];
  const group = (links: { initiativeId: string; id: string }[]) => {
    const byInitiative = new Map<string, string[]>();
    for (const link of links) {
      const list = byInitiative.get(link.initiativeId);
      if (list) list.push(link.id);
      else byInitiative.set(link.initiativeId, [link.id]);
    }
    return byInitiative;
  };
  const servicesOf = group(serviceLinks.map((l) => ({ initiativeId: l.initiativeId, id: l.serviceId })));
  const actorsOf = group(actorLinks.map((l) => ({ initiativeId: l.initiativeId, id: l.actorId })));
  const indicatorsOf = new Map<string, Indicator[]>();
  for (const { initiativeId, ...indicator } of indicatorRows) {
    const entry = { label: indicator.label, value: Number(indicator.value), unit: indicator.unit, date: indicator.date };
    const list = indicatorsOf.get(initiativeId);
    if (list) list.push(entry);
    else indicatorsOf.set(initiativeId, [entry]);
  }
  const [services, actors, territories] = await Promise.all([
    describeServices(db, [...new Set(serviceLinks.map((l) => l.serviceId))]),
    getActorsByIds(db, [...new Set(actorLinks.map((l) => l.actorId))]),
    getTerritoriesByCodes(db, [...new Set(rows.map((r) => r.territoryCode))]),
  ]);
  const actorNames = new Map(actors.map((a) => [a.id, a.name]));
  const territoryNames = new Map(territories.map((t) => [t.code, t.name]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    status: row.status,
    territory: { code: row.territoryCode, name: territoryNames.get(row.territoryCode) ?? row.territoryCode },
    startDate: row.startDate,
    endDate: row.endDate,
    services: (servicesOf.get(row.id) ?? [])
      .map((id) => services.get(id))
      .filter((s): s is ServiceSummary => s !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id)),
    audiences: [...row.audiences],
    responsibleDigital: row.responsibleDigital,
    actors: (actorsOf.get(row.id) ?? []).map((id) => ({ id, name: actorNames.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    indicators: indicatorsOf.get(row.id) ?? [],
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  }));
}

/** How many sheets are public, and when the latest of them changed (null when there is none). */
export async function summarisePublicInitiatives(db: Db): Promise<{ total: number; lastUpdatedAt: Date | null }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, lastUpdatedAt: sql<string | Date | null>`max(${initiatives.updatedAt})` })
    .from(initiatives)
    .where(isPublic);
  const last = row?.lastUpdatedAt ?? null;
  return { total: row?.total ?? 0, lastUpdatedAt: last === null ? null : new Date(last) };
}
