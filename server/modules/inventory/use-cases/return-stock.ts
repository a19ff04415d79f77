import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { ReturnInput, StockChange } from '../contract.js';
import { recordMovement } from '../ledger.repo.js';
import { assertQty, assertSkuOfStore } from '../sku-check.js';

/** 退货入库: goods a buyer brought back after pickup go on hand again. */
export async function returnStock(ctx: Ctx, i: ReturnInput): Promise<StockChange> {
  assertQty(i.qty);
  return inTx(ctx, async (tx) => {
    await assertSkuOfStore(tx, i.skuId);
    return recordMovement(tx, {
      skuId: i.skuId,
      kind: 'return',
      onHandDelta: i.qty,
      reservedDelta: 0,
      orderId: i.orderId ?? null,
      note: i.reason,
    });
  });
}
