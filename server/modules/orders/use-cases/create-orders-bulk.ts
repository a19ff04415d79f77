import { insertJsonRows } from '../../../db/json-rows.js';
import { emitMany } from '../../../events/emit.js';
import type { Actor, Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import { assertFen } from '../../../kernel/money.js';
import { getSkusForSale } from '../../catalog/index.js';
import { reserveMany, type ReserveManyLine } from '../../inventory/index.js';
import { notifyMany } from '../../notifications/index.js';
import { orderRef } from '../announce.js';
import type { OrderChannel, OrderView } from '../contract.js';
import { insertOrdersWithCodes } from '../pickup-code.js';
import { dueAtCounter, presentOrder } from '../present.js';
import { orderLines } from '../tables.js';
import { assertOrderLines, initialStatus, payByOf, priceLines, type CreateOrderInput } from './create-order.js';

export interface BulkOrderInput extends CreateOrderInput {
  /** who placed it (the stock movements name them); default the ctx's actor */
  actor?: Actor;
}

/**
 * `createOrder` for many orders in the caller's transaction, set-based: the same rows and events
 * as one `createOrder` each (order with a pickup code free in the store, lines, one reservation
 * per line with its movement, order.created, order.ready and the ready message for orders ready
 * at once), written with a handful of multi-row statements whatever the number of orders — the
 * flash-sale engine's batches. `reserveFrom`: the lines' units pass from that reservation (a
 * flash sale's pool) instead of from the shelf. Any refusal (INSUFFICIENT_STOCK, SKU_INACTIVE …)
 * fails the whole call: the caller's transaction rolls back. Views in input order.
 */
export async function createOrdersBulk(tx: Ctx, inputs: BulkOrderInput[], opts: { reserveFrom?: string } = {}): Promise<OrderView[]> {
  if (!tx.inTx) throw new Error('createOrdersBulk must run inside a transaction');
  if (inputs.length === 0) return [];
  for (const i of inputs) assertOrderLines(i);
  const now = tx.clock.now();
  const skus = await getSkusForSale(tx, [...new Set(inputs.flatMap((i) => i.lines.map((l) => l.skuId)))]);

  const drafts = inputs.map((input) => {
    const priced = priceLines(input, skus);
    const totalFen = assertFen(priced.reduce((s, l) => s + l.lineTotalFen, 0));
    return { input, id: newId(), status: initialStatus(input), priced, totalFen, payBy: payByOf(input, now) };
  });
  const orders = await insertOrdersWithCodes(
    tx,
    drafts.map((d) => ({
      id: d.id, orgId: tx.orgId, storeId: tx.storeId, customerId: d.input.customerId, channel: d.input.channel, status: d.status,
      fulfilment: d.input.fulfilment, paymentMethod: d.input.paymentMethod, totalFen: d.totalFen, payBy: d.payBy,
      sourceRef: d.input.sourceRef ?? null, note: d.input.note ?? null, createdAt: now, updatedAt: now,
    })),
  );

  // the reservations, grouped by channel (one reserveMany each; a flash-sale batch is one channel)
  const reservationOf = new Map<string, string>();
  const byChannel = new Map<OrderChannel, { lines: ReserveManyLine[]; lineIds: string[] }>();
  for (const d of drafts) {
    if (d.input.reserveStock === false) continue;
    const g = byChannel.get(d.input.channel) ?? { lines: [], lineIds: [] };
    for (const l of d.priced) {
      g.lines.push({ skuId: l.sku.skuId, qty: l.qty, orderId: d.id, orderLineId: l.id, expiresAt: d.payBy, actor: d.input.actor });
      g.lineIds.push(l.id);
    }
    byChannel.set(d.input.channel, g);
  }
  if (opts.reserveFrom && byChannel.size > 1) throw new Error('reserveFrom hands one pool over to one channel');
  for (const [channel, g] of byChannel) {
    const { reservationIds } = await reserveMany(tx, channel, g.lines, { from: opts.reserveFrom });
    g.lineIds.forEach((id, k) => reservationOf.set(id, reservationIds[k]!));
  }

  const linesOf = drafts.map((d) =>
    d.priced.map((l) => ({
      id: l.id, orderId: d.id, storeId: tx.storeId, position: l.position, skuId: l.sku.skuId, productId: l.sku.productId,
      productName: l.sku.productName, spec: l.sku.spec, unit: l.sku.unit, qty: l.qty, unitPriceFen: l.unitPriceFen,
      lineTotalFen: l.lineTotalFen, reservationId: reservationOf.get(l.id) ?? null, refundedQty: 0,
    })),
  );
  await tx.db.execute(insertJsonRows(orderLines, linesOf.flat()));

  const ready = orders.filter((o) => o.status === 'ready_for_pickup');
  await emitMany(tx, [
    ...orders.map((o, k) => ({
      type: 'order.created' as const,
      payload: {
        ...orderRef(o), totalFen: o.totalFen, paymentMethod: o.paymentMethod,
        lines: linesOf[k]!.map((l) => ({ skuId: l.skuId, qty: l.qty, lineTotalFen: l.lineTotalFen })),
      },
    })),
    ...ready.map((o) => ({ type: 'order.ready' as const, payload: orderRef(o) })),
  ]);
  await notifyMany(
    tx,
    ready
      .filter((o) => o.customerId)
      .map((o) => ({ to: { customerId: o.customerId! }, template: 'order_ready' as const, params: { orderId: o.id, pickupCode: o.pickupCode, dueFen: dueAtCounter(o) } })),
  );
  return orders.map((o, k) => presentOrder(o, linesOf[k]!));
}
