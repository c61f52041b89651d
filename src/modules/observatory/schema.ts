import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** The year the initiative started, else the year it was published. */
    year: integer('year').notNull(),
    responsibleDigital: boolean('responsible_digital').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
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
