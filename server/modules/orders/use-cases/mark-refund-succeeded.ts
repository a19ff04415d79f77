import { and, eq } from 'drizzle-orm';
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
