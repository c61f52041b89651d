import { isUuid } from '../../platform/validation.ts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.ts';
import type { ActorStatsSource } from '../actors/actors.service.ts';
import { initiativeActors, initiatives } from './schema.ts';

// How many public sheets name an actor, and in how many territories: the actors directory and its
// API read these counts here, so that only this module knows the initiative tables. "Public" is
// what everyone may read: published (`visibility = 'public'`) and not deleted; drafts never count.

export type ActorInitiativeStats = { initiatives: number; territories: number };

const isPublic = and(eq(initiatives.visibility, 'public'), isNull(initiatives.deletedAt));

/**
 * A subquery to join to the actors: one row per actor named by at least one public sheet, with
 * `actorId`, `initiatives` (public sheets naming it) and `territories` (distinct territories of those
 * sheets). An inner join keeps only the actors with public initiatives; a left join keeps every
 * actor (null counts for the others). It counts every link at once: the way to list all actors;
 * for a few of them (search results), `publicStatsOfActor` reads only theirs.
 */
export function publicActorStats(db: Db) {
  return db
    .select({
      actorId: sql<string>`${initiativeActors.actorId}`.as('stats_actor_id'),
      initiatives: sql<number>`count(*)::int`.as('public_initiatives'),
      territories: sql<number>`count(distinct ${initiatives.territoryCode})::int`.as('public_territories'),
    })
    .from(initiativeActors)
    .innerJoin(initiatives, and(eq(initiatives.id, initiativeActors.initiativeId), isPublic))
    .groupBy(initiativeActors.actorId)
    .as('actor_stats');
}

/**
 * The counts of the actor whose identifier is `actorId` (a column of the outer query), as a LATERAL
 * subquery: `initiatives` and `territories`, always one row (zeros without public sheets). Join it
 * with `leftJoinLateral(stats, sql\`true\`)`; it reads that actor's links through their index.
 */
export function publicStatsOfActor(db: Db, actorId: AnyPgColumn) {
  return db
    .select({
      initiatives: sql<number>`count(*)::int`.as('public_initiatives'),
      territories: sql<number>`count(distinct ${initiatives.territoryCode})::int`.as('public_territories'),
    })
    .from(initiativeActors)
    .innerJoin(initiatives, and(eq(initiatives.id, initiativeActors.initiativeId), isPublic))
    .where(eq(initiativeActors.actorId, actorId))
    .as('actor_stats');
}

/**
 * The counts of each of these actors: every asked identifier is in the map (lower-cased; malformed
 * ones left out), with zeros when no public sheet names it. (A sheet names an actor once: the pair is the primary key of `initiative_actors`.)
 */
export async function countPublicInitiativesByActor(db: Db, actorIds: readonly string[]): Promise<Map<string, ActorInitiativeStats>> {
  const ids = [...new Set(actorIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const counts = new Map<string, ActorInitiativeStats>(ids.map((id) => [id, { initiatives: 0, territories: 0 }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .select({
      actorId: initiativeActors.actorId,
      initiatives: sql<number>`count(*)::int`,
      territories: sql<number>`count(distinct ${initiatives.territoryCode})::int`,
    })
    .from(initiativeActors)
    .innerJoin(initiatives, and(eq(initiatives.id, initiativeActors.initiativeId), isPublic))
    .where(inArray(initiativeActors.actorId, ids))
    .groupBy(initiativeActors.actorId);
  for (const row of rows) counts.set(row.actorId, { initiatives: row.initiatives, territories: row.territories });
  return counts;
}

/** The counts the actors directory joins (see ActorStatsSource). */
export const publicActorStatsSource: ActorStatsSource = { grouped: publicActorStats, lateral: publicStatsOfActor };
