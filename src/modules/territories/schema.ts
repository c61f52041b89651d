import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { TERRITORY_CATEGORIES, TERRITORY_KINDS, TERRITORY_STRATA } from './territory.rules.ts';

export const territories = pgTable(
  'territories',
  {
    /** Public identifier: INSEE code (commune, département), SIREN (EPCI), `reg-NN` (région). */
    code: text('code').primaryKey(),
    kind: text('kind', { enum: TERRITORY_KINDS }).notNull(),
    name: text('name').notNull(),
    /** The official code as published (a région's INSEE code is `52`, its public code `reg-52`). */
    officialCode: text('official_code').notNull(),
    siren: text('siren'),
    /** For EPCI: CC, CA, CU, METRO, MET69. */
    legalForm: text('legal_form'),
    population: integer('population'),
    departmentCode: text('department_code'),
    regionCode: text('region_code'),
    /** For communes: the SIREN of the EPCI they belong to. */
    epciCode: text('epci_code'),
    postcodes: text('postcodes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    category: text('category', { enum: TERRITORY_CATEGORIES }).notNull(),
    stratum: text('stratum', { enum: TERRITORY_STRATA }),
    /** Lower-case, unaccented, punctuation-free name, for accent- and typo-tolerant search. */
    searchName: text('search_name')
      .notNull()
      .generatedAlwaysAs(sql`search_normalize(name)`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('territories_kind_idx').on(t.kind),
    index('territories_department_idx').on(t.departmentCode),
    index('territories_region_idx').on(t.regionCode),
    index('territories_epci_idx').on(t.epciCode),
    index('territories_search_name_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('territories_postcodes_idx').using('gin', t.postcodes),
    check('territories_kind_check', oneOf(t.kind, TERRITORY_KINDS)),
    check('territories_category_check', oneOf(t.category, TERRITORY_CATEGORIES)),
  ],
);

/**
 * How many territories of each kind take part in the label (participatingTerritorySql), counted again
 * by each import in its own transaction: the home page reads four rows instead of counting some
 * 36,000 at each render.
 */
export const directoryCounts = pgTable(
  'territory_directory_counts',
  {
    kind: text('kind', { enum: TERRITORY_KINDS }).primaryKey(),
    participating: integer('participating').notNull(),
  },
  (t) => [check('territory_directory_counts_kind_check', oneOf(t.kind, TERRITORY_KINDS))],
);
