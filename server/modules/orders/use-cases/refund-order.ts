import { inTx } from '../../../db/tx.js';
import { actorId, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { release } from '../../inventory/index.js';
import { announceRefund } from '../announce.js';
import type { RefundResult } from '../contract.js';
import { linesOf, lockOrder, moveOrder, updateLine, updateOrder, type LineRow, type OrderRow } from '../orders.repo.js';
import type { PaymentsPort } from '../ports.js';
import { presentOrder } from '../present.js';
import { refundableFen } from '../state.js';
import { orderRefunds } from '../tables.js';

export interface RefundOrderInput {
  orderId: string;
  amountFen: number;
  reason: string;
  /** units given back before pickup: their stock is released */
  lines?: Array<{ lineId: string; qty: number }>;
}

/** A refund asked for by the store (console) through the payments port. */
export async function refundOrder(ctx: Ctx, i: RefundOrderInput, payments: PaymentsPort): Promise<RefundResult> {
  return inTx(ctx, async (tx) => {
    const order = await lockOrder(tx, i.orderId);
    const lines = (await linesOf(tx.db, [order.id])).get(order.id) ?? [];
    return refundLocked(tx, order, lines, i, payments);
  });
}

const REFUNDABLE_STATUSES = ['paid', 'ready_for_pickup', 'picked_up'];

/**
 * Refunds money of a locked order: never more than paid minus refunded. A refund of everything
 * left closes the order (refunded) and, before pickup, releases every unit still reserved; a
 * partial refund keeps the status and releases only the units it names.
 */
export async function refundLocked(
  ctx: Ctx,
  order: OrderRow,
  lines: LineRow[],
  i: Omit<RefundOrderInput, 'orderId'>,
  payments: PaymentsPort,
): Promise<RefundResult> {
  if (!REFUNDABLE_STATUSES.includes(order.status)) throw new AppError('ORDER_STATE_INVALID', { from: order.status, to: 'refunded' });
  const refundable = refundableFen(order);
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0 || i.amountFen > refundable) {
    throw new AppError('REFUND_EXCEEDS_PAID', { amountFen: i.amountFen, refundableFen: refundable });
  }
  const full = i.amountFen === refundable;
  const units = unitsToReturn(lines, i.lines ?? [], full && order.status !== 'picked_up');

  for (const [lineId, qty] of units) {
    const line = lines.find((l) => l.id === lineId)!;
    // after pickup the goods are with the buyer: nothing goes back on the shelf here
    if (order.status !== 'picked_up' && line.reservationId) {
      // the reservation holds what is left of the line: all of it, or part
      await release(ctx, line.reservationId, qty === line.qty - line.refundedQty ? undefined : qty);
    }
    await updateLine(ctx, lineId, { refundedQty: line.refundedQty + qty });
  }

  const id = newId();
  const port = await payments.requestRefund(ctx, { orderId: order.id, amountFen: i.amountFen, reason: i.reason, idemKey: id });
  await ctx.db.insert(orderRefunds).values({
    id,
    orgId: ctx.orgId,
    storeId: ctx.storeId,
    orderId: order.id,
    amountFen: i.amountFen,
    reason: i.reason,
    lines: [...units].map(([lineId, qty]) => ({ lineId, qty })),
    paymentRefundId: port.refundId,
    status: port.status,
    createdBy: actorId(ctx.actor),
    createdAt: ctx.clock.now(),
  });

  const refundedFen = order.refundedFen + i.amountFen;
  const saved = full ? await moveOrder(ctx, order, 'refunded', { refundedFen }) : await updateOrder(ctx, order, { refundedFen });
  await announceRefund(ctx, saved, { refundId: port.refundId, amountFen: i.amountFen, full, reason: i.reason });
  const fresh = (await linesOf(ctx.db, [order.id])).get(order.id) ?? [];
  return { refundId: port.refundId, status: port.status, amountFen: i.amountFen, order: presentOrder(saved, fresh) };
}

/** lineId → units to mark refunded; `all` adds every unit not yet refunded. */
function unitsToReturn(lines: LineRow[], asked: Array<{ lineId: string; qty: number }>, all: boolean): Map<string, number> {
  const units = new Map<string, number>();
  for (const a of asked) {
    const line = lines.find((l) => l.id === a.lineId);
    if (!line) throw new AppError('VALIDATION_FAILED', { lineId: a.lineId, reason: 'not a line of this order' });
    units.set(a.lineId, (units.get(a.lineId) ?? 0) + a.qty);
  }
  for (const line of lines) {
    const left = line.qty - line.refundedQty;
    const want = all ? left : (units.get(line.id) ?? 0);
    if (want > left) throw new AppError('VALIDATION_FAILED', { lineId: line.id, qty: want, refundableQty: left });
    if (want > 0) units.set(line.id, want);
    else units.delete(line.id);
  }
  return units;
}
