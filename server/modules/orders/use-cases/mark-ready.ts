import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { announceReady } from '../announce.js';
import type { OrderView } from '../contract.js';
import { linesOf, lockOrder, moveOrder } from '../orders.repo.js';
import { presentOrder } from '../present.js';

/**
 * The goods of a paid presale order (or an unpaid pay_at_pickup one) are in the store: the
 * buyer is told to come. Marking a ready order ready again changes nothing.
 */
export async function markReady(ctx: Ctx, orderId: string): Promise<OrderView> {
  return inTx(ctx, async (tx) => {
    let order = await lockOrder(tx, orderId);
    if (order.status !== 'ready_for_pickup') {
      const unpaidAtCounter = order.status === 'pending_payment' && order.paymentMethod === 'pay_at_pickup';
      if (order.status !== 'paid' && !unpaidAtCounter) {
        throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'ready_for_pickup' });
      }
      order = await moveOrder(tx, order, 'ready_for_pickup');
      await announceReady(tx, order);
    }
    return presentOrder(order, (await linesOf(tx.db, [order.id])).get(order.id) ?? []);
  });
}
