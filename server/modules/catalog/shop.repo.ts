import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/ctx.js';
import { mediaUrl, type ShopProduct } from './contract.js';
import { categories, products, skus } from './tables.js';

/**
 * Stock levels come from the inventory module through this port (wired in app.ts), so the
 * catalog does not depend on the ledger and the ledger may depend on the catalog.
 */
export type StockLevelsPort = (ctx: Ctx, skuIds: string[]) => Promise<Map<string, { available: number }>>;

/** What the shop shows: active products that have at least one active SKU, by category order. */
export async function listShopProducts(ctx: Ctx, stockLevels: StockLevelsPort): Promise<ShopProduct[]> {
  const rows = await ctx.db
    .select({ product: products, category: { id: categories.id, name: categories.name } })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.storeId, ctx.storeId), eq(products.active, true)))
    .orderBy(asc(categories.sort), asc(products.createdAt), asc(products.id));
  if (rows.length === 0) return [];
  const skuRows = await ctx.db
    .select()
    .from(skus)
    .where(and(eq(skus.storeId, ctx.storeId), eq(skus.active, true), inArray(skus.productId, rows.map((r) => r.product.id))))
    .orderBy(asc(skus.sort), asc(skus.createdAt));
  const levels = await stockLevels(ctx, skuRows.map((s) => s.id));
  const out: ShopProduct[] = [];
  for (const { product: p, category } of rows) {
    const its = skuRows.filter((s) => s.productId === p.id);
    if (its.length === 0) continue;
    out.push({
      id: p.id,
      name: p.name,
      description: p.description,
      category: category?.id ? { id: category.id, name: category.name } : null,
      imageUrls: p.images.map(mediaUrl),
      skus: its.map((s) => ({
        skuId: s.id,
        spec: s.spec,
        unit: s.unit,
        priceFen: s.priceFen,
        weighed: s.weighed,
        available: levels.get(s.id)?.available ?? 0,
      })),
    });
  }
  return out;
}
