import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { users } from '../accounts/schema.ts';
import { ACTOR_KINDS } from './actor.rules.ts';

/** Companies, associations and public bodies that take part in initiatives. */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
    website: text('website'),
    siren: text('siren'),
    /** One actor per normalised name: "Ecologic", "ÉCOLOGIC" and "ecologic " are the same actor. */
    searchName: text('search_name')
      .notNull()
      .unique()
      .generatedAlwaysAs(sql`search_normalize(name)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('actors_search_name_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')), check('actors_kind_check', oneOf(t.kind, ACTOR_KINDS))],
);
