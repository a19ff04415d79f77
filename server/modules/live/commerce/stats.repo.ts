import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import type { ShowSalesStats } from '../contract.js';
import { findShow } from './flash-sale.repo.js';
import { liveSales, liveVoucherDrops, liveVouchers } from './tables.js';

/**
 * What a show sold (orders placed from its room: flash sales and presale joins, value at order
 * time) and what its vouchers brought to the store since (redeemed at the counter).
 * LIVE_SHOW_NOT_FOUND for a show of another store.
 */
export async function showSalesStats(ctx: Ctx, showId: string): Promise<ShowSalesStats> {
  await findShow(ctx, showId);
  const scope = and(eq(liveSales.storeId, ctx.storeId), eq(liveSales.showId, showId));
  const [totals] = await ctx.db
    .select({
      orders: sql<number>`count(distinct ${liveSales.orderId})::int`,
      units: sql<number>`coalesce(sum(${liveSales.qty}), 0)::int`,
      gmvFen: sql<number>`coalesce(sum(${liveSales.amountFen}), 0)::int`,
      flash: sql<number>`count(distinct ${liveSales.orderId}) filter (where ${liveSales.kind} = 'flash_sale')::int`,
      presale: sql<number>`count(distinct ${liveSales.orderId}) filter (where ${liveSales.kind} = 'presale')::int`,
    })
    .from(liveSales)
    .where(scope);
  const products = await ctx.db
    .select({
      skuId: liveSales.skuId,
      title: sql<string>`min(${liveSales.title})`,
      qty: sql<number>`sum(${liveSales.qty})::int`,
      gmvFen: sql<number>`sum(${liveSales.amountFen})::int`,
    })
    .from(liveSales)
    .where(scope)
    .groupBy(liveSales.skuId)
    .orderBy(desc(sql`sum(${liveSales.amountFen})`));
  const [dropped] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(${liveVoucherDrops.total}), 0)::int` })
    .from(liveVoucherDrops)
    .where(and(eq(liveVoucherDrops.storeId, ctx.storeId), eq(liveVoucherDrops.showId, showId)));
  const vScope = and(eq(liveVouchers.storeId, ctx.storeId), eq(liveVouchers.showId, showId));
  const [claimed] = await ctx.db.select({ n: count() }).from(liveVouchers).where(vScope);
  const [redeemed] = await ctx.db.select({ n: count() }).from(liveVouchers).where(and(vScope, isNotNull(liveVouchers.redeemedAt)));
  return {
    orders: totals?.orders ?? 0,
    units: totals?.units ?? 0,
    gmvFen: totals?.gmvFen ?? 0,
    flashSaleOrders: totals?.flash ?? 0,
    presaleOrders: totals?.presale ?? 0,
    products: products.map((p) => ({ skuId: p.skuId, title: p.title, qty: p.qty, gmvFen: p.gmvFen })),
    vouchers: { dropped: dropped?.n ?? 0, claimed: Number(claimed?.n ?? 0), redeemed: Number(redeemed?.n ?? 0) },
  };
}
