import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One neighbour per organisation, known by their mobile number across every store and channel. */
export const customers = pgTable(
  'customer_customer',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    /** normalised mainland mobile: 11 digits */
    phone: text('phone').notNull(),
    /** how the store knows them (张阿姨); staff may set it */
    name: text('name').notNull().default(''),
    /** what they call themselves in the shop */
    nickname: text('nickname').notNull().default(''),
    firstStoreId: uuid('first_store_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customer_customer_org_phone_uq').on(t.orgId, t.phone)],
);

/** The stores of the organisation a neighbour has used; a store's console lists its own. */
export const customerStores = pgTable(
  'customer_store',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    storeId: uuid('store_id').notNull(),
    orgId: uuid('org_id').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.storeId] }), index('customer_store_store_idx').on(t.storeId, t.firstSeenAt)],
);

/**
 * One-time login codes. Only a salted SHA-256 of the code is kept; a code is spent by a login,
 * burnt after too many wrong tries, and superseded by a newer code for the same phone.
 */
export const otpCodes = pgTable(
  'customer_otp',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('customer_otp_phone_idx').on(t.orgId, t.phone, t.createdAt)],
);

/**
 * 店铺余额 (store credit): an append-only ledger per neighbour per store; the balance is the sum.
 * One entry per (order, reason): granting the same order's credit again changes nothing.
 */
export const creditEntries = pgTable(
  'customer_credit_entry',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** fen: + credit granted, − credit spent */
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    orderId: uuid('order_id'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('customer_credit_entry_customer_idx').on(t.storeId, t.customerId, t.createdAt),
    uniqueIndex('customer_credit_entry_order_uq').on(t.storeId, t.orderId, t.reason).where(sql`order_id is not null`),
    check('customer_credit_entry_amount_ck', sql`amount_fen <> 0`),
  ],
);
