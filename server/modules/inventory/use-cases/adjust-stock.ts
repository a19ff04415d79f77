import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import type { AdjustInput, StockChange } from '../contract.js';
import { lockLevel, recordMovement } from '../ledger.repo.js';
import { assertSkuOfStore } from '../sku-check.js';

/**
 * 盘点: the counted quantity becomes on-hand; the ledger records the difference (also a zero
 * one: "counted and it matched" is worth keeping). A count below what is held for orders is
 * refused: those orders must be released first.
 */
export async function adjustStock(ctx: Ctx, i: AdjustInput): Promise<StockChange> {
  if (!Number.isSafeInteger(i.countedQty) || i.countedQty < 0) throw new AppError('VALIDATION_FAILED', { field: 'countedQty' });
  return inTx(ctx, async (tx) => {
    await assertSkuOfStore(tx, i.skuId);
    // the delta is computed from the locked level, so no movement slips in between
    const level = await lockLevel(tx, i.skuId);
    if (i.countedQty < level.reserved) {
      throw new AppError('STOCK_BELOW_RESERVED', { skuId: i.skuId, countedQty: i.countedQty, reserved: level.reserved });
    }
    return recordMovement(tx, { skuId: i.skuId, kind: 'adjust', onHandDelta: i.countedQty - level.onHand, reservedDelta: 0, note: i.reason });
  });
}
