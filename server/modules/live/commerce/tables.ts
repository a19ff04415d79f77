import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A flash sale (秒杀) in a live show: `total` units of one SKU at `priceFen`, reserved from the
 * inventory ledger when it opens (`reservationId`, the pool). `remaining` is the source of truth
 * for what may still be sold: it only drops through a conditional UPDATE under the row lock.
 */
export const liveFlashSales = pgTable(
  'live_flash_sale',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    showId: uuid('show_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    title: text('title').notNull(),
    priceFen: integer('price_fen').notNull(),
    originalPriceFen: integer('original_price_fen').notNull(),
    total: integer('total').notNull(),
    remaining: integer('remaining').notNull(),
    perPersonLimit: integer('per_person_limit').notNull(),
    /** the pool reservation (null once fully sold or released) */
    reservationId: uuid('reservation_id'),
    status: text('status', { enum: ['open', 'ended'] }).notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('live_flash_sale_show_idx').on(t.storeId, t.showId),
    check('live_flash_sale_remaining_ck', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.total}`),
  ],
);

/** What one neighbour bought in one flash sale (the per-person cap is checked against it). */
export const liveFlashBuyers = pgTable(
  'live_flash_buyer',
  {
    flashSaleId: uuid('flash_sale_id').notNull(),
    storeId: uuid('store_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    qty: integer('qty').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flashSaleId, t.customerId] }), check('live_flash_buyer_qty_ck', sql`${t.qty} > 0`)],
);

/** Every order line sold from a room (flash sale or presale join), for the show's sales figures. */
export const liveSales = pgTable(
  'live_sale',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    showId: uuid('show_id').notNull(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: ['flash_sale', 'presale'] }).notNull(),
    /** the flash sale or the campaign */
    refId: uuid('ref_id').notNull(),
    customerId: uuid('customer_id'),
    skuId: uuid('sku_id').notNull(),
    title: text('title').notNull(),
    qty: integer('qty').notNull(),
    amountFen: integer('amount_fen').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('live_sale_show_idx').on(t.storeId, t.showId, t.at)],
);

/** 明天到店有惊喜: N store-visit vouchers dropped to the viewers present. */
export const liveVoucherDrops = pgTable(
  'live_voucher_drop',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    showId: uuid('show_id').notNull(),
    title: text('title').notNull(),
    total: integer('total').notNull(),
    remaining: integer('remaining').notNull(),
    validDays: integer('valid_days').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** claims are taken until then */
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('live_voucher_drop_show_idx').on(t.storeId, t.showId),
    check('live_voucher_drop_remaining_ck', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.total}`),
  ],
);

/** One claimed voucher: redeemed once, at the counter only. */
export const liveVouchers = pgTable(
  'live_voucher',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    dropId: uuid('drop_id').notNull(),
    showId: uuid('show_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: ['claimed', 'redeemed'] }).notNull().default('claimed'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedBy: uuid('redeemed_by'),
    /** the counter's requestId: a retried redemption answers the same */
    redeemRequestId: uuid('redeem_request_id'),
  },
  (t) => [
    uniqueIndex('live_voucher_person_uq').on(t.dropId, t.customerId),
    uniqueIndex('live_voucher_code_uq').on(t.storeId, t.code),
    index('live_voucher_customer_idx').on(t.storeId, t.customerId),
  ],
);
