import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { reserve, setReservationExpiry } from '../../inventory/index.js';
import { announceReady, orderRef } from '../announce.js';
import { linesOf, lockOrder, moveOrder, updateLine, type LineRow, type OrderRow } from '../orders.repo.js';

/**
 * The payments module confirmed the money (wired in app.ts as onPaymentSucceeded, inside a
 * savepoint). The unpaid hold becomes a pickup hold without expiry; in_stock orders are ready at
 * once. A duplicate confirmation of the same payment changes nothing. An order that cannot take
 * the money (cancelled meanwhile, paid by another payment, other amount, stock gone) answers
 * ORDER_STATE_INVALID: payments then keeps the payment and refunds it.
 */
export async function markPaid(ctx: Ctx, i: { orderId: string; paymentId: string; amountFen: number }): Promise<void> {
  await inTx(ctx, async (tx) => {
    let order = await lockOrder(tx, i.orderId);
    if (order.status !== 'pending_payment' && order.paymentRef === i.paymentId) return;
    if (order.status !== 'pending_payment') throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'paid' });
    if (i.amountFen !== order.totalFen) {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'paid', reason: 'amount', expectedFen: order.totalFen, gotFen: i.amountFen });
    }

    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    for (const line of lines) await holdForPickup(tx, order, line);

    order = await moveOrder(tx, order, 'paid', { paidFen: i.amountFen, paymentRef: i.paymentId, payBy: null });
    await emit(tx, 'order.paid', { ...orderRef(order), paidFen: order.paidFen, paymentRef: i.paymentId });
    if (order.fulfilment === 'in_stock') {
      order = await moveOrder(tx, order, 'ready_for_pickup');
      await announceReady(tx, order);
    }
  });
}

/**
 * Drops the expiry of the line's reservation. If the hold ran out while the payment was on its
 * way (the expiry event not yet handled), the stock is reserved again; when it is gone the order
 * refuses the payment (it is refunded) and the expiry handler cancels the order.
 */
async function holdForPickup(ctx: Ctx, order: OrderRow, line: LineRow): Promise<void> {
  // a presale order created without reservations (reserveStock: false) holds nothing until receiving
  if (!line.reservationId && order.fulfilment === 'presale') return;
  if (line.reservationId) {
    try {
      await setReservationExpiry(ctx, line.reservationId, null);
      return;
    } catch (e) {
      if (!isAppError(e, 'RESERVATION_NOT_ACTIVE')) throw e;
    }
  }
  try {
    const { reservationId } = await reserve(ctx, {
      skuId: line.skuId,
      qty: line.qty - line.refundedQty,
      channel: order.channel,
      orderId: order.id,
      orderLineId: line.id,
      expiresAt: null,
    });
    await updateLine(ctx, line.id, { reservationId });
  } catch (e) {
    if (!isAppError(e, 'INSUFFICIENT_STOCK')) throw e;
    throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'paid', reason: 'stock', ...e.details });
  }
}
