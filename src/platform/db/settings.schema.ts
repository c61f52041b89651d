import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform-wide values generated once and shared by every process (e.g. the cookie secret). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
