import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type LadderTier = { minQty: number; priceFen: number };

/** A group-buy campaign (接龙): open → cut-off → formed (成团) or failed; or cancelled by the store. */
export const gbCampaigns = pgTable(
  'gb_campaign',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: ['draft', 'open', 'closed', 'formed', 'failed', 'cancelled'] }).notNull(),
    openAt: ts('open_at').notNull(),
    cutoffAt: ts('cutoff_at').notNull(),
    pickupDate: date('pickup_date').notNull(),
    /** 成团: at least this many distinct buyers, or this many units in all */
    minKind: text('min_kind', { enum: ['buyers', 'qty'] }).notNull(),
    minValue: integer('min_value').notNull(),
    /** when the cut-off decision (formed / failed / cancelled) was taken */
    decidedAt: ts('decided_at'),
    /** when every order of the campaign got its after-decision step (refund, ladder difference) */
    settledAt: ts('settled_at'),
    /** distinct buyers when formed / failed was decided: the progress shown afterwards (give-backs do not lower it) */
    buyersAtCutoff: integer('buyers_at_cutoff'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('gb_campaign_store_idx').on(t.storeId, t.createdAt),
    index('gb_campaign_due_idx').on(t.status, t.cutoffAt),
    check('gb_campaign_window_ck', sql`cutoff_at > open_at and min_value >= 0`),
  ],
);

/** One product of a campaign; `sold` is the cap counter (conditional UPDATE, never above the cap). */
export const gbItems = pgTable(
  'gb_item',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => gbCampaigns.id),
    storeId: uuid('store_id').notNull(),
    position: integer('position').notNull(),
    skuId: uuid('sku_id').notNull(),
    priceFen: integer('price_fen').notNull(),
    tiers: jsonb('tiers').$type<LadderTier[]>().notNull().default([]),
    totalCap: integer('total_cap'),
    perPersonCap: integer('per_person_cap'),
    sold: integer('sold').notNull().default(0),
    /** the ladder price the campaign formed at (set at the cut-off decision) */
    finalPriceFen: integer('final_price_fen'),
    /** units sold when formed / failed was decided (`sold` is the live cap counter: no-shows and withdrawals give units back) */
    soldAtCutoff: integer('sold_at_cutoff'),
  },
  (t) => [
    index('gb_item_campaign_idx').on(t.campaignId),
    check('gb_item_cap_ck', sql`sold >= 0 and (total_cap is null or sold <= total_cap) and price_fen >= 0`),
  ],
);

/** A pickup slot with capacity in orders; `booked` is its counter. */
export const gbSlots = pgTable(
  'gb_slot',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => gbCampaigns.id),
    storeId: uuid('store_id').notNull(),
    label: text('label').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [index('gb_slot_campaign_idx').on(t.campaignId), check('gb_slot_cap_ck', sql`booked >= 0 and booked <= capacity`)],
);

/** Units a neighbour holds of one item (per-person cap counter). */
export const gbBuyerItems = pgTable(
  'gb_buyer_item',
  {
    storeId: uuid('store_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => gbItems.id),
    customerId: uuid('customer_id').notNull(),
    qty: integer('qty').notNull(),
  },
  (t) => [uniqueIndex('gb_buyer_item_uq').on(t.itemId, t.customerId), check('gb_buyer_item_qty_ck', sql`qty >= 0`)],
);

/** One join (接龙 entry) = one order. `active` until withdrawn (cancel/refund/cut-off); `settled` after the cut-off step. */
export const gbEntries = pgTable(
  'gb_entry',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => gbCampaigns.id),
    storeId: uuid('store_id').notNull(),
    orderId: uuid('order_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    slotId: uuid('slot_id'),
    lines: jsonb('lines').$type<Array<{ itemId: string; skuId: string; qty: number; unitPriceFen: number }>>().notNull(),
    active: boolean('active').notNull().default(true),
    settled: boolean('settled').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('gb_entry_order_uq').on(t.orderId), index('gb_entry_campaign_idx').on(t.campaignId, t.seq)],
);

/**
 * 未提货 ladder of one group-buy order after its pickup date: the steps taken (reminded, closed),
 * each once (the row is locked with the step's own change). One row per order.
 */
export const gbNoShows = pgTable(
  'gb_no_show',
  {
    orderId: uuid('order_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => gbCampaigns.id),
    step: text('step', { enum: ['waiting', 'reminded', 'closed'] }).notNull(),
    remindedAt: ts('reminded_at'),
    closedAt: ts('closed_at'),
    outcome: text('outcome', { enum: ['refund', 'store_credit', 'mixed', 'cancelled_unpaid', 'picked_up', 'withdrawn'] }),
    refundFen: integer('refund_fen').notNull().default(0),
    creditFen: integer('credit_fen').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('gb_no_show_store_idx').on(t.storeId, t.step), check('gb_no_show_money_ck', sql`refund_fen >= 0 and credit_fen >= 0`)],
);

/** Per-store group-buy settings. */
export const gbSettings = pgTable('gb_settings', {
  storeId: uuid('store_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  /** days after the pickup date before an order not picked up is closed */
  noShowGraceDays: integer('no_show_grace_days').notNull().default(2),
  updatedAt: ts('updated_at').notNull(),
});
