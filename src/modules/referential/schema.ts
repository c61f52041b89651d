import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { REFERENTIAL_VERSION_STATES } from './referential.rules.ts';

/** One edition of the referential. Published versions never change; at most one draft is prepared. */
export const referentialVersions = pgTable(
  'referential_versions',
  {
    version: text('version').primaryKey(),
    state: text('state', { enum: REFERENTIAL_VERSION_STATES }).notNull(),
    /** The version this one was copied from. */
    basedOn: text('based_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [check('referential_versions_state_check', oneOf(t.state, REFERENTIAL_VERSION_STATES))],
);

export const referentialAxes = pgTable(
  'referential_axes',
  {
    version: text('version')
      .notNull()
      .references(() => referentialVersions.version, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.id] })],
);

export const referentialThemes = pgTable(
  'referential_themes',
  {
    version: text('version').notNull(),
    id: text('id').notNull(),
    axisId: text('axis_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.version, t.id] }),
    foreignKey({ columns: [t.version, t.axisId], foreignColumns: [referentialAxes.version, referentialAxes.id] }).onDelete('cascade'),
  ],
);

/**
 * Every service id ever defined, whatever the version: initiatives point here, so a service retired
 * from a later version still names what an older sheet covered, and an id is never reused.
 */
export const serviceIdentities = pgTable('service_identities', {
  id: text('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const referentialServices = pgTable(
  'referential_services',
  {
    version: text('version').notNull(),
    id: text('id')
      .notNull()
      .references(() => serviceIdentities.id),
    themeId: text('theme_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    responsibleDigital: boolean('responsible_digital').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.version, t.id] }),
    foreignKey({ columns: [t.version, t.themeId], foreignColumns: [referentialThemes.version, referentialThemes.id] }).onDelete('cascade'),
    index('referential_services_id_idx').on(t.id),
  ],
);
