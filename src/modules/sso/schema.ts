import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/**
 * Who an identity provider says a person is, linked to their account: the provider's issuer and its
 * stable subject (`sub`) identify them, never the address, which can change or be given to someone
 * else. The address, `uid` and `siret` are kept as last seen (ProConnect: the agent's identifier at
 * their administration and the SIRET of their establishment), for the person and the administrators.
 */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email'),
    uid: text('uid'),
    siret: text('siret'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('sso_identities_user_idx').on(t.userId)],
);
