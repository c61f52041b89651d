import { isUuid } from '../../platform/validation.ts';
import { and, asc, eq, getTableColumns, getTableName, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { getActorsByIds, type ActorSummary } from '../actors/actors.service.ts';
import { describeServices, type ServiceSummary } from '../referential/referential.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { EDITABLE_FIELDS, type EditableField, type Indicator, type SheetContent } from './initiative.rules.ts';
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

/** The fields of the content kept in link tables; the others are columns of the sheet's row, of the same name. */
const LINKED_FIELDS = ['serviceIds', 'actorIds', 'indicators'] as const satisfies readonly EditableField[];
type LinkedField = (typeof LINKED_FIELDS)[number];
type ColumnField = Exclude<EditableField, LinkedField>;
const COLUMN_FIELDS = EDITABLE_FIELDS.filter((field): field is ColumnField => !(LINKED_FIELDS as readonly string[]).includes(field));

/** The content's fields that are columns of the row: what a save writes there (and a row gives back). */
export function contentColumns(from: Pick<SheetContent, ColumnField>): Pick<SheetContent, ColumnField> {
  return Object.fromEntries(COLUMN_FIELDS.map((field) => [field, from[field]])) as Pick<SheetContent, ColumnField>;
}

/** Indicators as the database gives them in JSON (none: null). */
type StoredIndicators = (Omit<Indicator, 'value'> & { value: number | string })[] | null;

/** A column named with its table: drizzle leaves the table out of a one-table select, which subqueries would misread. */
const qualified = (column: AnyPgColumn) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/**
 * The link tables of the sheet whose id is the column `id` of the outer query, as three columns of
 * one statement; `contentOf` sorts the ids, the indicators come by position.
 */
function contentLinkColumns(id: AnyPgColumn) {
  const outer = qualified(id);
  const services = { id: qualified(initiativeServices.serviceId), of: qualified(initiativeServices.initiativeId) };
  const actors = { id: qualified(initiativeActors.actorId), of: qualified(initiativeActors.initiativeId) };
  const i = {
    label: qualified(initiativeIndicators.label),
    value: qualified(initiativeIndicators.value),
    unit: qualified(initiativeIndicators.unit),
    date: qualified(initiativeIndicators.measuredOn),
    position: qualified(initiativeIndicators.position),
    of: qualified(initiativeIndicators.initiativeId),
  };
  const indicator = sql`json_build_object('label', ${i.label}, 'value', ${i.value}, 'unit', ${i.unit}, 'date', ${i.date})`;
  return {
    serviceIds: sql<string[]>`array(select ${services.id} from ${initiativeServices} where ${services.of} = ${outer})`,
    actorIds: sql<string[]>`array(select ${actors.id}::text from ${initiativeActors} where ${actors.of} = ${outer})`,
    indicators: sql<StoredIndicators>`(select json_agg(${indicator} order by ${i.position}) from ${initiativeIndicators} where ${i.of} = ${outer})`,
  } satisfies Record<LinkedField, SQL>;
}

/** The content of a row and its links, read by `contentLinkColumns`. */
function contentOf(row: InitiativeRow, links: { serviceIds: string[]; actorIds: string[]; indicators: StoredIndicators }): SheetContent {
  const indicators = links.indicators ?? [];
  return {
    ...contentColumns(row),
    serviceIds: [...links.serviceIds].sort(),
    actorIds: [...links.actorIds].sort(),
    indicators: indicators.map((i) => ({ label: i.label, value: Number(i.value), unit: i.unit, date: i.date })),
  };
}

/** The editable content of a saved initiative, as stored in revision snapshots: one statement. */
export async function loadContent(db: Db, row: InitiativeRow): Promise<SheetContent> {
  const [links] = await db.select(contentLinkColumns(initiatives.id)).from(initiatives).where(eq(initiatives.id, row.id));
  return contentOf(row, links ?? { serviceIds: [], actorIds: [], indicators: null });
}

/**
 * The row of an initiative and its content, in one statement (deleted ones included: callers decide
 * who may see those); `forUpdate` locks the row until the caller's transaction ends.
 */
export async function findRowWithContent(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: InitiativeRow; content: SheetContent } | null> {
  if (!isInitiativeId(id)) return null;
  const query = db
    .select({ row: getTableColumns(initiatives), links: contentLinkColumns(initiatives.id) })
    .from(initiatives)
    .where(eq(initiatives.id, id));
  const [found] = await (options.forUpdate ? query.for('update') : query);
  return found ? { row: found.row, content: contentOf(found.row, found.links) } : null;
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

/** What a caller already read of a sheet, so building it reads only the rest. */
export type KnownParts = {
  territory?: { name: string; kind: string } | null;
  /** Described services: those the content names and this does not hold are read. */
  services?: ReadonlyMap<string, ServiceSummary>;
  /** Actors read or created: those the content names and this does not hold are read. */
  actors?: readonly Pick<ActorSummary, 'id' | 'name' | 'kind' | 'website'>[];
  photos?: PhotoSummary[];
};

/** Builds the full sheet of a row: content, named services and actors, photos. */
export async function sheetOf(db: Db, row: InitiativeRow): Promise<Sheet> {
  return sheetFrom(db, row, await loadContent(db, row));
}

/** Builds the full sheet of a row whose content is known, reading only what `known` does not give. */
export async function sheetFrom(db: Db, row: InitiativeRow, content: SheetContent, known: KnownParts = {}): Promise<Sheet> {
  const knownActors = new Map((known.actors ?? []).map((a) => [a.id, a]));
  const otherServices = content.serviceIds.filter((id) => !known.services?.has(id));
  const otherActors = content.actorIds.filter((id) => !knownActors.has(id));
  const [territory, readServices, readActors, photos] = await Promise.all([
    known.territory !== undefined ? known.territory : getTerritory(db, row.territoryCode),
    otherServices.length ? describeServices(db, otherServices) : new Map<string, ServiceSummary>(),
    otherActors.length ? getActorsByIds(db, otherActors) : [],
    known.photos ?? listPhotos(db, row.id),
  ]);
  const services = (id: string) => known.services?.get(id) ?? readServices.get(id);
  for (const actor of readActors) knownActors.set(actor.id, actor);
  const actors = content.actorIds.flatMap((id) => {
    const actor = knownActors.get(id);
    return actor ? [actor] : [];
  });
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
    services: content.serviceIds.map(services).filter((s): s is ServiceSummary => s !== undefined),
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
  const found = await findRowWithContent(db, id);
  if (!found || !maySee(person, found.row)) throw new NotFoundError(m.api.notFound(id));
  return sheetFrom(db, found.row, found.content);
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
