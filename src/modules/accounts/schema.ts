import { check, index, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from '../../platform/db/checks.ts';
import { territories } from '../territories/schema.ts';
import { PLATFORM_ROLES, TERRITORY_ROLES, USER_TOKEN_PURPOSES } from './roles.rules.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case: one account per address whatever its spelling. */
    email: text('email').notNull().unique(),
    displayName: text('display_name'),
    role: text('role', { enum: PLATFORM_ROLES }).notNull(),
    /** Null until the invited person chooses a password. */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * Set when the person deleted their account: the row stays, emptied of personal data, so that
     * their past work is still attributed (to "ancien membre") and no foreign key breaks.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [check('users_role_check', oneOf(t.role, PLATFORM_ROLES))],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    role: text('role', { enum: TERRITORY_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.territoryCode] }),
    index('memberships_territory_idx').on(t.territoryCode),
    check('memberships_role_check', oneOf(t.role, TERRITORY_ROLES)),
  ],
);

/**
 * A referent's invitation into a territory, waiting for the invited person to accept it: nobody
 * joins a territory without their consent. The name is the one the referent typed: their list shows
 * what they typed, never what an existing account holds, so it tells nothing about who has an account.
 */
export const membershipInvitations = pgTable(
  'membership_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    territoryCode: text('territory_code')
      .notNull()
      .references(() => territories.code),
    role: text('role', { enum: TERRITORY_ROLES }).notNull(),
    displayName: text('display_name'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('membership_invitations_user_territory_key').on(t.userId, t.territoryCode),
    index('membership_invitations_territory_idx').on(t.territoryCode),
    check('membership_invitations_role_check', oneOf(t.role, TERRITORY_ROLES)),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen database does not give live sessions. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One-time links: invitations, password resets, confirmations of a new address, the first administrator's link. */
export const userTokens = pgTable(
  'user_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: USER_TOKEN_PURPOSES }).notNull(),
    /** The address an `email_change` link confirms: the account's address changes only when it is opened. */
    newEmail: text('new_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Failed logins, kept a short while (the throttle's window) to slow down password guessing across
 * all app processes. `ip` is the client's address, or its /64 network for IPv6.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_at_idx').on(t.email, t.at), index('login_failures_ip_at_idx').on(t.ip, t.at)],
);
