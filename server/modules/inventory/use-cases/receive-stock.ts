import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import type { ReceiveInput, StockChange } from '../contract.js';
import { recordMovement } from '../ledger.repo.js';
import { assertQty, assertSkuOfStore } from '../sku-check.js';

/** 收货: goods delivered to the store go on hand. */
export async function receiveStock(ctx: Ctx, i: ReceiveInput): Promise<StockChange> {
  assertQty(i.qty);
  return inTx(ctx, async (tx) => {
    await assertSkuOfStore(tx, i.skuId);
    return recordMovement(tx, { skuId: i.skuId, kind: 'receive', onHandDelta: i.qty, reservedDelta: 0, note: i.note });
  });
}
