import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { findOrder, lockOrder } from '../orders.repo.js';
import { cancelOrder } from './cancel-order.js';

export const PAYMENT_TIMEOUT_REASON = 'payment_timeout';

/**
 * A reservation of an order expired (event 'inventory.reservation_expired', or the sweep job):
 * an order that is still unpaid is cancelled and its other reservations released. Anything else
 * (paid meanwhile, cancelled, an order of another module) is left alone, so a replayed event
 * changes nothing. The status is read under the order's lock, so a payment that commits first wins.
 */
export async function expireUnpaidOrder(ctx: Ctx, orderId: string): Promise<boolean> {
  return inTx(ctx, async (tx) => {
    if (!(await findOrder(tx, orderId))) return false;
    const order = await lockOrder(tx, orderId);
    if (order.status !== 'pending_payment' || order.paymentMethod !== 'sandbox') return false;
    await cancelOrder(tx, orderId, PAYMENT_TIMEOUT_REASON);
    return true;
  });
}
