import type { Ctx } from '../../../../kernel/ctx.js';
import { release } from '../../../inventory/index.js';
import { createOrder, createOrdersBulk, type BulkOrderInput, type OrderView } from '../../../orders/index.js';
import type { FlashSaleRow } from '../flash-sale.repo.js';

export interface FlashBuy {
  customerId: string;
  qty: number;
  paymentMethod: BulkOrderInput['paymentMethod'];
}

function orderInput(sale: FlashSaleRow, b: FlashBuy): BulkOrderInput {
  return {
    channel: 'live',
    customerId: b.customerId,
    actor: { kind: 'customer', customerId: b.customerId },
    lines: [{ skuId: sale.skuId, qty: b.qty, unitPriceFen: sale.priceFen }],
    paymentMethod: b.paymentMethod,
    fulfilment: 'in_stock',
    sourceRef: `live:${sale.showId}`,
    note: `秒杀 ${sale.title}`.slice(0, 200),
  };
}

/**
 * The orders of a sold batch, their units handed over from the sale's pool reservation to each
 * order line's own (one transaction, so the ledger never shows them available in between).
 * Set-based (the engine): one `createOrdersBulk` for the batch, a constant number of statements.
 * Per request (the naive baseline, `setBased: false`): the pool released, then `createOrder` per
 * order, statement by statement. Same rows either way.
 */
export async function writeFlashOrders(tx: Ctx, sale: FlashSaleRow, buys: FlashBuy[], setBased: boolean): Promise<OrderView[]> {
  if (setBased) return createOrdersBulk(tx, buys.map((b) => orderInput(sale, b)), { reserveFrom: sale.reservationId! });
  await release(tx, sale.reservationId!, buys.reduce((s, b) => s + b.qty, 0));
  const out: OrderView[] = [];
  for (const b of buys) {
    const { actor, ...input } = orderInput(sale, b);
    out.push(await createOrder({ ...tx, actor: actor! }, input));
  }
  return out;
}
