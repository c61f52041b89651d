import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { equals, oneOf } from '../../platform/db/checks.ts';
import { bytea } from '../../platform/db/columns.ts';
import { users } from '../accounts/schema.ts';
import { actors } from '../actors/schema.ts';
import { serviceIdentities } from '../referential/schema.ts';
import { territories } from '../territories/schema.ts';
import { AUDIENCES, INITIATIVE_STATUSES, INITIATIVE_VISIBILITIES, type InitiativeLink } from './initiative.rules.ts';

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown, rendered sanitised. */
    description: text('description').notNull().default(''),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    audiences: text('audiences', { enum: AUDIENCES })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    responsibleDigital: boolean('responsible_digital').notNull().default(false),
    links: jsonb('links').$type<InitiativeLink[]>().notNull().default([]),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    visibility: text('visibility', { enum: INITIATIVE_VISIBILITIES }).notNull().default('draft'),
    /** Optimistic concurrency: every save increments it; a save based on an older one is a conflict. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when an administrator unpublished the sheet; shown to the territory until it is published again. */
    moderationReason: text('moderation_reason'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('initiatives_territory_idx').on(t.territoryCode),
    index('initiatives_public_idx')
      .on(t.publishedAt)
      .where(sql`${equals(t.visibility, 'public')} and ${t.deletedAt} is null`),
    check('initiatives_status_check', oneOf(t.status, INITIATIVE_STATUSES)),
    check('initiatives_visibility_check', oneOf(t.visibility, INITIATIVE_VISIBILITIES)),
    check('initiatives_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

export const initiativeServices = pgTable(
  'initiative_services',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => serviceIdentities.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.serviceId] }), index('initiative_services_service_idx').on(t.serviceId)],
);

export const initiativeActors = pgTable(
  'initiative_actors',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.actorId] }), index('initiative_actors_actor_idx').on(t.actorId)],
);

/** "150 ordinateurs redistribués", "1,2 t recyclées": a measured quantity at a date. */
export const initiativeIndicators = pgTable(
  'initiative_indicators',
  {
    id: serial('id').primaryKey(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull().default(''),
    measuredOn: date('measured_on'),
  },
  (t) => [index('initiative_indicators_initiative_idx').on(t.initiativeId)],
);

/** Photos are stored resized and stripped of their metadata, in the database (no file store to back up). */
export const initiativePhotos = pgTable(
  'initiative_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    alt: text('alt').notNull().default(''),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: bytea('data').notNull(),
    thumbnail: bytea('thumbnail').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_photos_initiative_idx').on(t.initiativeId)],
);

/** Who changed what and when; the snapshot is the sheet as saved, the base of three-way merges. */
export const initiativeRevisions = pgTable(
  'initiative_revisions',
  {
    id: serial('id').primaryKey(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Every change bumps the version, so one revision per version. What happened: created, edited, published… */
    event: text('event').notNull(),
    changedFields: text('changed_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [unique('initiative_revisions_version_unique').on(t.initiativeId, t.version)],
);

/**
 * A person's working copy of a sheet: what they typed and autosave kept, not yet saved into the
 * sheet (ADR 0014). Private to that person; "Enregistrer" saves it (merged from `baseVersion`) and
 * removes it. The form as typed, so a half-typed date or a new actor's name survives too.
 */
export const initiativeWorkingCopies = pgTable(
  'initiative_working_copies',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The version of the sheet the form was opened on: the base of the merge when it is saved. */
    baseVersion: integer('base_version').notNull(),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);
