import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Shelf sections of one store (水果, 蔬菜, 粮油 …), in the order the shop shows them. */
export const categories = pgTable(
  'catalog_category',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_category_name_uq').on(t.storeId, t.name)],
);

/** Who the store buys from; the case pack is what purchase orders round up to. */
export const suppliers = pgTable(
  'catalog_supplier',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    phone: text('phone').notNull().default(''),
    casePackDefault: integer('case_pack_default').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_supplier_store_idx').on(t.storeId), check('catalog_supplier_case_pack_ck', sql`case_pack_default >= 1`)],
);

export const products = pgTable(
  'catalog_product',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    categoryId: uuid('category_id').references(() => categories.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** file names under DATA_DIR/media, first one is the cover */
    images: jsonb('images').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    active: boolean('active').notNull().default(true),
    /** 未提货 after the grace period: refund (default) or keep the money as store credit */
    noShowPolicy: text('no_show_policy', { enum: ['refund', 'store_credit'] }).notNull().default('refund'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_product_store_idx').on(t.storeId)],
);

/**
 * What is sold and counted: one spec of a product (500g/盒). SKUs are never deleted — the
 * stock ledger and orders point at them — only deactivated.
 */
export const skus = pgTable(
  'catalog_sku',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    spec: text('spec').notNull(),
    unit: text('unit').notNull(),
    barcode: text('barcode'),
    priceFen: integer('price_fen').notNull(),
    /** fresh goods sold at an estimated weight and settled on the scale at pickup */
    weighed: boolean('weighed').notNull().default(false),
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    casePack: integer('case_pack').notNull().default(1),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the scanner at the counter finds one SKU per barcode in a store
    uniqueIndex('catalog_sku_barcode_uq').on(t.storeId, t.barcode).where(sql`barcode is not null`),
    index('catalog_sku_product_idx').on(t.productId),
    index('catalog_sku_store_idx').on(t.storeId),
    check('catalog_sku_price_ck', sql`price_fen >= 0`),
    check('catalog_sku_case_pack_ck', sql`case_pack >= 1`),
  ],
);
