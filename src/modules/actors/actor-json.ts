import { z } from 'zod';
import { ACTOR_KINDS } from './actor.rules.ts';
import type { ActorRow } from './actors.service.ts';

/** An actor as the JSON API shows it. */
export const actorItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS),
  website: z.string().nullable(),
  siren: z.string().nullable(),
});
export { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';

export const toItem = (actor: ActorRow): z.infer<typeof actorItem> => ({
  id: actor.id,
  name: actor.name,
  kind: actor.kind,
  website: actor.website,
  siren: actor.siren,
});
