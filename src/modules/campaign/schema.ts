import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { bytea } from '../../platform/db/columns.ts';
import type { Answers, Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { users } from '../accounts/schema.ts';
import { initiatives } from '../initiatives/schema.ts';
import { editions } from '../label/schema.ts';
import { serviceIdentities } from '../referential/schema.ts';
import { TERRITORY_CATEGORIES } from '../territories/territory.rules.ts';
import { territories } from '../territories/schema.ts';
import { APPLICATION_EVENT_KINDS, type ApplicationContacts, type ApplicationInterview, type ApplicationSnapshotContent } from './application.schema.ts';
import { APPLICATION_STATES } from './application-lifecycle.rules.ts';
import type { SelfAssessmentParameters } from './self-assessment.rules.ts';

/** What the campaign sets for an edition beside its calendar: the self-assessment's weights. */
export const campaignSettings = pgTable('campaign_settings', {
  year: integer('year')
    .primaryKey()
    .references(() => editions.year, { onDelete: 'cascade' }),
  selfAssessmentParameters: jsonb('self_assessment_parameters').$type<SelfAssessmentParameters>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The questionnaire of one category of territory for one edition, edited by the admin. */
export const questionnaires = pgTable(
  'questionnaires',
  {
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    category: text('category', { enum: TERRITORY_CATEGORIES }).notNull(),
    definition: jsonb('definition').$type<Questionnaire>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.category] }), check('questionnaires_category_check', oneOf(t.category, TERRITORY_CATEGORIES))],
);

/** A territory's dossier for an edition: one per territory and year. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    state: text('state', { enum: APPLICATION_STATES }).notNull().default('draft'),
    /** Optimistic concurrency, as for sheets: every save increments it. */
    version: integer('version').notNull().default(1),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    interview: jsonb('interview').$type<ApplicationInterview>().notNull().default({ answers: {}, consent: false }),
    contacts: jsonb('contacts').$type<ApplicationContacts>().notNull().default({}),
    /** Last year's dossier it was pre-filled from. */
    basedOn: uuid('based_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    unique('applications_year_territory_unique').on(t.year, t.territoryCode),
    index('applications_territory_idx').on(t.territoryCode),
    check('applications_state_check', oneOf(t.state, APPLICATION_STATES)),
    check('applications_submitted_check', sql`(${t.state} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
);

/** The sheets a dossier presents, in the territory's order. */
export const applicationInitiatives = pgTable(
  'application_initiatives',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.initiativeId] }), index('application_initiatives_initiative_idx').on(t.initiativeId)],
);

/** Each saved version of a dossier's content: the base of a three-way merge when two people edit it. */
export const applicationRevisions = pgTable(
  'application_revisions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

/** What a submission froze: never updated; a dossier reopened and submitted again gets another one. */
export const applicationSnapshots = pgTable(
  'application_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    territoryCode: text('territory_code').notNull(),
    content: jsonb('content').$type<ApplicationSnapshotContent>().notNull(),
    /** The self-assessment at submission, kept to draw the territory's evolution. */
    overallScore: numeric('overall_score', { mode: 'number' }).notNull(),
    coverage: numeric('coverage', { mode: 'number' }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_snapshots_application_idx').on(t.applicationId, t.submittedAt),
    index('application_snapshots_territory_idx').on(t.territoryCode, t.year),
  ],
);

/** What happened to a dossier, shown to the territory: created, submitted, reopened (with the reason). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: APPLICATION_EVENT_KINDS }).notNull(),
    reason: text('reason'),
    personId: uuid('person_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_events_application_idx').on(t.applicationId, t.at),
    check('application_events_kind_check', oneOf(t.kind, APPLICATION_EVENT_KINDS)),
  ],
);

/** The interview's photo (one per dossier), resized and stripped like a sheet's. */
export const applicationPhotos = pgTable('application_photos', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  alt: text('alt').notNull().default(''),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  data: bytea('data').notNull(),
  thumbnail: bytea('thumbnail').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The interview's photo as a submission froze it, beside its snapshot: the dossier's own photo may be
 * replaced once reopened, the jury still reads this one. A table of its own rather than columns of
 * the snapshot, so that the lists and evolutions reading snapshots never load the image's bytes.
 */
export const applicationSnapshotPhotos = pgTable('application_snapshot_photos', {
  snapshotId: uuid('snapshot_id')
    .primaryKey()
    .references(() => applicationSnapshots.id, { onDelete: 'cascade' }),
  alt: text('alt').notNull(),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  data: bytea('data').notNull(),
});

/** Services a territory declared « non concerné », with why: they leave its self-assessment's denominator. */
export const selfAssessmentExclusions = pgTable(
  'self_assessment_exclusions',
  {
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    serviceId: text('service_id')
      .notNull()
      .references(() => serviceIdentities.id),
    reason: text('reason').notNull(),
    declaredBy: uuid('declared_by').references(() => users.id, { onDelete: 'set null' }),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryCode, t.serviceId] }), check('self_assessment_exclusions_reason_check', sql`length(trim(${t.reason})) > 0`)],
);

/** Reminders sent before the closing, one row each: the key makes two processes send it once. */
export const campaignReminders = pgTable(
  'campaign_reminders',
  {
    year: integer('year')
      .notNull()
      .references(() => editions.year, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.territoryCode, t.kind] })],
);
