import { isUuid } from '../../platform/validation.ts';
import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { AnyPgColumn, SubqueryWithSelection } from 'drizzle-orm/pg-core';
import {
  ACTOR_KINDS,
  type ActorKind,
  ACTOR_NAME_MAX,
  ACTOR_NAME_MIN,
  cleanActorName,
  cleanSiren,
  hasSearchableCharacter,
  isValidSiren,
  normalizeWebsite,
  WEBSITE_MAX,
} from './actor.rules.ts';
import { actorMessages } from './messages.ts';
import { actors } from './schema.ts';

const m = actorMessages.input;

export type ActorRow = typeof actors.$inferSelect;
/** What the API and the suggestions show of an actor. */
export type ActorSummary = Pick<ActorRow, 'id' | 'name' | 'kind' | 'website' | 'siren'>;

/** An optional text field: absent, null and blank all mean "not given". */
const optionalText = (max: number) =>
  z
    .string({ message: m.notText })
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || undefined);

/** A new actor, from the API or the initiative form: French messages naming each field. */
export const actorInput = z.object({
  name: z
    .string({ message: m.nameRequired })
    .transform(cleanActorName)
    .pipe(z.string().min(ACTOR_NAME_MIN, m.nameTooShort).max(ACTOR_NAME_MAX, m.nameTooLong).refine(hasSearchableCharacter, m.nameWithoutLetter)),
  kind: z.enum(ACTOR_KINDS, { message: m.kindInvalid }),
  website: optionalText(WEBSITE_MAX + 20).transform((value, ctx) => {
    if (value === undefined) return undefined;
    const url = normalizeWebsite(value);
    if (url === null) {
      ctx.addIssue({ code: 'custom', message: m.websiteInvalid });
      return z.NEVER;
    }
    return url;
  }),
  siren: optionalText(40).transform((value, ctx) => {
    if (value === undefined) return undefined;
    const siren = cleanSiren(value);
    if (!/^\d{9}$/.test(siren)) ctx.addIssue({ code: 'custom', message: m.sirenFormat });
    else if (!isValidSiren(siren)) ctx.addIssue({ code: 'custom', message: m.sirenChecksum });
    else return siren;
    return z.NEVER;
  }),
});
export type ActorInput = z.input<typeof actorInput>;

export { isUuid };

/**
 * Finds the actor of that name, or creates it: "Ecologic", "ÉCOLOGIC" and " écologic " are one actor
 * (same `search_normalize(name)`). An existing actor is returned as it is (its kind, website and SIREN
 * are not changed). Two people creating the same actor at the same time get the same row (see
 * `findOrCreateActors`). Checks `actor.create` for the person (or the system) asking.
 */
export async function findOrCreateActor(db: Db, caller: Caller | null, input: unknown): Promise<{ actor: ActorRow; created: boolean }> {
  requirePermission(caller, 'actor.create');
  const data = parseOrThrow(actorInput, input);
  const [found] = await findOrCreateActors(db, caller, [data]);
  if (!found) throw new Error(`actor "${data.name}" neither inserted nor found`);
  return found;
}

/** A new actor as `actorInput` gives it: checked, name cleaned, website normalised (the optional fields may be left out). */
type CheckedActor = z.output<typeof actorInput>;
export type NewActor = Omit<CheckedActor, 'website' | 'siren'> & Partial<Pick<CheckedActor, 'website' | 'siren'>>;

/**
 * Finds or creates several actors at once, in the caller's transaction (a sheet's save: refused,
 * it rolls them back): each of the same normalised name as an existing actor is that actor, as it
 * is; the others are created, once even if typed twice. Two statements whatever the number: one
 * insert that yields to the unique normalised name (`on conflict do nothing`: a unique violation
 * would abort the caller's transaction), then one read of every actor by its input's normalised
 * name — an actor created meanwhile by a concurrent save is found, the insert having waited for it.
 * Answers in the order of `inputs`. Checks `actor.create` for the caller.
 */
export async function findOrCreateActors(tx: Db, caller: Caller | null, inputs: readonly NewActor[]): Promise<{ actor: ActorRow; created: boolean }[]> {
  requirePermission(caller, 'actor.create');
  if (inputs.length === 0) return [];
  const createdBy = personIdOf(caller);
  const inserted = await tx
    .insert(actors)
    .values(inputs.map((data) => ({ name: data.name, kind: data.kind, website: data.website ?? null, siren: data.siren ?? null, createdBy })))
    .onConflictDoNothing({ target: actors.searchName })
    .returning();
  const createdIds = new Set(inserted.map((row) => row.id));
  const [only] = inserted;
  if (inputs.length === 1 && only) return [{ actor: only, created: true }];
  const wanted = sql.join(
    inputs.map((data, position) => sql`(${position}::int, search_normalize(${data.name}))`),
    sql`, `,
  );
  const rows = await tx
    .select({ position: sql<number>`wanted.position`, actor: getTableColumns(actors) })
    .from(actors)
    .innerJoin(sql`(values ${wanted}) as wanted(position, search_name)`, sql`wanted.search_name = ${actors.searchName}`);
  const byPosition = new Map(rows.map((row) => [Number(row.position), row.actor]));
  return inputs.map((data, position) => {
    const actor = byPosition.get(position);
    if (!actor) throw new Error(`actor "${data.name}" neither inserted nor found`);
    return { actor, created: createdIds.has(actor.id) };
  });
}

/** One actor, or null (also for an identifier that is not a UUID). */
export async function getActor(db: Db, id: string): Promise<ActorRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(actors).where(eq(actors.id, id));
  return row ?? null;
}

/** The actors among these identifiers that exist (in no particular order; unknown or malformed ones are left out). */
export async function getActorsByIds(db: Db, ids: readonly string[]): Promise<ActorRow[]> {
  const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
  if (valid.length === 0) return [];
  return db.select().from(actors).where(inArray(actors.id, valid));
}

const summaryColumns = { id: actors.id, name: actors.name, kind: actors.kind, website: actors.website, siren: actors.siren };

/** An actor in the directory and the API: who it is, and how many public sheets name it, in how many territories. */
export type ActorListItem = ActorSummary & { initiativeCount: number; territoryCount: number };

export const ACTOR_PAGE_SIZE = 20;
/** Beyond this page the directory says the page number is wrong (it keeps offsets bounded). */
export const ACTOR_MAX_PAGE = 10_000;

/** A normalised query at least this long matches few names. */
const FEW_MATCHES_FROM = 3;

/**
 * Where the directory's counts come from: the module that knows the sheets gives them as subqueries
 * to join (the initiatives module's `publicActorStatsSource`), so this module knows no other table.
 * `grouped` has one row per actor with public sheets (`actorId`, `initiatives`, `territories`);
 * `lateral` gives the counts of the actor in the outer query's `actorId` column, always one row.
 */
export type ActorStatsSource = {
  grouped(db: Db): SubqueryWithSelection<{ actorId: SQL.Aliased<string>; initiatives: SQL.Aliased<number>; territories: SQL.Aliased<number> }, string>;
  lateral(db: Db, actorId: AnyPgColumn): SubqueryWithSelection<{ initiatives: SQL.Aliased<number>; territories: SQL.Aliased<number> }, string>;
};

export type ActorListQuery = {
  /** A name, tolerant to case, accents, punctuation and small typos; blank or punctuation only: no search. */
  q?: string;
  kind?: ActorKind;
  /** From 1; a page past the last one is empty (with the right total), not an error. */
  page?: number;
  pageSize?: number;
  /**
   * Only actors named by at least one public sheet (the default): an actor only named in drafts is not
   * public information. False lists every actor (the sheet form's suggestions, for contributors).
   */
  withInitiatives?: boolean;
};

/**
 * Lists actors with their public counts, for the directory `/acteurs` and `GET /api/v1/actors`.
 * With a query: the exact name first, then names starting with it, then containing it, then names
 * with a word close to it or close as a whole (trigram similarities, served by the trigram index),
 * the most active first among equals. Without: the actors named by the most public sheets first,
 * then by name. `total` counts every match, whatever the page.
 */
export async function listActors(db: Db, query: ActorListQuery, statsSource: ActorStatsSource): Promise<{ items: ActorListItem[]; total: number }> {
  const pageSize = query.pageSize ?? ACTOR_PAGE_SIZE;
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const withInitiatives = query.withInitiatives ?? true;
  // The query compared as the names are: lower-cased, unaccented, punctuation folded (only a-z, 0-9 and spaces left).
  let normalized = '';
  if (query.q?.trim()) {
    const [row] = await queryRows<{ q: string | null }>(db, sql`select search_normalize(${query.q}) as q`);
    normalized = row?.q ?? '';
  }

  // The counts: through each found actor's own links when searching (few actors match), all at once
  // when listing. Measured on PGlite, 3,000 actors on 24,000 public sheets: the lateral count made a
  // search 8 times faster than the whole count (~50 ms, most of it the name match), but a one-letter
  // query matching half the names 4 times slower: short queries count all at once.
  const counted =
    normalized.length >= FEW_MATCHES_FROM
      ? ({ by: 'lateral', lateral: statsSource.lateral(db, actors.id) } as const)
      : ({ by: 'grouped', grouped: statsSource.grouped(db) } as const);
  const stats = counted.by === 'lateral' ? counted.lateral : counted.grouped;
  const fromActors = <S extends SelectedFields>(fields: S) => {
    const select = db.select(fields).from(actors).$dynamic();
    return counted.by === 'lateral'
      ? select.leftJoinLateral(counted.lateral, sql`true`)
      : select.leftJoin(counted.grouped, eq(counted.grouped.actorId, actors.id));
  };

  const initiativeCount = sql<number>`coalesce(${stats.initiatives}, 0)`;
  const conditions: SQL[] = [];
  if (withInitiatives) conditions.push(sql`${initiativeCount} > 0`);
  if (query.kind) conditions.push(eq(actors.kind, query.kind));
  const order: SQL[] = [];
  if (normalized) {
    // No LIKE wildcard can be in `normalized`; both conditions are served by the trigram index.
    const contains = sql`${actors.searchName} like ${`%${normalized}%`}`;
    // A word of the name close to the query ("emaus" in "emmaus connect"), or the whole name close to it ("ecolojic").
    const close = sql`(${normalized} <% ${actors.searchName} or ${actors.searchName} % ${normalized})`;
    conditions.push(sql`(${contains} or ${close})`);
    order.push(
      sql`(${actors.searchName} = ${normalized}) desc`,
      sql`(${actors.searchName} like ${`${normalized}%`}) desc`,
      sql`(${contains}) desc`,
      sql`greatest(word_similarity(${normalized}, ${actors.searchName}), similarity(${normalized}, ${actors.searchName})) desc`,
    );
  }
  order.push(sql`${initiativeCount} desc`, asc(actors.searchName), asc(actors.name), asc(actors.id));
  const where = conditions.length ? and(...conditions) : undefined;

  const rows = await fromActors({
    ...summaryColumns,
    initiativeCount,
    territoryCount: sql<number>`coalesce(${stats.territories}, 0)`,
    total: sql<number>`(count(*) over ())::int`,
  })
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: no row carries the total, count it.
    const [count] = await fromActors({ n: sql<number>`count(*)::int` }).where(where);
    total = count?.n ?? 0;
  }
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

/**
 * Suggestions while typing an actor's name (the sheet form): every actor, public sheets or not, the
 * closest names first (see `listActors`).
 */
export async function searchActors(db: Db, q: string, statsSource: ActorStatsSource, limit = 10): Promise<{ items: ActorListItem[]; total: number }> {
  return listActors(db, { q, pageSize: limit, withInitiatives: false }, statsSource);
}
