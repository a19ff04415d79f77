import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { LossInput, StockChange } from '../contract.js';
import { recordMovement } from '../ledger.repo.js';
import { assertQty, assertSkuOfStore } from '../sku-check.js';

/**
 * 报损: goods that spoiled or broke leave the shelf. Only available stock can be written off;
 * goods held for an order are released first, so a neighbour's order never silently loses them.
 */
export async function recordLoss(ctx: Ctx, i: LossInput): Promise<StockChange> {
  assertQty(i.qty);
  return inTx(ctx, async (tx) => {
    await assertSkuOfStore(tx, i.skuId);
    return recordMovement(tx, { skuId: i.skuId, kind: 'loss', onHandDelta: -i.qty, reservedDelta: 0, note: i.reason });
  });
}
