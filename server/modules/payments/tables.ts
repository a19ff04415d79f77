import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const PAYMENT_PROVIDERS = ['sandbox', 'pay_at_pickup', 'cash'] as const;
export const PAYMENT_STATUSES = ['created', 'succeeded', 'failed', 'closed'] as const;
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** One attempt to collect money for an order, through one provider. */
export const payments = pgTable(
  'pay_payment',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id').notNull(),
    provider: text('provider', { enum: PAYMENT_PROVIDERS }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    /** the provider's transaction reference, once it has one */
    providerRef: text('provider_ref'),
    /** SHA-256 of the one-time client token (sandbox wallet confirm); never the token itself */
    confirmTokenHash: text('confirm_token_hash'),
    /** when the neighbour confirmed in the (sandbox) wallet; the notification follows */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /**
     * Fen promised to refunds of this payment (pending, succeeded or failed-and-retrying).
     * Raised by a conditional update, so concurrent refunds can never exceed the amount.
     */
    refundedFen: integer('refunded_fen').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
  },
  (t) => [
    // the last line of defence: a refund can never promise more than the payment took
    check('pay_payment_amounts_ck', sql`${t.amountFen} > 0 and ${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`),
    index('pay_payment_order_idx').on(t.storeId, t.orderId),
    index('pay_payment_confirmed_idx').on(t.confirmedAt).where(sql`status = 'created' and confirmed_at is not null`),
  ],
);

/**
 * Every notification a provider sent, verified or not. A verified notify id is stored once:
 * a replay finds it and changes nothing. Unverified ones do not claim the id, so a forger cannot
 * block a real notification by sending its id first.
 */
export const paymentNotifications = pgTable(
  'pay_notification',
  {
    id: uuid('id').primaryKey(),
    provider: text('provider').notNull(),
    notifyId: text('notify_id'),
    /** known once the notification names a payment of ours */
    storeId: uuid('store_id'),
    paymentId: uuid('payment_id'),
    rawBody: text('raw_body').notNull(),
    signatureOk: boolean('signature_ok').notNull(),
    /** processed | duplicate | amount_mismatch | unknown_payment | signature_invalid */
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('pay_notification_notify_uq').on(t.provider, t.notifyId).where(sql`signature_ok`)],
);

/** Money going back. `source` says whether the order asked, or the order refused the payment. */
export const refunds = pgTable(
  'pay_refund',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id').notNull(),
    paymentId: uuid('payment_id').notNull().references(() => payments.id),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    /** order: requested through requestRefund; rejected_payment: a payment the order refused */
    source: text('source', { enum: ['order', 'rejected_payment'] }).notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    providerRef: text('provider_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
  },
  (t) => [
    check('pay_refund_amount_ck', sql`${t.amountFen} > 0`),
    uniqueIndex('pay_refund_idem_uq').on(t.storeId, t.idempotencyKey),
    index('pay_refund_order_idx').on(t.storeId, t.orderId),
    index('pay_refund_due_idx').on(t.nextAttemptAt).where(sql`status <> 'succeeded'`),
  ],
);
