import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { release } from '../../inventory/index.js';
import { orderRef } from '../announce.js';
import type { OrderView } from '../contract.js';
import { linesOf, lockOrder, moveOrder } from '../orders.repo.js';
import type { PaymentsPort } from '../ports.js';
import { presentOrder } from '../present.js';
import { refundableFen } from '../state.js';
import { refundLocked } from './refund-order.js';

/**
 * Withdraws an order before pickup. Nothing paid → cancelled, reservations released. Money
 * paid → everything left is refunded (随时退) and the order is refunded. Picked-up and closed
 * orders cannot be cancelled. `payments` is needed only when money was paid.
 */
export async function cancelOrder(ctx: Ctx, orderId: string, reason: string, payments?: PaymentsPort): Promise<OrderView> {
  return inTx(ctx, async (tx) => {
    let order = await lockOrder(tx, orderId);
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    if (order.status === 'picked_up' || order.status === 'cancelled' || order.status === 'refunded') {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'cancelled' });
    }
    if (refundableFen(order) > 0) {
      if (!payments) throw new Error('cancelling a paid order needs the payments port');
      const r = await refundLocked(tx, order, lines, { amountFen: refundableFen(order), reason }, payments);
      return r.order;
    }
    for (const line of lines) {
      if (line.reservationId && line.qty > line.refundedQty) await release(tx, line.reservationId);
    }
    order = await moveOrder(tx, order, 'cancelled', { cancelReason: reason, payBy: null });
    await emit(tx, 'order.cancelled', { ...orderRef(order), reason });
    return presentOrder(order, lines);
  });
}
