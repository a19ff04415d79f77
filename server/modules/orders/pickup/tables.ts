import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orders } from '../tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The audit of every pickup verification (核销): who, when, on which device, and its undo. */
export const pickupVerifications = pgTable(
  'order_pickup_verification',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    /** made by the counter client; a retry with the same id returns this row */
    requestId: text('request_id').notNull(),
    /** the code that was typed or scanned */
    code: text('code').notNull(),
    staffId: uuid('staff_id').notNull(),
    device: text('device'),
    collectedFen: integer('collected_fen').notNull().default(0),
    /** the reservations this verification committed; an undo reopens exactly these */
    reservationIds: jsonb('reservation_ids').$type<string[]>().notNull(),
    verifiedAt: ts('verified_at').notNull(),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
  },
  (t) => [uniqueIndex('order_pickup_verification_request_uq').on(t.storeId, t.requestId), index('order_pickup_verification_order_idx').on(t.orderId)],
);

/** Lookups of codes that matched nothing: counted per staff member and per store to stop guessing. */
export const pickupMisses = pgTable(
  'order_pickup_miss',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: uuid('store_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    code: text('code').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('order_pickup_miss_store_idx').on(t.storeId, t.at), index('order_pickup_miss_staff_idx').on(t.staffId, t.at)],
);
