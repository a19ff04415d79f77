import { inTx } from '../../../../db/tx.js';
import { emit } from '../../../../events/emit.js';
import { MINUTE } from '../../../../kernel/clock.js';
import type { Ctx } from '../../../../kernel/ctx.js';
import { AppError } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { getSkusForSale } from '../../../catalog/index.js';
import { getLevels, reserve } from '../../../inventory/index.js';
import type { FlashSaleView, OpenFlashSaleBody } from '../../contract.js';
import { findShow, presentFlashSale, saleState } from '../flash-sale.repo.js';
import { liveFlashSales } from '../tables.js';

/**
 * The host opens a flash sale: `qty` units of the SKU are reserved from the ledger at once (the
 * pool; INSUFFICIENT_STOCK when the shelf has less), so the sale can never sell what the store
 * does not have, and other channels cannot sell the pool meanwhile.
 */
export async function openFlashSale(ctx: Ctx, showId: string, body: OpenFlashSaleBody): Promise<FlashSaleView> {
  return inTx(ctx, async (tx) => {
    const show = await findShow(tx, showId);
    if (show.status === 'ended') throw new AppError('LIVE_SHOW_NOT_ON_AIR', { showId });
    const sku = (await getSkusForSale(tx, [body.skuId])).get(body.skuId);
    if (!sku) throw new AppError('SKU_NOT_FOUND', { skuId: body.skuId });
    if (!sku.active) throw new AppError('SKU_INACTIVE', { skuId: body.skuId, productName: sku.productName });
    if (body.priceFen > sku.priceFen) throw new AppError('FLASH_SALE_INVALID', { priceFen: body.priceFen, regularPriceFen: sku.priceFen });
    if (body.perPersonLimit > body.qty) throw new AppError('FLASH_SALE_INVALID', { perPersonLimit: body.perPersonLimit, qty: body.qty });
    const now = tx.clock.now();
    const endsAt = new Date(now.getTime() + body.durationSec * 1000);
    const id = newId();
    // the end job releases the rest at endsAt; the ledger's own expiry is a safety net behind it
    const { reservationId } = await reserve(tx, { skuId: sku.skuId, qty: body.qty, channel: 'live', expiresAt: new Date(endsAt.getTime() + 10 * MINUTE) });
    const [row] = await tx.db
      .insert(liveFlashSales)
      .values({
        id,
        orgId: tx.orgId,
        storeId: tx.storeId,
        showId,
        skuId: sku.skuId,
        title: body.title ?? `${sku.productName} ${sku.spec}`.trim().slice(0, 80),
        priceFen: body.priceFen,
        originalPriceFen: sku.priceFen,
        total: body.qty,
        remaining: body.qty,
        perPersonLimit: body.perPersonLimit,
        reservationId,
        openedAt: now,
        endsAt,
      })
      .returning();
    const available = (await getLevels(tx, [sku.skuId])).get(sku.skuId)!.available;
    await emit(tx, 'live.flash_sale_changed', { showId, sale: saleState(row!, now), available, ticker: [], at: now.toISOString() });
    return presentFlashSale(row!, now);
  });
}
