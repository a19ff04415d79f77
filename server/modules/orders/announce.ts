import { emit } from '../../events/emit.js';
import type { Ctx } from '../../kernel/ctx.js';
import { notify } from '../notifications/index.js';
import type { OrderRow } from './orders.repo.js';
import { dueAtCounter } from './present.js';

export function orderRef(o: OrderRow) {
  return { orderId: o.id, channel: o.channel, customerId: o.customerId };
}

/** "Ready for pickup" is said once the goods are in the store: event + message to the buyer. */
export async function announceReady(ctx: Ctx, o: OrderRow): Promise<void> {
  await emit(ctx, 'order.ready', orderRef(o));
  if (o.customerId) {
    await notify(ctx, {
      to: { customerId: o.customerId },
      template: 'order_ready',
      params: { orderId: o.id, pickupCode: o.pickupCode, dueFen: dueAtCounter(o) },
    });
  }
}

export async function announceRefund(ctx: Ctx, o: OrderRow, r: { refundId: string; amountFen: number; full: boolean; reason: string }): Promise<void> {
  await emit(ctx, 'order.refunded', { ...orderRef(o), refundId: r.refundId, amountFen: r.amountFen, refundedFen: o.refundedFen, full: r.full, reason: r.reason });
  if (o.customerId) {
    await notify(ctx, {
      to: { customerId: o.customerId },
      template: 'order_refunded',
      params: { orderId: o.id, amountFen: r.amountFen, reason: r.reason },
    });
  }
}
