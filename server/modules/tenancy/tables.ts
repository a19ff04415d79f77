import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable('tenancy_organisation', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stores = pgTable(
  'tenancy_store',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    /** public, URL-safe: /shop/<slug> */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenancy_store_slug_uq').on(t.slug)],
);

export const staffAccounts = pgTable(
  'tenancy_staff',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    /** login name, unique across Linli */
    login: text('login').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenancy_staff_login_uq').on(sql`lower(${t.login})`)],
);

/** A staff member's role in one store. */
export const staffMemberships = pgTable(
  'tenancy_membership',
  {
    staffId: uuid('staff_id').notNull().references(() => staffAccounts.id),
    storeId: uuid('store_id').notNull().references(() => stores.id),
    role: text('role', { enum: ['owner', 'manager', 'staff'] }).notNull(),
  },
  (t) => [uniqueIndex('tenancy_membership_uq').on(t.staffId, t.storeId)],
);

/**
 * Browser sessions of staff and neighbours. Only the SHA-256 of the cookie token is stored, so a
 * leaked table does not leak sessions.
 */
export const sessions = pgTable(
  'tenancy_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: ['staff', 'customer'] }).notNull(),
    orgId: uuid('org_id').notNull(),
    /** the store the session acts in */
    storeId: uuid('store_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('tenancy_session_token_uq').on(t.tokenHash), index('tenancy_session_subject_idx').on(t.subjectId)],
);
