import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { between, oneOf } from '../../platform/db/checks.ts';
import { users } from '../accounts/schema.ts';
import { territories } from '../territories/schema.ts';
import { ACTION_ORIGINS, ACTION_STATUSES, MATURITY_LEVELS, NR_THEME_IDS, VALUE_SOURCES } from './nr-themes.rules.ts';

const [MIN_MATURITY, MAX_MATURITY] = [Math.min(...MATURITY_LEVELS), Math.max(...MATURITY_LEVELS)];

/**
 * One taking of a territory's responsible-digital diagnostic. Taken again any time: the latest
 * completed one is the territory's current maturity, the earlier ones its evolution.
 */
export const nrDiagnostics = pgTable(
  'nr_diagnostics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    /** The model's version the questions were read from (nr-model.data.ts). */
    modelVersion: text('model_version').notNull(),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('nr_diagnostics_territory_idx').on(t.territoryCode, t.startedAt)],
);

/**
 * One answer of a diagnostic, its own row: several people of the territory answer together, each
 * save writes only the question it changes, with its own version (no lost write).
 */
export const nrAnswers = pgTable(
  'nr_answers',
  {
    diagnosticId: uuid('diagnostic_id')
      .notNull()
      .references(() => nrDiagnostics.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    level: smallint('level').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.diagnosticId, t.questionId] }), check('nr_answers_level_check', between(t.level, MIN_MATURITY, MAX_MATURITY))],
);

/** An indicator a territory follows beyond the standard ones (nr-indicators.data.ts): its own name and unit. */
export const nrCustomIndicators = pgTable(
  'nr_custom_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('nr_custom_indicators_name_unique').on(t.territoryCode, t.name)],
);

/**
 * A value of an indicator at a date: `indicator` is a standard indicator's id or a custom
 * indicator's id (uuid text). One value per indicator and date; typed in or imported from CSV.
 */
export const nrIndicatorValues = pgTable(
  'nr_indicator_values',
  {
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    indicator: text('indicator').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    value: numeric('value', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    source: text('source', { enum: VALUE_SOURCES }).notNull(),
    note: text('note').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryCode, t.indicator, t.measuredOn] }), check('nr_indicator_values_source_check', oneOf(t.source, VALUE_SOURCES))],
);

/** An action of the territory's responsible-digital roadmap (« feuille de route »). */
export const nrActions = pgTable(
  'nr_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    themeId: text('theme_id').notNull(),
    owner: text('owner').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
    origin: text('origin', { enum: ACTION_ORIGINS }).notNull(),
    /** The quick win it adopts (nr-quick-wins.data.ts), when it does: adopted once per territory. */
    quickWinId: text('quick_win_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('nr_actions_territory_idx').on(t.territoryCode, t.dueOn),
    unique('nr_actions_quick_win_unique').on(t.territoryCode, t.quickWinId),
    check('nr_actions_theme_check', oneOf(t.themeId, NR_THEME_IDS)),
    check('nr_actions_status_check', oneOf(t.status, ACTION_STATUSES)),
    check('nr_actions_origin_check', oneOf(t.origin, ACTION_ORIGINS)),
    check('nr_actions_quick_win_check', sql`(${t.origin} = 'quickWin') = (${t.quickWinId} is not null)`),
  ],
);

/** The signature of the responsible-digital charter, as recorded (a territory may sign again: the latest holds). */
export const nrCharterSignatures = pgTable(
  'nr_charter_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signatory: text('signatory').notNull(),
    role: text('role').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('nr_charter_signatures_territory_idx').on(t.territoryCode, t.signedOn)],
);

/** The strategy's yearly review (REEN), for territories the law asks one of: when, by whom, what was decided. */
export const nrStrategyReviews = pgTable(
  'nr_strategy_reviews',
  {
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    year: integer('year').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    summary: text('summary').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryCode, t.year] })],
);

/** What a territory chose to show on its public page; no row: nothing public. */
export const nrPublicity = pgTable('nr_publicity', {
  territoryCode: text('territory_code')
    .primaryKey()
    .references(() => territories.code),
  maturity: boolean('maturity').notNull().default(false),
  charter: boolean('charter').notNull().default(false),
  indicators: boolean('indicators').notNull().default(false),
  roadmap: boolean('roadmap').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
