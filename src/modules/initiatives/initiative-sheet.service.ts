import { isUuid } from '../../platform/validation.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { describeServices, type ServiceSummary } from '../referential/referential.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import type { SheetContent } from './initiative.rules.ts';
import { initiativeMessages as m } from './messages.ts';
import { initiativeActors, initiativeIndicators, initiativePhotos, initiatives, initiativeServices } from './schema.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;

export type PhotoSummary = { id: string; alt: string; width: number; height: number; position: number };

/** A sheet as pages and the API show it: its content, its state and what its ids name. */
export type Sheet = {
  id: string;
  territory: { code: string; name: string; kind: string };
  content: SheetContent;
  visibility: 'draft' | 'public';
  version: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  deletedAt: Date | null;
  moderationReason: string | null;
  services: ServiceSummary[];
  actors: { id: string; name: string; kind: string; website: string | null }[];
  photos: PhotoSummary[];
};

export const isInitiativeId = isUuid;

/** The row of an initiative, deleted ones included (callers decide who may see those). */
export async function findInitiativeRow(db: Db, id: string): Promise<InitiativeRow | null> {
  if (!isInitiativeId(id)) return null;
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  return row ?? null;
}

/** The editable content of a saved initiative, as stored in revision snapshots. */
export async function loadContent(db: Db, row: InitiativeRow): Promise<SheetContent> {
  const [services, actorLinks, indicators] = await Promise.all([
    db.select({ id: initiativeServices.serviceId }).from(initiativeServices).where(eq(initiativeServices.initiativeId, row.id)),
    db.select({ id: initiativeActors.actorId }).from(initiativeActors).where(eq(initiativeActors.initiativeId, row.id)),
    db.select().from(initiativeIndicators).where(eq(initiativeIndicators.initiativeId, row.id)).orderBy(asc(initiativeIndicators.position)),
  ]);
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    serviceIds: services.map((s) => s.id).sort(),
    actorIds: actorLinks.map((a) => a.id).sort(),
    audiences: [...row.audiences],
    indicators: indicators.map((i) => ({ label: i.label, value: i.value, unit: i.unit, date: i.measuredOn })),
    responsibleDigital: row.responsibleDigital,
    links: row.links,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
  };
}

export async function listPhotos(db: Db, initiativeId: string): Promise<PhotoSummary[]> {
  return db
    .select({
      id: initiativePhotos.id,
      alt: initiativePhotos.alt,
      width: initiativePhotos.width,
      height: initiativePhotos.height,
      position: initiativePhotos.position,
    })
    .from(initiativePhotos)
    .where(eq(initiativePhotos.initiativeId, initiativeId))
    .orderBy(asc(initiativePhotos.position), asc(initiativePhotos.createdAt));
}

/** Builds the full sheet of a row: content, named services and actors, photos. */
export async function sheetOf(db: Db, row: InitiativeRow): Promise<Sheet> {
  const content = await loadContent(db, row);
  const [territory, services, actors, photos] = await Promise.all([
    getTerritory(db, row.territoryCode),
    describeServices(db, content.serviceIds),
    content.actorIds.length ? getActorsByIds(db, content.actorIds) : Promise.resolve([]),
    listPhotos(db, row.id),
  ]);
  return {
    id: row.id,
    territory: { code: row.territoryCode, name: territory?.name ?? row.territoryCode, kind: territory?.kind ?? 'commune' },
    content,
    visibility: row.visibility,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    deletedAt: row.deletedAt,
    moderationReason: row.moderationReason,
    services: content.serviceIds.map((id) => services.get(id)).filter((s): s is ServiceSummary => s !== undefined),
    actors: actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, website: a.website })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    photos,
  };
}

/** Who may see a row: everyone a public sheet; the territory's members a draft; admins a deleted one. */
export function maySee(person: Person | null, row: InitiativeRow): boolean {
  if (row.deletedAt) return can(person, 'initiative.restore');
  if (row.visibility === 'public') return true;
  return can(person, 'initiative.viewDraft', { territoryCode: row.territoryCode });
}

/**
 * Reads a sheet for someone. What they may not see does not exist for them (404): a draft's title
 * is not revealed to people outside the territory.
 */
export async function readSheet(db: Db, person: Person | null, id: string): Promise<Sheet> {
  const row = await findInitiativeRow(db, id);
  if (!row || !maySee(person, row)) throw new NotFoundError(m.api.notFound(id));
  return sheetOf(db, row);
}

/** A territory's initiatives by title, deleted ones left out. */
export async function listTerritoryInitiativeRows(db: Db, territoryCode: string) {
  return db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.territoryCode, territoryCode), isNull(initiatives.deletedAt)))
    .orderBy(asc(initiatives.title));
}

/** Service ids of several initiatives at once, for lists grouped by theme. */
export async function serviceIdsOf(db: Db, initiativeIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (initiativeIds.length === 0) return result;
  const rows = await db.select().from(initiativeServices).where(inArray(initiativeServices.initiativeId, initiativeIds));
  for (const row of rows) result.set(row.initiativeId, [...(result.get(row.initiativeId) ?? []), row.serviceId]);
  return result;
}
