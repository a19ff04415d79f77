import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { insertJsonRows } from '../../../db/json-rows.js';
import { emitMany } from '../../../events/emit.js';
import { actorId, type Ctx } from '../../../kernel/ctx.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { releaseMany } from '../../inventory/index.js';
import { notifyMany } from '../../notifications/index.js';
import { orderRef } from '../announce.js';
import { linesOf, type LineRow, type OrderRow } from '../orders.repo.js';
import type { PaymentsPort } from '../ports.js';
import { canTransition, isOpen, refundableFen } from '../state.js';
import { orderLines, orderRefunds, orders } from '../tables.js';

export type BulkCancelOutcome =
  | { outcome: 'cancelled' }
  | { outcome: 'refunded'; refundId: string; amountFen: number }
  /** closed already, or left out by `only` */
  | { outcome: 'skipped' }
  /** nothing written for it: the error says why (the caller tries it again later) */
  | { outcome: 'refused'; error: AppError };

/**
 * `cancelOrder` for many orders at once, in the caller's transaction (set-based use cases: the
 * orders of a failed 接龙 at cut-off; hundreds per call). The same outcome per order as one
 * `cancelOrder` each: nothing paid → cancelled; money paid → everything left refunded (recorded
 * pending through `payments.requestRefunds`) and the order refunded; every unit still held is
 * released; the same events and messages. Orders are locked in id order; an order already
 * closed, or left out by `only` (checked under the lock), is skipped.
 * The providers are not called here: once the caller has committed, it passes `refundIds` to
 * `payments.attemptRefunds` (a crash in between leaves the refunds in the retry queue).
 */
export async function cancelOrdersBulk(
  ctx: Ctx,
  orderIds: string[],
  reason: string,
  payments: PaymentsPort,
  o: { only?: (order: OrderRow) => boolean } = {},
): Promise<{ outcomes: Map<string, BulkCancelOutcome>; refundIds: string[] }> {
  if (!ctx.inTx) throw new Error('cancelOrdersBulk must run inside a transaction');
  const outcomes = new Map<string, BulkCancelOutcome>();
  if (orderIds.length === 0) return { outcomes, refundIds: [] };
  const locked = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, ctx.storeId), inArray(orders.id, [...new Set(orderIds)])))
    .orderBy(asc(orders.id))
    .for('update');
  for (const id of orderIds) if (!locked.some((r) => r.id === id)) outcomes.set(id, { outcome: 'refused', error: new AppError('ORDER_NOT_FOUND', { orderId: id }) });

  const toCancel: OrderRow[] = [];
  const toRefund: OrderRow[] = [];
  for (const order of locked) {
    if (!isOpen(order.status) || (o.only && !o.only(order))) {
      outcomes.set(order.id, { outcome: 'skipped' });
      continue;
    }
    const to = refundableFen(order) > 0 ? 'refunded' : 'cancelled';
    if (!canTransition(order.status, to)) {
      outcomes.set(order.id, { outcome: 'refused', error: new AppError('ORDER_STATE_INVALID', { from: order.status, to }) });
      continue;
    }
    (to === 'refunded' ? toRefund : toCancel).push(order);
  }

  // the money first: an order whose refund cannot be promised is left exactly as it was
  const asked = toRefund.map((order) => ({ orderId: order.id, amountFen: refundableFen(order), reason, idemKey: newId() }));
  const answers = await payments.requestRefunds(ctx, asked);
  const refunded: Array<{ order: OrderRow; refundId: string; amountFen: number; idemKey: string }> = [];
  toRefund.forEach((order, k) => {
    const a = answers[k];
    if (a) refunded.push({ order, refundId: a.refundId, amountFen: asked[k]!.amountFen, idemKey: asked[k]!.idemKey });
    else outcomes.set(order.id, { outcome: 'refused', error: new AppError('REFUND_EXCEEDS_PAID', { orderId: order.id, requestedFen: asked[k]!.amountFen }) });
  });

  const closing = [...toCancel, ...refunded.map((r) => r.order)];
  const lines = await linesOf(ctx.db, closing.map((x) => x.id));
  const left = (l: LineRow) => l.qty - l.refundedQty;
  await releaseMany(ctx, [...lines.values()].flat().filter((l) => l.reservationId && left(l) > 0).map((l) => l.reservationId!));

  const now = ctx.clock.now();
  const by = actorId(ctx.actor);
  if (refunded.length > 0) {
    const ids = refunded.map((r) => r.order.id);
    await ctx.db
      .update(orderLines)
      .set({ refundedQty: sql`${orderLines.qty}` })
      .where(and(eq(orderLines.storeId, ctx.storeId), inArray(orderLines.orderId, ids), lt(orderLines.refundedQty, orderLines.qty)));
    await ctx.db.execute(insertJsonRows(
      orderRefunds,
      refunded.map((r) => ({
        id: r.idemKey, orgId: ctx.orgId, storeId: ctx.storeId, orderId: r.order.id, amountFen: r.amountFen, reason,
        lines: (lines.get(r.order.id) ?? []).filter((l) => left(l) > 0).map((l) => ({ lineId: l.id, qty: left(l) })),
        paymentRefundId: r.refundId, status: 'pending' as const, createdBy: by, createdAt: now,
      })),
    ));
    // a full refund of what is left: refunded_fen becomes paid_fen
    await ctx.db
      .update(orders)
      .set({ status: 'refunded', refundedFen: sql`${orders.paidFen}`, version: sql`${orders.version} + 1`, updatedAt: now })
      .where(and(eq(orders.storeId, ctx.storeId), inArray(orders.id, ids)));
    for (const r of refunded) outcomes.set(r.order.id, { outcome: 'refunded', refundId: r.refundId, amountFen: r.amountFen });
  }
  if (toCancel.length > 0) {
    await ctx.db
      .update(orders)
      .set({ status: 'cancelled', cancelReason: reason, payBy: null, version: sql`${orders.version} + 1`, updatedAt: now })
      .where(and(eq(orders.storeId, ctx.storeId), inArray(orders.id, toCancel.map((x) => x.id))));
    for (const x of toCancel) outcomes.set(x.id, { outcome: 'cancelled' });
  }

  await emitMany(ctx, toCancel.map((x) => ({ type: 'order.cancelled' as const, payload: { ...orderRef(x), reason } })));
  await emitMany(
    ctx,
    refunded.map((r) => ({
      type: 'order.refunded' as const,
      payload: { ...orderRef(r.order), refundId: r.refundId, amountFen: r.amountFen, refundedFen: r.order.paidFen, full: true, reason },
    })),
  );
  await notifyMany(
    ctx,
    refunded
      .filter((r) => r.order.customerId)
      .map((r) => ({ to: { customerId: r.order.customerId! }, template: 'order_refunded' as const, params: { orderId: r.order.id, amountFen: r.amountFen, reason } })),
  );
  return { outcomes, refundIds: refunded.map((r) => r.refundId) };
}
