import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { initiatives } from '../initiatives/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The observatory's search index: one row per public initiative, denormalised (text with weights,
 * facet values as arrays) so that a search and its facet counts read one table. Written by the
 * initiatives module through search-index.service.ts whenever a sheet changes.
 */
export const initiativeSearchEntries = pgTable(
  'initiative_search_entries',
  {
    initiativeId: uuid('initiative_id')
      .primaryKey()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    territoryCode: text('territory_code').notNull(),
    territoryName: text('territory_name').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Title (A), territory and summary (B), description, services and actors (C), in French, unaccented. */
    document: tsvector('document').notNull(),
    /** The normalised title, for typo-tolerant matching by trigrams. */
    searchTitle: text('search_title')
      .notNull()
      .generatedAlwaysAs(sql`search_normalize(title)`),
    status: text('status').notNull(),
    axisIds: text('axis_ids').array().notNull(),
    themeIds: text('theme_ids').array().notNull(),
    serviceIds: text('service_ids').array().notNull(),
    actorIds: text('actor_ids').array().notNull(),
    audiences: text('audiences').array().notNull(),
    regionCode: text('region_code'),
    departmentCode: text('department_code'),
    stratum: text('stratum'),
    category: text('category').notNull(),
    /** The territory's level at its latest published label (1–5), null if never labelled. */
    labelLevel: smallint('label_level'),
    /** The year the initiative started, else the year it was published. */
    year: integer('year').notNull(),
    responsibleDigital: boolean('responsible_digital').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /**
     * A small number naming the entry in the search's copy in memory (search-store.ts): kept when the
     * entry is rewritten, a new one when it is written again after leaving the index.
     */
    slot: integer('slot').notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('search_entries_document_idx').using('gin', t.document),
    index('search_entries_title_trgm_idx').using('gin', t.searchTitle.op('gin_trgm_ops')),
    index('search_entries_themes_idx').using('gin', t.themeIds),
    index('search_entries_services_idx').using('gin', t.serviceIds),
    index('search_entries_actors_idx').using('gin', t.actorIds),
    index('search_entries_axes_idx').using('gin', t.axisIds),
    index('search_entries_audiences_idx').using('gin', t.audiences),
    index('search_entries_published_idx').on(t.publishedAt),
    index('search_entries_territory_idx').on(t.territoryCode),
    uniqueIndex('search_entries_slot_idx').on(t.slot),
  ],
);

/**
 * Every word of the indexed texts, unaccented: the vocabulary a misspelt query word is corrected
 * against. It only grows; a word no sheet holds any more corrects to nothing found, which is harmless.
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);

/**
 * One row: the index's generation, increased by the triggers of migration 0006 in every transaction
 * that changes initiative_search_entries (writers take this row's lock, so generations follow the
 * order of commits). A copy of the index at generation G catches up by reading the changes after G,
 * unless G is older than `resetGeneration` (history pruned, or the table emptied): then it reloads.
 */
export const searchIndexState = pgTable(
  'search_index_state',
  {
    id: boolean('id').primaryKey().default(true),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
    resetGeneration: bigint('reset_generation', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('search_index_state_single_row', sql`${t.id}`)],
);

/** Which entries (by slot) each generation wrote or removed; the triggers keep the last 10,000 generations. */
export const searchIndexChanges = pgTable(
  'search_index_changes',
  {
    generation: bigint('generation', { mode: 'number' }).notNull(),
    slot: integer('slot').notNull(),
  },
  (t) => [primaryKey({ columns: [t.generation, t.slot] })],
);
