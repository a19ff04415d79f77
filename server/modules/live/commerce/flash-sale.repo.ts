import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { FlashSaleView } from '../contract.js';
import { liveShows } from '../tables.js';
import { liveFlashSales } from './tables.js';

export type FlashSaleRow = typeof liveFlashSales.$inferSelect;

export function flashStatus(r: FlashSaleRow, now: Date): FlashSaleView['status'] {
  if (r.status === 'ended' || now >= r.endsAt) return 'ended';
  return r.remaining === 0 ? 'sold_out' : 'open';
}

export function presentFlashSale(r: FlashSaleRow, now: Date): FlashSaleView {
  return {
    id: r.id,
    showId: r.showId,
    skuId: r.skuId,
    title: r.title,
    priceFen: r.priceFen,
    originalPriceFen: r.originalPriceFen,
    total: r.total,
    remaining: r.remaining,
    perPersonLimit: r.perPersonLimit,
    status: flashStatus(r, now),
    openedAt: r.openedAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
  };
}

/** the realtime / event shape of a flash sale's state */
export function saleState(r: FlashSaleRow, now: Date) {
  const v = presentFlashSale(r, now);
  return {
    flashSaleId: v.id,
    skuId: v.skuId,
    title: v.title.slice(0, 80),
    priceFen: v.priceFen,
    originalPriceFen: v.originalPriceFen,
    total: v.total,
    remaining: v.remaining,
    perPersonLimit: v.perPersonLimit,
    endsAt: v.endsAt,
    status: v.status,
  };
}

/** The flash sale of the ctx's store, locked FOR UPDATE when asked (every sale and the end do). */
export async function findFlashSale(ctx: Ctx, id: string, lock = false): Promise<FlashSaleRow> {
  const q = ctx.db
    .select()
    .from(liveFlashSales)
    .where(and(eq(liveFlashSales.id, id), eq(liveFlashSales.storeId, ctx.storeId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('FLASH_SALE_NOT_FOUND', { flashSaleId: id });
  return row;
}

export async function findShow(ctx: Ctx, showId: string) {
  const [show] = await ctx.db
    .select({ id: liveShows.id, title: liveShows.title, status: liveShows.status })
    .from(liveShows)
    .where(and(eq(liveShows.id, showId), eq(liveShows.storeId, ctx.storeId)));
  if (!show) throw new AppError('LIVE_SHOW_NOT_FOUND', { showId });
  return show;
}

export async function listFlashSales(ctx: Ctx, showId: string): Promise<FlashSaleView[]> {
  await findShow(ctx, showId);
  const rows = await ctx.db
    .select()
    .from(liveFlashSales)
    .where(and(eq(liveFlashSales.storeId, ctx.storeId), eq(liveFlashSales.showId, showId)));
  const now = ctx.clock.now();
  return rows.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime()).map((r) => presentFlashSale(r, now));
}
