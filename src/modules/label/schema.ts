import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { referentialVersions } from '../referential/schema.ts';
import { territories } from '../territories/schema.ts';
import { atLeast, between, equals, oneOf } from '../../platform/db/checks.ts';
import { EDITION_STATES } from './edition-lifecycle.rules.ts';
import { DISTINCTION_KINDS, EXCELLENCE_PARAMETER_RANGE, FIRST_EDITION_YEAR, LEVELS, PALMARES_IMPORT_STATES, RESULT_SOURCES } from './results.rules.ts';

/** One yearly campaign of the label, named after its ceremony's year. */
export const editions = pgTable(
  'editions',
  {
    year: integer('year').primaryKey(),
    state: text('state', { enum: EDITION_STATES }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The campaign's calendar (instants; entered on the French clock). Null for an imported past edition. */
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    juryAt: timestamp('jury_at', { withTimezone: true }),
    ceremonyAt: timestamp('ceremony_at', { withTimezone: true }),
    /** The referential version its dossiers are assessed against; null for an imported past edition. */
    referentialVersion: text('referential_version').references(() => referentialVersions.version),
    /** The edition it was created from, whose settings it copied. */
    basedOn: integer('based_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('editions_state_check', oneOf(t.state, EDITION_STATES)),
    check('editions_year_check', atLeast(t.year, FIRST_EDITION_YEAR)),
    // All four moments or none, each after the one before (the rule: edition-calendar.rules.ts).
    check(
      'editions_calendar_check',
      sql`(${t.opensAt} is null and ${t.closesAt} is null and ${t.juryAt} is null and ${t.ceremonyAt} is null) or (${t.opensAt} < ${t.closesAt} and ${t.closesAt} < ${t.juryAt} and ${t.juryAt} < ${t.ceremonyAt})`,
    ),
  ],
);

/** Every change of an edition's state: by the calendar (no person) or by an administrator, with a reason. */
export const editionStateChanges = pgTable(
  'edition_state_changes',
  {
    id: serial('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: EDITION_STATES }),
    toState: text('to_state', { enum: EDITION_STATES }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('edition_state_changes_year_idx').on(t.year, t.changedAt)],
);

/**
 * The catalogue of distinctions: thematic mentions ("@ verte"…) and the multi-year "Territoire
 * d'excellence numérique", whose two parameters live on its row.
 */
export const distinctions = pgTable(
  'distinctions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: DISTINCTION_KINDS }).notNull(),
    description: text('description').notNull(),
    position: integer('position').notNull(),
    /** Other ways press lists write it, normalised, for imports. */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    consecutiveTopLevels: integer('consecutive_top_levels'),
    validityYears: integer('validity_years'),
  },
  (t) => [
    check('distinctions_kind_check', oneOf(t.kind, DISTINCTION_KINDS)),
    check(
      'distinctions_excellence_parameters_check',
      sql`(${equals(t.kind, 'excellence')}) = (${t.consecutiveTopLevels} is not null and ${t.validityYears} is not null)`,
    ),
    check(
      'distinctions_parameters_range_check',
      sql`${between(t.consecutiveTopLevels, EXCELLENCE_PARAMETER_RANGE.min, EXCELLENCE_PARAMETER_RANGE.max)} and ${between(t.validityYears, EXCELLENCE_PARAMETER_RANGE.min, EXCELLENCE_PARAMETER_RANGE.max)}`,
    ),
  ],
);

/** The distinctions an edition offers. */
export const editionDistinctions = pgTable(
  'edition_distinctions',
  {
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    distinctionCode: text('distinction_code')
      .notNull()
      .references(() => distinctions.code),
  },
  (t) => [primaryKey({ columns: [t.year, t.distinctionCode] })],
);

/** A territory's level in an edition: imported history or the jury's deliberation. */
export const results = pgTable(
  'results',
  {
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    level: smallint('level').notNull(),
    source: text('source', { enum: RESULT_SOURCES }).notNull(),
    importId: uuid('import_id').references(() => palmaresImports.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.territoryCode] }),
    index('results_territory_idx').on(t.territoryCode),
    check('results_level_check', between(t.level, Math.min(...LEVELS), Math.max(...LEVELS))),
    check('results_source_check', oneOf(t.source, RESULT_SOURCES)),
  ],
);

/** Distinctions of a result; "excellence" rows are written by the rule, never by hand. */
export const resultDistinctions = pgTable(
  'result_distinctions',
  {
    year: integer('year').notNull(),
    territoryCode: text('territory_code').notNull(),
    distinctionCode: text('distinction_code')
      .notNull()
      .references(() => distinctions.code),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.territoryCode, t.distinctionCode] }),
    foreignKey({ columns: [t.year, t.territoryCode], foreignColumns: [results.year, results.territoryCode] }).onDelete('cascade'),
    index('result_distinctions_distinction_idx').on(t.distinctionCode, t.year),
  ],
);

/** An uploaded palmarès file: checked first, applied once the admin confirms. */
export const palmaresImports = pgTable(
  'palmares_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    content: text('content').notNull(),
    /** Row number → chosen territory code, or "skip": the admin's decisions on reported rows. */
    decisions: jsonb('decisions').$type<Record<string, string>>().notNull().default({}),
    state: text('state', { enum: PALMARES_IMPORT_STATES }).notNull().default('checked'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    /** Counts once applied: rows imported, editions touched. */
    summary: jsonb('summary').$type<Record<string, number>>(),
  },
  (t) => [check('palmares_imports_state_check', oneOf(t.state, PALMARES_IMPORT_STATES))],
);
