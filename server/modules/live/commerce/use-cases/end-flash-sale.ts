import { and, eq, lte } from 'drizzle-orm';
import { inTx } from '../../../../db/tx.js';
import { systemCtx } from '../../../../db/system-ctx.js';
import { emit } from '../../../../events/emit.js';
import type { Clock } from '../../../../kernel/clock.js';
import type { Ctx, Db } from '../../../../kernel/ctx.js';
import { getLevels, release } from '../../../inventory/index.js';
import type { FlashSaleView } from '../../contract.js';
import { findFlashSale, presentFlashSale, saleState } from '../flash-sale.repo.js';
import { liveFlashSales } from '../tables.js';

/**
 * Ends a flash sale (the host, or the job at endsAt): what was not sold goes back to the shelf
 * (the pool reservation is released). Ending twice is a no-op.
 */
export async function endFlashSale(ctx: Ctx, flashSaleId: string): Promise<FlashSaleView> {
  return inTx(ctx, async (tx) => {
    const sale = await findFlashSale(tx, flashSaleId, true);
    const now = tx.clock.now();
    if (sale.status === 'ended') return presentFlashSale(sale, now);
    // a pool already released by the ledger's expiry safety net is a no-op here
    if (sale.reservationId) await release(tx, sale.reservationId);
    const [row] = await tx.db
      .update(liveFlashSales)
      .set({ status: 'ended', endedAt: now, reservationId: null })
      .where(eq(liveFlashSales.id, sale.id))
      .returning();
    const available = (await getLevels(tx, [sale.skuId])).get(sale.skuId)!.available;
    await emit(tx, 'live.flash_sale_changed', { showId: sale.showId, sale: saleState(row!, now), available, ticker: [], at: now.toISOString() });
    return presentFlashSale(row!, now);
  });
}

export const END_FLASH_SALES_JOB = 'live.flash-sales.end';

/** Ends every open flash sale whose time is up (all stores); each in its own transaction. */
export async function endDueFlashSales(db: Db, deps: { clock: Clock; outboxWake: () => void }): Promise<number> {
  const due = await db
    .select({ id: liveFlashSales.id, orgId: liveFlashSales.orgId, storeId: liveFlashSales.storeId })
    .from(liveFlashSales)
    .where(and(eq(liveFlashSales.status, 'open'), lte(liveFlashSales.endsAt, deps.clock.now())))
    .limit(200);
  for (const s of due) await endFlashSale(systemCtx(db, s, END_FLASH_SALES_JOB, deps), s.id);
  return due.length;
}
