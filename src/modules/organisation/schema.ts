import { check, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Who runs the label and the site (organisation-settings.rules.ts): one row, the settings as one
 * JSON object checked by the rules' zod schema when written and read, so a setting added later
 * needs no migration (a missing one reads as its default).
 */
export const organisationSettings = pgTable(
  'organisation_settings',
  {
    id: integer('id').primaryKey().default(1),
    settings: jsonb('settings').$type<Record<string, string | number | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who saved them last; null when the account was deleted since. */
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('organisation_settings_single_row', sql`${t.id} = 1`)],
);
