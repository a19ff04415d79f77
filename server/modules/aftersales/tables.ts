import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An after-sales ticket (售后单) on one order of any channel: open → approved (a refund through
 * the order) or rejected. At most one open ticket per order.
 */
export const afterSalesTickets = pgTable(
  'aftersales_ticket',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    reason: text('reason', { enum: ['damaged', 'wrong_item', 'quality', 'missing', 'other'] }).notNull(),
    text: text('text').notNull(),
    lines: jsonb('lines').$type<Array<{ orderLineId: string; qty: number }>>().notNull().default([]),
    requestedFen: integer('requested_fen'),
    status: text('status', { enum: ['open', 'approved', 'rejected'] }).notNull(),
    /** file name under DATA_DIR/media/after-sales (never served by the public media route) */
    photo: text('photo'),
    refundFen: integer('refund_fen'),
    /** the payments refund id of the approval */
    refundId: text('refund_id'),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('aftersales_ticket_store_idx').on(t.storeId, t.status, t.createdAt),
    index('aftersales_ticket_customer_idx').on(t.storeId, t.customerId, t.createdAt),
    uniqueIndex('aftersales_ticket_open_uq').on(t.orderId).where(sql`status = 'open'`),
    check('aftersales_ticket_money_ck', sql`(requested_fen is null or requested_fen >= 0) and (refund_fen is null or refund_fen > 0)`),
  ],
);
