import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One aggregate for every channel (ADR 0001). Money in fen; the refund state is derived. */
export const orders = pgTable(
  'order_order',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id'),
    channel: text('channel', { enum: ['groupbuy', 'live', 'pos', 'event', 'service'] }).notNull(),
    status: text('status', { enum: ['pending_payment', 'paid', 'ready_for_pickup', 'picked_up', 'cancelled', 'refunded'] }).notNull(),
    fulfilment: text('fulfilment', { enum: ['in_stock', 'presale'] }).notNull(),
    paymentMethod: text('payment_method', { enum: ['sandbox', 'pay_at_pickup', 'cash'] }).notNull(),
    totalFen: integer('total_fen').notNull(),
    paidFen: integer('paid_fen').notNull().default(0),
    refundedFen: integer('refunded_fen').notNull().default(0),
    pickupCode: text('pickup_code').notNull(),
    /** the payment that paid the order (payments module id) */
    paymentRef: text('payment_ref'),
    /** unpaid sandbox orders are cancelled when their reservations expire at this time */
    payBy: ts('pay_by'),
    /** the channel's own reference (campaign entry, live flash sale, POS ticket …) */
    sourceRef: text('source_ref'),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // a code identifies one open order of the store; it may be reused once the order is closed
    uniqueIndex('order_order_open_code_uq')
      .on(t.storeId, t.pickupCode)
      .where(sql`status in ('pending_payment', 'paid', 'ready_for_pickup')`),
    index('order_order_store_created_idx').on(t.storeId, t.createdAt),
    index('order_order_customer_idx').on(t.storeId, t.customerId, t.createdAt),
    index('order_order_code_idx').on(t.storeId, t.pickupCode),
    check('order_order_money_ck', sql`paid_fen >= 0 and refunded_fen >= 0 and refunded_fen <= paid_fen and paid_fen <= total_fen`),
  ],
);

/** A line keeps the product as it was sold (name, spec, price) and its stock reservation. */
export const orderLines = pgTable(
  'order_line',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    storeId: uuid('store_id').notNull(),
    position: integer('position').notNull(),
    skuId: uuid('sku_id').notNull(),
    productId: uuid('product_id').notNull(),
    productName: text('product_name').notNull(),
    spec: text('spec').notNull(),
    unit: text('unit').notNull(),
    qty: integer('qty').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    lineTotalFen: integer('line_total_fen').notNull(),
    reservationId: uuid('reservation_id'),
    refundedQty: integer('refunded_qty').notNull().default(0),
  },
  (t) => [
    index('order_line_order_idx').on(t.orderId),
    check('order_line_qty_ck', sql`qty > 0 and refunded_qty >= 0 and refunded_qty <= qty`),
  ],
);

/** Each refund the order asked the payments port for: who, why, which units, the port's answer. */
export const orderRefunds = pgTable(
  'order_refund',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    lines: jsonb('lines').$type<Array<{ lineId: string; qty: number }>>().notNull(),
    paymentRefundId: text('payment_refund_id'),
    status: text('status', { enum: ['succeeded', 'failed', 'pending'] }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('order_refund_order_idx').on(t.orderId), check('order_refund_amount_ck', sql`amount_fen > 0`)],
);
