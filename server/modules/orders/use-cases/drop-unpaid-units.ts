import { and, eq } from 'drizzle-orm';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { release } from '../../inventory/index.js';
import { orderRef } from '../announce.js';
import type { OrderView } from '../contract.js';
import { linesOf, lockOrder, moveOrder, updateLine, updateOrder, type LineRow } from '../orders.repo.js';
import { presentOrder } from '../present.js';
import { orders } from '../tables.js';

/** What an order nobody has paid yet owes: every unit not taken off it, at its unit price. */
export function unpaidTotal(lines: LineRow[]): number {
  return lines.reduce((sum, l) => sum + l.unitPriceFen * (l.qty - l.refundedQty), 0);
}

/**
 * Takes units off an order nobody has paid (pay at pickup) that will not be handed over (a
 * presale shortage): they count as refunded units (never handed over, their reserved stock
 * released) but no money moves; the total due at the counter drops by their price. When no unit
 * is left the order is cancelled. Only before any money was taken.
 */
export async function dropUnpaidUnits(ctx: Ctx, orderId: string, asked: Array<{ lineId: string; qty: number }>, reason: string): Promise<OrderView> {
  return inTx(ctx, async (tx) => {
    let order = await lockOrder(tx, orderId);
    if (order.paidFen > 0 || order.paymentMethod === 'sandbox' || !['pending_payment', 'ready_for_pickup'].includes(order.status)) {
      throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'units_dropped', paidFen: order.paidFen });
    }
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    if (asked.length === 0) return presentOrder(order, lines);
    for (const a of asked) {
      const line = lines.find((l) => l.id === a.lineId);
      if (!line) throw new AppError('VALIDATION_FAILED', { lineId: a.lineId, reason: 'not a line of this order' });
      const left = line.qty - line.refundedQty;
      if (!Number.isSafeInteger(a.qty) || a.qty <= 0 || a.qty > left) throw new AppError('VALIDATION_FAILED', { lineId: line.id, qty: a.qty, refundableQty: left });
      // the reservation holds what is left of the line: all of it, or part
      if (line.reservationId) await release(tx, line.reservationId, a.qty === left ? undefined : a.qty);
      line.refundedQty += a.qty;
      await updateLine(tx, line.id, { refundedQty: line.refundedQty });
    }
    if (lines.every((l) => l.refundedQty === l.qty)) {
      // nothing left to hand over: withdrawn, as an unpaid order is (the total stays what it was)
      order = await moveOrder(tx, order, 'cancelled', { cancelReason: reason, payBy: null });
      await emit(tx, 'order.cancelled', { ...orderRef(order), reason });
      return presentOrder(order, lines);
    }
    const before = order.totalFen;
    const total = unpaidTotal(lines);
    const saved = await updateOrder(tx, order, {});
    const [row] = await tx.db.update(orders).set({ totalFen: total }).where(and(eq(orders.id, saved.id), eq(orders.storeId, tx.storeId))).returning();
    await emit(tx, 'order.repriced', { ...orderRef(row!), totalFenBefore: before, totalFen: total, reason });
    return presentOrder(row!, lines);
  });
}
