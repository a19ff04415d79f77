import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/ctx.js';
import { orderRefunds } from '../tables.js';

/**
 * The payments module reports a refund the order asked for as done (wired in app.ts as
 * onRefundSucceeded). The order already counted the money when it asked (refundedFen: what is
 * owed back, so nothing is refunded twice); this records that it has arrived.
 */
export async function markRefundSucceeded(ctx: Ctx, p: { orderId: string; refundId: string; amountFen: number }): Promise<void> {
  await ctx.db
    .update(orderRefunds)
    .set({ status: 'succeeded' })
    .where(and(eq(orderRefunds.storeId, ctx.storeId), eq(orderRefunds.orderId, p.orderId), eq(orderRefunds.paymentRefundId, p.refundId)));
}

/** `markRefundSucceeded` for a batch of refunds (wired as onRefundsSucceeded): one statement. */
export async function markRefundsSucceeded(ctx: Ctx, list: Array<{ orderId: string; refundId: string; amountFen: number }>): Promise<void> {
  if (list.length === 0) return;
  await ctx.db
    .update(orderRefunds)
    .set({ status: 'succeeded' })
    .where(
      and(
        eq(orderRefunds.storeId, ctx.storeId),
        inArray(orderRefunds.orderId, [...new Set(list.map((r) => r.orderId))]),
        inArray(orderRefunds.paymentRefundId, list.map((r) => r.refundId)),
      ),
    );
}
