import { and, asc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import { mediaUrl, type ProductListQuery, type ProductView, type SkuView } from './contract.js';
import { products, skus } from './tables.js';

/** Everything a channel needs to sell one SKU (the plan's SkuForSale). */
export interface SkuForSale {
  skuId: string;
  productId: string;
  productName: string;
  spec: string;
  unit: string;
  priceFen: number;
  weighed: boolean;
  /** the SKU and its product are both active */
  active: boolean;
  barcode: string | null;
  supplierId: string | null;
  casePack: number;
  imageUrl: string | null;
  /** what closes a no-show order of this product: a refund or store credit */
  noShowPolicy: 'refund' | 'store_credit';
}

// a malformed id would make PostgreSQL refuse the whole uuid comparison
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ProductRow = typeof products.$inferSelect;
type SkuRow = typeof skus.$inferSelect;

export function presentSku(s: SkuRow): SkuView {
  return {
    id: s.id,
    spec: s.spec,
    unit: s.unit,
    barcode: s.barcode,
    priceFen: s.priceFen,
    weighed: s.weighed,
    supplierId: s.supplierId,
    casePack: s.casePack,
    active: s.active,
  };
}

function presentProduct(p: ProductRow, its: SkuRow[]): ProductView {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    categoryId: p.categoryId,
    images: p.images.map((file) => ({ file, url: mediaUrl(file) })),
    active: p.active,
    noShowPolicy: p.noShowPolicy,
    skus: its.map(presentSku),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** SKUs of the given products, grouped by product, in their display order. */
export async function skusOfProducts(ctx: Ctx, productIds: string[]): Promise<Map<string, SkuRow[]>> {
  const bySku = new Map<string, SkuRow[]>();
  if (productIds.length === 0) return bySku;
  const rows = await ctx.db
    .select()
    .from(skus)
    .where(and(eq(skus.storeId, ctx.storeId), inArray(skus.productId, productIds)))
    .orderBy(asc(skus.sort), asc(skus.createdAt));
  for (const s of rows) bySku.set(s.productId, [...(bySku.get(s.productId) ?? []), s]);
  return bySku;
}

export async function listProducts(ctx: Ctx, q: ProductListQuery = {}): Promise<ProductView[]> {
  const where: SQL[] = [eq(products.storeId, ctx.storeId)];
  if (q.q) where.push(ilike(products.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.categoryId) where.push(eq(products.categoryId, q.categoryId));
  if (q.active) where.push(eq(products.active, q.active === 'true'));
  const rows = await ctx.db.select().from(products).where(and(...where)).orderBy(asc(products.createdAt));
  const bySku = await skusOfProducts(ctx, rows.map((p) => p.id));
  return rows.map((p) => presentProduct(p, bySku.get(p.id) ?? []));
}

export async function findProductRow(ctx: Ctx, productId: string, opts: { forUpdate?: boolean } = {}): Promise<ProductRow | null> {
  const q = ctx.db
    .select()
    .from(products)
    .where(and(eq(products.storeId, ctx.storeId), eq(products.id, productId)))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getProduct(ctx: Ctx, productId: string): Promise<ProductView | null> {
  const p = await findProductRow(ctx, productId);
  if (!p) return null;
  return presentProduct(p, (await skusOfProducts(ctx, [p.id])).get(p.id) ?? []);
}

async function skusForSaleWhere(ctx: Ctx, filter?: SQL): Promise<SkuForSale[]> {
  const rows = await ctx.db
    .select({ sku: skus, product: { name: products.name, active: products.active, images: products.images, noShowPolicy: products.noShowPolicy } })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(skus.storeId, ctx.storeId), filter))
    .orderBy(asc(products.createdAt), asc(skus.sort), asc(skus.createdAt));
  return rows.map(({ sku: s, product: p }) => ({
    skuId: s.id,
    productId: s.productId,
    productName: p.name,
    spec: s.spec,
    unit: s.unit,
    priceFen: s.priceFen,
    weighed: s.weighed,
    active: s.active && p.active,
    barcode: s.barcode,
    supplierId: s.supplierId,
    casePack: s.casePack,
    imageUrl: p.images[0] ? mediaUrl(p.images[0]) : null,
    noShowPolicy: p.noShowPolicy,
  }));
}

/** Store-scoped: ids of another store's SKUs (or unknown ids) are simply absent from the map. */
export async function getSkusForSale(ctx: Ctx, skuIds: string[]): Promise<Map<string, SkuForSale>> {
  const ids = [...new Set(skuIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const list = await skusForSaleWhere(ctx, inArray(skus.id, ids));
  return new Map(list.map((s) => [s.skuId, s]));
}

/** Every SKU of the store, active or not (stock pages list what is still on the shelf). */
export function listSkusForSale(ctx: Ctx): Promise<SkuForSale[]> {
  return skusForSaleWhere(ctx);
}
