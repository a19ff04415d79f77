import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const PO_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'closed'] as const;

/**
 * 采购单 (以销定采): one per supplier per campaign, built at cut-off from the campaign's demand.
 * `supplierKey` is the supplier id or '' for SKUs without a supplier, so the unique index makes
 * PO creation idempotent per (campaign, supplier) even for the "no supplier" group.
 */
export const purchaseOrders = pgTable(
  'gb_po_purchase_order',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    storeId: uuid('store_id').notNull(),
    number: text('number').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    supplierId: uuid('supplier_id'),
    supplierKey: text('supplier_key').notNull(),
    supplierName: text('supplier_name').notNull(),
    status: text('status', { enum: PO_STATUSES }).notNull().default('draft'),
    /** the loss buffer the quantities were planned with, in basis points (500 = 5%) */
    lossBufferBp: integer('loss_buffer_bp').notNull(),
    note: text('note').notNull().default(''),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('gb_po_campaign_supplier_uq').on(t.storeId, t.campaignId, t.supplierKey),
    uniqueIndex('gb_po_number_uq').on(t.storeId, t.number),
    index('gb_po_store_created_idx').on(t.storeId, t.createdAt),
    check('gb_po_loss_buffer_ck', sql`loss_buffer_bp >= 0 and loss_buffer_bp <= 10000`),
  ],
);

/** One SKU of a PO: the demand, the buffer, the case rounding, and what has arrived so far. */
export const purchaseOrderLines = pgTable(
  'gb_po_line',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    poId: uuid('po_id')
      .notNull()
      .references(() => purchaseOrders.id),
    skuId: uuid('sku_id').notNull(),
    productName: text('product_name').notNull(),
    spec: text('spec').notNull(),
    unit: text('unit').notNull(),
    demandQty: integer('demand_qty').notNull(),
    bufferQty: integer('buffer_qty').notNull(),
    casePack: integer('case_pack').notNull(),
    cases: integer('cases').notNull(),
    orderedQty: integer('ordered_qty').notNull(),
    receivedQty: integer('received_qty').notNull().default(0),
    /** purchase price per unit when known (the catalog keeps sale prices only) */
    unitCostFen: integer('unit_cost_fen'),
    note: text('note').notNull().default(''),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    uniqueIndex('gb_po_line_sku_uq').on(t.poId, t.skuId),
    check('gb_po_line_qty_ck', sql`demand_qty > 0 and ordered_qty >= demand_qty and received_qty >= 0 and case_pack >= 1`),
  ],
);

/** 收货单: one delivery recorded against a PO (the Idempotency-Key keeps retries to one). */
export const receipts = pgTable(
  'gb_po_receipt',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    poId: uuid('po_id')
      .notNull()
      .references(() => purchaseOrders.id),
    actor: text('actor').notNull(),
    actorName: text('actor_name').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('gb_po_receipt_po_idx').on(t.storeId, t.poId)],
);

export const receiptLines = pgTable(
  'gb_po_receipt_line',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    receiptId: uuid('receipt_id')
      .notNull()
      .references(() => receipts.id),
    poLineId: uuid('po_line_id')
      .notNull()
      .references(() => purchaseOrderLines.id),
    receivedQty: integer('received_qty').notNull(),
    note: text('note').notNull().default(''),
    /** the stock ledger's receive movement (null when nothing arrived) */
    movementId: integer('movement_id'),
  },
  (t) => [index('gb_po_receipt_line_idx').on(t.receiptId), check('gb_po_receipt_line_qty_ck', sql`received_qty >= 0`)],
);

/**
 * First-come allocation of one campaign SKU's arrived goods to its presale order lines; written
 * once, so a repeated or later receipt never fills or refunds an order line twice.
 */
export const allocations = pgTable(
  'gb_po_allocation',
  {
    storeId: uuid('store_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    receivedQty: integer('received_qty').notNull(),
    allocatedQty: integer('allocated_qty').notNull(),
    shortQty: integer('short_qty').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('gb_po_allocation_uq').on(t.storeId, t.campaignId, t.skuId)],
);

/** Per-store procurement settings. */
export const settings = pgTable(
  'gb_po_setting',
  {
    storeId: uuid('store_id').primaryKey(),
    lossBufferBp: integer('loss_buffer_bp').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [check('gb_po_setting_loss_buffer_ck', sql`loss_buffer_bp >= 0 and loss_buffer_bp <= 10000`)],
);
