import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { MOVEMENT_KIND_VALUES, type ReservationChannel } from './contract.js';

export const RESERVATION_CHANNELS = ['groupbuy', 'live', 'pos', 'event', 'service', 'manual'] as const satisfies readonly ReservationChannel[];
export const RESERVATION_STATUSES = ['active', 'released', 'committed'] as const;

/**
 * The cached stock level of one SKU in one store: always the sum of its movements. The checks
 * are the last line of defence; the conditional updates in ledger.repo.ts never reach them.
 */
export const levels = pgTable(
  'inv_level',
  {
    storeId: uuid('store_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.skuId] }),
    check('inv_level_on_hand_ck', sql`on_hand >= 0`),
    check('inv_level_reserved_ck', sql`reserved >= 0`),
    check('inv_level_reserved_le_on_hand_ck', sql`reserved <= on_hand`),
  ],
);

/** Append-only: every change of a level, with the level after it and who made it. */
export const movements = pgTable(
  'inv_movement',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: uuid('store_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    kind: text('kind', { enum: MOVEMENT_KIND_VALUES }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reservationId: uuid('reservation_id'),
    orderId: uuid('order_id'),
    note: text('note').notNull().default(''),
    /** actorId(): a staff or customer id, or system:<job> */
    actor: text('actor').notNull(),
    actorName: text('actor_name').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inv_movement_sku_idx').on(t.storeId, t.skuId, t.id), index('inv_movement_reservation_idx').on(t.reservationId)],
);

/**
 * Stock held for a channel's order line until it is committed (sold/picked up), released, or
 * expires. `qty` is what the reservation holds now (a partial release lowers it).
 */
export const reservations = pgTable(
  'inv_reservation',
  {
    id: uuid('id').primaryKey(),
    // the expiry job has no request context: the org is kept for the events it writes
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    channel: text('channel', { enum: RESERVATION_CHANNELS }).notNull(),
    orderId: uuid('order_id'),
    orderLineId: uuid('order_line_id'),
    qty: integer('qty').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inv_reservation_expiry_idx').on(t.expiresAt).where(sql`status = 'active' and expires_at is not null`),
    index('inv_reservation_order_idx').on(t.storeId, t.orderId),
    check('inv_reservation_qty_ck', sql`qty > 0`),
  ],
);
