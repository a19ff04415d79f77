import { inTx } from '../../../db/tx.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { reserve } from '../../inventory/index.js';
import { linesOf, lockOrder, updateLine } from '../orders.repo.js';

/**
 * Goods of a presale line (created with reserveStock: false) arrived: what is left of the line
 * (qty − refunded) is reserved for pickup, without expiry. A line already held is left alone.
 * Answers whether every line is now settled (held, or refunded in full), i.e. the order can be
 * marked ready. Throws INSUFFICIENT_STOCK when the stock is not there.
 */
export async function holdPresaleLine(ctx: Ctx, orderId: string, lineId: string): Promise<{ allHeld: boolean }> {
  return inTx(ctx, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.fulfilment !== 'presale' || !['paid', 'pending_payment', 'ready_for_pickup'].includes(order.status)) {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'held' });
    }
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('VALIDATION_FAILED', { lineId, reason: 'not a line of this order' });
    const left = line.qty - line.refundedQty;
    if (!line.reservationId && left > 0) {
      const { reservationId } = await reserve(tx, { skuId: line.skuId, qty: left, channel: order.channel, orderId, orderLineId: line.id, expiresAt: null });
      await updateLine(tx, line.id, { reservationId });
      line.reservationId = reservationId;
    }
    return { allHeld: lines.every((l) => l.reservationId !== null || l.refundedQty === l.qty) };
  });
}
