import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { parseOrThrow } from '../../platform/validation.ts';
import type { Actor } from '../accounts/permissions.rules.ts';
import { requirePermission } from '../accounts/guard.ts';
import {
  ACTOR_KINDS,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * Finds the actor of that name, or creates it: "Ecologic", "ÉCOLOGIC" and " écologic " are one actor
 * (same `search_normalize(name)`). An existing actor is returned as it is (its kind, website and SIREN
 * are not changed). Two people creating the same actor at the same time get the same row: the
 * insert yields to the unique normalised name, then the row is read back by that name.
 */
export async function findOrCreateActor(db: Db, person: Actor, input: unknown): Promise<{ actor: ActorRow; created: boolean }> {
  requirePermission(person, 'actor.create');
  const data = parseOrThrow(actorInput, input);
  const [inserted] = await db
    .insert(actors)
    .values({ name: data.name, kind: data.kind, website: data.website ?? null, siren: data.siren ?? null, createdBy: person!.id })
    .onConflictDoNothing({ target: actors.searchName })
    .returning();
  if (inserted) return { actor: inserted, created: true };
  const [existing] = await db.select().from(actors).where(sql`${actors.searchName} = search_normalize(${data.name})`);
  if (!existing) throw new Error(`actor "${data.name}" neither inserted nor found`);
  return { actor: existing, created: false };
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

/**
 * Suggestions while typing an actor's name, tolerant to case, accents, punctuation and small typos:
 * the exact name first, then names starting with the query, then containing it, then names with a
 * word close to it or close as a whole (trigram similarities, served by the trigram index). Without a query, every
 * actor by name. `total` counts all the matches.
 */
export async function searchActors(db: Db, q: string, limit = 10): Promise<{ items: ActorSummary[]; total: number }> {
  // The query compared as the names are: lower-cased, unaccented, punctuation folded (only a-z, 0-9 and spaces left).
  const [normalized] = await queryRows<{ q: string | null }>(db, sql`select search_normalize(${q}) as q`);
  const query = normalized?.q ?? '';
  if (!query) {
    const [items, [count]] = await Promise.all([
      db.select(summaryColumns).from(actors).orderBy(asc(actors.searchName), asc(actors.name)).limit(limit),
      db.select({ n: sql<number>`count(*)::int` }).from(actors),
    ]);
    return { items, total: count?.n ?? 0 };
  }
  // No LIKE wildcard can be in `query`; both conditions are served by the trigram index.
  const contains = sql`${actors.searchName} like ${`%${query}%`}`;
  // A word of the name close to the query ("emaus" in "emmaus connect"), or the whole name close to it ("ecolojic").
  const close = sql`(${query} <% ${actors.searchName} or ${actors.searchName} % ${query})`;
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`(count(*) over ())::int` })
    .from(actors)
    .where(sql`(${contains} or ${close})`)
    .orderBy(
      sql`(${actors.searchName} = ${query}) desc`,
      sql`(${actors.searchName} like ${`${query}%`}) desc`,
      sql`(${contains}) desc`,
      sql`greatest(word_similarity(${query}, ${actors.searchName}), similarity(${query}, ${actors.searchName})) desc`,
      asc(actors.name),
    )
    .limit(limit);
  return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
}
