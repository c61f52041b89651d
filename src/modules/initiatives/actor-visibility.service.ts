import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { maySeeActor, type ActorExposure } from '../actors/actor.rules.ts';
import { getActor, type ActorRow } from '../actors/actors.service.ts';
import { actorMessages } from '../actors/messages.ts';
import { initiativeActors, initiatives } from './schema.ts';

/**
 * How an actor is exposed by the sheets that name it (deleted ones left out): whether a public one
 * does, as the actors directory counts it (actor-stats.service.ts), and the territories of drafts.
 */
async function exposureOf(db: Db, actor: ActorRow): Promise<ActorExposure> {
  const rows = await db
    .selectDistinct({ territoryCode: initiatives.territoryCode, visibility: initiatives.visibility })
    .from(initiativeActors)
    .innerJoin(initiatives, and(eq(initiatives.id, initiativeActors.initiativeId), isNull(initiatives.deletedAt)))
    .where(eq(initiativeActors.actorId, actor.id));
  return {
    createdBy: actor.createdBy,
    namedPublicly: rows.some((r) => r.visibility === 'public'),
    draftTerritories: rows.filter((r) => r.visibility !== 'public').map((r) => r.territoryCode),
  };
}

/**
 * One actor, for its page and `GET /api/v1/actors/:id`, as far as this person may see it (see
 * `maySeeActor`): otherwise, as for an unknown one, NotFoundError.
 */
export async function readActor(db: Db, person: Person | null, id: string): Promise<ActorRow> {
  const actor = await getActor(db, id);
  if (!actor || !maySeeActor(person, await exposureOf(db, actor))) throw new NotFoundError(actorMessages.api.notFound(id));
  return actor;
}
