import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { release } from '../../inventory/index.js';
import { orderRef } from '../announce.js';
import type { OrderView } from '../contract.js';
import { linesOf, lockOrder, moveOrder } from '../orders.repo.js';
import { presentOrder } from '../present.js';
import { refundableFen } from '../state.js';

/**
 * Closes an order that was ready but never picked up, keeping the money that is left (the
 * caller turns it into store credit): every unit still held goes back to sale through the
 * inventory ledger (a release movement), the order is cancelled with `reason`. Answers the order
 * and the money kept (paid − refunded).
 */
export async function closeKeepingMoney(ctx: Ctx, orderId: string, reason: string): Promise<{ order: OrderView; keptFen: number }> {
  return inTx(ctx, async (tx) => {
    let order = await lockOrder(tx, orderId);
    if (order.status !== 'ready_for_pickup') throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'cancelled' });
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    for (const line of lines) {
      if (line.reservationId && line.qty > line.refundedQty) await release(tx, line.reservationId);
    }
    const keptFen = refundableFen(order);
    order = await moveOrder(tx, order, 'cancelled', { cancelReason: reason, payBy: null });
    await emit(tx, 'order.cancelled', { ...orderRef(order), reason });
    return { order: presentOrder(order, lines), keptFen };
  });
}
