import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { between, oneOf } from '../../platform/db/checks.ts';
import { users } from '../accounts/schema.ts';
import { applications } from '../campaign/schema.ts';
import { editions } from '../label/schema.ts';
import { LEVELS } from '../label/results.rules.ts';
import { territories } from '../territories/schema.ts';
import { ASSIGNMENT_SOURCES, DEFAULT_REVIEWERS_PER_DOSSIER, REVIEWERS_PER_DOSSIER_RANGE } from './assignment.rules.ts';
import { CONFLICT_REASON_MAX, CONFLICT_SOURCES, DECLARED_CONFLICT_KINDS } from './conflicts.rules.ts';
import { JURY_COMMENT_MAX, PUBLIC_COMMENT_MAX, REVIEW_STATES } from './review.rules.ts';
import { RATIONALE_MAX } from './deliberation.rules.ts';

const MIN_LEVEL = Math.min(...LEVELS);
const MAX_LEVEL = Math.max(...LEVELS);

/**
 * The jury's parameters for an edition: reviewers per dossier, and the suggested level's
 * thresholds (share of the referential covered, in %, for 1 to 5 @) and the weight of the reviews'
 * average beside them. A missing row means the defaults (deliberation.rules.ts).
 */
export const juryParameters = pgTable(
  'jury_parameters',
  {
    year: integer('year')
      .primaryKey()
      .references(() => editions.year, { onDelete: 'cascade' }),
    reviewersPerDossier: smallint('reviewers_per_dossier').notNull().default(DEFAULT_REVIEWERS_PER_DOSSIER),
    /** Five ascending percentages: the coverage from which each level 1 to 5 is suggested. */
    levelThresholds: jsonb('level_thresholds').$type<number[]>().notNull(),
    /** 0: the coverage alone; 1: the reviews' average alone. */
    reviewWeight: numeric('review_weight', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jury_parameters_reviewers_check', between(t.reviewersPerDossier, REVIEWERS_PER_DOSSIER_RANGE.min, REVIEWERS_PER_DOSSIER_RANGE.max)),
    check('jury_parameters_weight_check', between(t.reviewWeight, 0, 1)),
  ],
);

/** A member of an edition's jury: an account (platform role `juror`) invited for that year. */
export const jurors = pgTable(
  'jurors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What they bring (« universitaire », « journaliste », « experte des données »…), shown to the staff. */
    expertise: text('expertise'),
    /** Reviews the « @ verte »: sees the territory's responsible-digital diagnostic once it exists. */
    greenReviewer: boolean('green_reviewer').notNull().default(false),
    /** When the juror last confirmed their declaration of conflicts (null: not yet). */
    conflictsConfirmedAt: timestamp('conflicts_confirmed_at', { withTimezone: true }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('jurors_year_user_unique').on(t.year, t.userId), index('jurors_user_idx').on(t.userId)],
);

/**
 * A conflict declared by a juror or the staff: a département, a territory, or another reason about
 * a territory. Membership conflicts and the nesting of territories are derived, never stored
 * (conflicts.rules.ts), so they follow the memberships as they change.
 */
export const jurorConflicts = pgTable(
  'juror_conflicts',
  {
    id: serial('id').primaryKey(),
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => jurors.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DECLARED_CONFLICT_KINDS }).notNull(),
    territoryCode: text('territory_code').references(() => territories.code),
    departmentCode: text('department_code'),
    reason: text('reason'),
    source: text('source', { enum: CONFLICT_SOURCES }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('juror_conflicts_kind_check', oneOf(t.kind, DECLARED_CONFLICT_KINDS)),
    check('juror_conflicts_source_check', oneOf(t.source, CONFLICT_SOURCES)),
    // A département names a département only; a territory or another reason names a territory.
    check(
      'juror_conflicts_target_check',
      sql`(${t.kind} = 'department' and ${t.departmentCode} is not null and ${t.territoryCode} is null) or (${t.kind} <> 'department' and ${t.territoryCode} is not null and ${t.departmentCode} is null)`,
    ),
    check(
      'juror_conflicts_reason_check',
      sql`(${t.kind} <> 'other' or length(trim(${t.reason})) > 0) and length(${t.reason}) <= ${sql.raw(String(CONFLICT_REASON_MAX))}`,
    ),
    unique('juror_conflicts_unique').on(t.jurorId, t.kind, t.territoryCode, t.departmentCode).nullsNotDistinct(),
  ],
);

/** A submitted dossier given to a juror for review. */
export const assignments = pgTable(
  'assignments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => jurors.id, { onDelete: 'cascade' }),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    source: text('source', { enum: ASSIGNMENT_SOURCES }).notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.jurorId] }),
    index('assignments_juror_idx').on(t.jurorId),
    index('assignments_year_idx').on(t.year),
    check('assignments_source_check', oneOf(t.source, ASSIGNMENT_SOURCES)),
  ],
);

/**
 * One juror's review of one assigned dossier. Its assignment cannot be removed once it exists
 * (a started review is kept when the assignment is run again).
 */
export const reviews = pgTable(
  'reviews',
  {
    applicationId: uuid('application_id').notNull(),
    jurorId: uuid('juror_id').notNull(),
    year: integer('year').notNull(),
    state: text('state', { enum: REVIEW_STATES }).notNull().default('draft'),
    /** Theme id → score 0 to 3; a theme not scored yet is absent. */
    themeScores: jsonb('theme_scores').$type<Record<string, number>>().notNull().default({}),
    proposedLevel: smallint('proposed_level'),
    distinctions: text('distinctions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    juryComment: text('jury_comment').notNull().default(''),
    publicComment: text('public_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.jurorId] }),
    foreignKey({
      columns: [t.applicationId, t.jurorId],
      foreignColumns: [assignments.applicationId, assignments.jurorId],
      name: 'reviews_assignment_fk',
    }).onDelete('restrict'),
    index('reviews_year_idx').on(t.year),
    check('reviews_state_check', oneOf(t.state, REVIEW_STATES)),
    check('reviews_level_check', between(t.proposedLevel, MIN_LEVEL, MAX_LEVEL)),
    check('reviews_submitted_check', sql`${t.state} = 'draft' or (${t.proposedLevel} is not null and ${t.submittedAt} is not null)`),
    check(
      'reviews_comments_check',
      sql`length(${t.juryComment}) <= ${sql.raw(String(JURY_COMMENT_MAX))} and length(${t.publicComment}) <= ${sql.raw(String(PUBLIC_COMMENT_MAX))}`,
    ),
  ],
);

/**
 * The jury's decision on a dossier, recorded by the staff: pending until the edition's publication,
 * when it becomes the territory's result. Every recording is kept in deliberation_changes.
 */
export const deliberations = pgTable(
  'deliberations',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    level: smallint('level').notNull(),
    distinctions: text('distinctions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    rationale: text('rationale').notNull(),
    /** The jury's short comment published with the result, beside the interview. */
    publicComment: text('public_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deliberations_year_territory_unique').on(t.year, t.territoryCode),
    check('deliberations_level_check', between(t.level, MIN_LEVEL, MAX_LEVEL)),
    check('deliberations_rationale_check', sql`length(trim(${t.rationale})) > 0 and length(${t.rationale}) <= ${sql.raw(String(RATIONALE_MAX))}`),
    check('deliberations_public_comment_check', sql`length(${t.publicComment}) <= ${sql.raw(String(PUBLIC_COMMENT_MAX))}`),
  ],
);

/** Every decision recorded on a dossier, the first one included: a change keeps the history. */
export const deliberationChanges = pgTable(
  'deliberation_changes',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => deliberations.applicationId, { onDelete: 'cascade' }),
    level: smallint('level').notNull(),
    distinctions: text('distinctions').array().notNull(),
    rationale: text('rationale').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deliberation_changes_application_idx').on(t.applicationId, t.decidedAt)],
);

/**
 * A laureate's certificate: its verification code, printed on the PDF and opened at /verifier/:code.
 * What it certifies is read from the published result, so a corrected result shows as corrected.
 */
export const certificates = pgTable(
  'certificates',
  {
    code: text('code').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('certificates_year_territory_unique').on(t.year, t.territoryCode)],
);
